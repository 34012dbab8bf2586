// The sockets of this gateway instance, indexed by user and by connection id. A user may hold
// several connections (phone, laptop, tabs); each gets every frame sent to the user.
import type { WebSocket } from 'ws';
import { CloseCode, type Id } from '../../contract/index.ts';
import type { ReadTracker } from './read-tracker.ts';

export interface Connection {
  id: string;
  userId: Id;
  /** The token's id (jti): revoking it closes this connection. */
  tokenId: string;
  socket: WebSocket;
  /** How far behind the client is in reading (its pongs to the gateway's pings). */
  reads: ReadTracker;
  ip: string;
  connectedAt: number;
  lastSeenAt: number;
  /** Frames received in the current one-second window, for the per-connection rate limit. */
  windowStart: number;
  windowFrames: number;
}

/** When a socket counts as too slow: see sendRaw. */
export interface SlowLimits {
  /** Unsent bytes the gateway may queue for a socket. */
  maxBufferedBytes: number;
  /** Bytes a client may be sent after a ping it has not answered, wherever they wait (see ReadTracker). */
  maxUnreadBytes: number;
}

export class ConnectionRegistry implements SlowLimits {
  private readonly byUser = new Map<Id, Set<Connection>>();
  private readonly byId = new Map<string, Connection>();
  readonly maxBufferedBytes: number;
  readonly maxUnreadBytes: number;
  /** Told of every socket closed as too slow. */
  readonly onSlowClose: () => void;

  constructor(opts: SlowLimits & { onSlowClose?: () => void }) {
    this.maxBufferedBytes = opts.maxBufferedBytes;
    this.maxUnreadBytes = opts.maxUnreadBytes;
    this.onSlowClose = opts.onSlowClose ?? (() => undefined);
  }

  /** Adds a connection; true when it is the user's first on this gateway. */
  add(conn: Connection): boolean {
    this.byId.set(conn.id, conn);
    let set = this.byUser.get(conn.userId);
    const first = !set;
    if (!set) this.byUser.set(conn.userId, (set = new Set()));
    set.add(conn);
    return first;
  }

  /** Removes a connection; true when it was the user's last on this gateway. */
  remove(conn: Connection): boolean {
    if (!this.byId.delete(conn.id)) return false;
    const set = this.byUser.get(conn.userId);
    if (!set) return false;
    set.delete(conn);
    if (set.size > 0) return false;
    this.byUser.delete(conn.userId);
    return true;
  }

  get(id: string): Connection | undefined {
    return this.byId.get(id);
  }

  ofUser(userId: Id): ReadonlySet<Connection> | undefined {
    return this.byUser.get(userId);
  }

  hasUser(userId: Id): boolean {
    return this.byUser.has(userId);
  }

  users(): IterableIterator<Id> {
    return this.byUser.keys();
  }

  all(): IterableIterator<Connection> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  get userCount(): number {
    return this.byUser.size;
  }

  /** Connections opened with a token (its jti). */
  withToken(userId: Id, tokenId: string): Connection[] {
    return [...(this.byUser.get(userId) ?? [])].filter((c) => c.tokenId === tokenId);
  }

  /** Sends one pre-encoded frame to every connection of every listed user but `exceptId`; returns sockets written. */
  sendToUsers(userIds: Iterable<Id>, encoded: Buffer, exceptId?: string): number {
    let n = 0;
    for (const userId of userIds) {
      const set = this.byUser.get(userId);
      if (!set) continue;
      for (const conn of set) if (conn.id !== exceptId) n += sendRaw(conn, encoded, this) ? 1 : 0;
    }
    return n;
  }
}

const OPEN = 1;
/** How long a socket closed as too slow has to read its close frame before it is cut off. */
const SLOW_CLOSE_GRACE_MS = 5000;

/**
 * Writes a frame; a socket that stopped reading is closed instead of buffering without end: when
 * the gateway's own queue for it would pass maxBufferedBytes, or what it was sent after a ping
 * it has not answered would pass maxUnreadBytes. The close frame waits behind what is queued, so a slow
 * client still reads it (4010); nothing more is queued once it is closing, and one that does not
 * read it within SLOW_CLOSE_GRACE_MS is cut off (it sees 1006).
 */
export function sendRaw(conn: Connection, encoded: Buffer, limits: SlowLimits & { onSlowClose(): void }): boolean {
  const { socket } = conn;
  if (socket.readyState !== OPEN) return false;
  if (socket.bufferedAmount + encoded.length > limits.maxBufferedBytes || conn.reads.unread + encoded.length > limits.maxUnreadBytes) {
    socket.close(CloseCode.slowConsumer, 'too slow: unsent frames over the limit, reconnect and sync');
    // What it has queued is freed only when the connection ends: a client that does not read
    // its close frame soon is cut off rather than left to the WebSocket layer's 30 s timeout.
    setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
    limits.onSlowClose();
    return false;
  }
  // A text frame from bytes already UTF-8: the server does not mask, so the buffer is queued as is.
  socket.send(encoded, { binary: false });
  conn.reads.add(encoded.length);
  return true;
}
