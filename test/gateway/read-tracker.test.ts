// The count behind slow-socket closes: pings every probeEvery bytes carry the count so far, each
// pong answers the pings up to the one it names, and a client is as far behind as what it was
// sent after the oldest ping it has not answered.
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { ReadTracker, readProbeBytes } from '../../gateway/ws/read-tracker.ts';

class FakeSocket extends EventEmitter {
  readonly pings: string[] = [];
  ping(data: string): void {
    this.pings.push(data);
  }
  pong(data: string): void {
    this.emit('pong', Buffer.from(data));
  }
}

function tracker(probeEvery: number): { socket: FakeSocket; reads: ReadTracker } {
  const socket = new FakeSocket();
  return { socket, reads: new ReadTracker(socket as unknown as WebSocket, probeEvery) };
}

describe('ReadTracker', () => {
  it('pings after every probeEvery bytes with the count so far', () => {
    const { socket, reads } = tracker(100);
    for (let i = 0; i < 7; i++) reads.add(40);
    expect(socket.pings).toEqual(['120', '240']);
    expect(reads.unread).toBe(160);
  });

  it('does not hold a large reply against the client, only what follows an unanswered ping', () => {
    const { socket, reads } = tracker(100);
    reads.add(5000); // a sync page far over any limit
    expect(socket.pings).toEqual(['5000']);
    expect(reads.unread).toBe(0);
    reads.add(30);
    expect(reads.unread).toBe(30);
    socket.pong('5000');
    expect(reads.unread).toBe(0);
  });

  it('takes a pong as the answer to the ping it names and every earlier one', () => {
    const { socket, reads } = tracker(100);
    for (let i = 0; i < 7; i++) reads.add(40);
    socket.pong('240');
    expect(reads.unread).toBe(0);
    for (let i = 0; i < 3; i++) reads.add(40);
    expect(socket.pings).toEqual(['120', '240', '360']);
    expect(reads.unread).toBe(40);
  });

  it('takes a pong that names no ping as the answer to the oldest (clients that do not echo the payload)', () => {
    const { socket, reads } = tracker(100);
    for (let i = 0; i < 7; i++) reads.add(40);
    socket.pong('');
    expect(reads.unread).toBe(40);
    socket.pong('x');
    expect(reads.unread).toBe(0);
  });

  it('ignores a pong when no ping is in flight', () => {
    const { socket, reads } = tracker(100);
    reads.add(150);
    socket.pong('150');
    reads.add(30);
    socket.pong('150');
    socket.pong('');
    expect(socket.pings).toEqual(['150']);
    expect(reads.unread).toBe(0);
    reads.add(80);
    expect(reads.unread).toBe(0); // 260: a new ping, nothing after it yet
    reads.add(5);
    expect(reads.unread).toBe(5);
  });

  it('stops pinging a client that answers none, past 32 pings in flight', () => {
    const { socket, reads } = tracker(10);
    for (let i = 0; i < 100; i++) reads.add(10);
    expect(socket.pings).toHaveLength(32);
    expect(reads.unread).toBe(990);
  });

  it('asks eight times per limit, never more often than every 16 KiB', () => {
    expect(readProbeBytes(4 * 1024 * 1024)).toBe(512 * 1024);
    expect(readProbeBytes(64 * 1024)).toBe(16 * 1024);
  });
});
