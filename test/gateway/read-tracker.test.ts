// The unread count behind slow-socket closes: pings every probeEvery bytes carry the count so
// far, and each pong moves what the client has shown it read up to the ping it answers.
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
    expect(reads.unread).toBe(280);
  });

  it('counts as read what a pong proves, and every earlier mark with it', () => {
    const { socket, reads } = tracker(100);
    for (let i = 0; i < 7; i++) reads.add(40);
    socket.pong('240');
    expect(reads.unread).toBe(40);
    socket.pong('240'); // none in flight: proves nothing new
    expect(reads.unread).toBe(40);
  });

  it('takes a pong that names no ping as the answer to the oldest (clients that do not echo the payload)', () => {
    const { socket, reads } = tracker(100);
    for (let i = 0; i < 7; i++) reads.add(40);
    socket.pong('');
    expect(reads.unread).toBe(160);
    socket.pong('x');
    expect(reads.unread).toBe(40);
  });

  it('ignores a pong when no ping is in flight', () => {
    const { socket, reads } = tracker(100);
    reads.add(150);
    socket.pong('150');
    reads.add(30);
    socket.pong('150');
    socket.pong('');
    expect(reads.unread).toBe(30);
  });

  it('stops pinging a client that answers none, past 32 pings in flight', () => {
    const { socket, reads } = tracker(10);
    for (let i = 0; i < 100; i++) reads.add(10);
    expect(socket.pings).toHaveLength(32);
    expect(reads.unread).toBe(1000);
  });

  it('asks eight times per limit, never more often than every 16 KiB', () => {
    expect(readProbeBytes(4 * 1024 * 1024)).toBe(512 * 1024);
    expect(readProbeBytes(64 * 1024)).toBe(16 * 1024);
  });
});
