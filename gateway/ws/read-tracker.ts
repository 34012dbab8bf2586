// How far behind a client is in reading its socket. The gateway's own queue (`bufferedAmount`)
// is only the last of the buffers between a frame and the client's code: the kernel holds up to
// tcp_wmem on the gateway's side and the client's autotuned receive buffer on the other, which
// on a fast link grows to many MiB (13 MiB per socket measured on loopback). Counting only the
// gateway's queue, a client that stops reading is sent all that before it is closed, and the
// gateway pays for every byte. So every `probeEvery` bytes the gateway sends a WebSocket ping
// carrying the byte count so far; the client's pong (every WebSocket client answers pings, in
// order, once it has read what came before) proves it read that far. A client is as far behind
// as what it was sent after the oldest ping it has not answered: a large reply before that ping
// (a sync page) does not count, only what keeps coming while the client does not answer.
import type { WebSocket } from 'ws';

/** How often to ask for proof of reading: eight times per unread limit, so a reader is closed near the limit, not at twice it. */
export function readProbeBytes(maxUnreadBytes: number): number {
  return Math.max(16 * 1024, Math.floor(maxUnreadBytes / 8));
}

/** Pings in flight at most: past this many unanswered the client is behind anyway. */
const MAX_MARKS = 32;

export class ReadTracker {
  private sent = 0;
  private nextProbeAt: number;
  /** Byte counts sent as ping payloads and not answered yet, oldest first. */
  private readonly marks: number[] = [];

  private readonly socket: WebSocket;
  private readonly probeEvery: number;

  constructor(socket: WebSocket, probeEvery: number) {
    this.socket = socket;
    this.probeEvery = probeEvery;
    this.nextProbeAt = probeEvery;
    socket.on('pong', (data: Buffer) => this.onPong(data));
  }

  /** Bytes sent after the oldest ping the client has not answered (0 when it answered all). */
  get unread(): number {
    return this.marks.length === 0 ? 0 : this.sent - this.marks[0]!;
  }

  /** Counts bytes handed to the socket; pings after every `probeEvery` of them. */
  add(bytes: number): void {
    this.sent += bytes;
    if (this.sent < this.nextProbeAt || this.marks.length >= MAX_MARKS) return;
    this.nextProbeAt = this.sent + this.probeEvery;
    this.marks.push(this.sent);
    this.socket.ping(String(this.sent));
  }

  /**
   * A pong answers the oldest ping in flight (pongs come in order), and names it: the payload is
   * echoed. One naming a later mark answers every ping up to it; one naming none (a client that
   * does not echo the payload) answers the oldest, so such a client is not closed while it reads.
   */
  private onPong(data: Buffer): void {
    if (this.marks.length === 0) return;
    const i = this.marks.indexOf(Number(data.toString('latin1')));
    this.marks.splice(0, (i < 0 ? 0 : i) + 1);
  }
}
