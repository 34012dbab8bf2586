// One logical connection to the gateway over successive sockets: authenticates with an `auth`
// frame (the token stays out of URLs and logs), pings at the interval `ready` names and treats
// silence as a dead socket, reconnects with backoff (at once after a 1012 service restart), and
// stops for good on 4001/4003 (the token is refused: retrying cannot help).
import type { ClientFrame, ServerFrame } from '../../contract/index.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { CLOSE, CLOSE_SILENT } from './close-codes.ts';
import { Pacer } from './pacer.ts';
import type { ConnectionState } from './types.ts';

type ReadyFrame = Extract<ServerFrame, { type: 'ready' }>;

export interface ConnectionOptions {
  url: string;
  token: () => string | undefined;
  WebSocket: typeof WebSocket;
  backoff: BackoffOptions;
  maxFramesPerSecond: number;
  onState(state: ConnectionState): void;
  onReady(frame: ReadyFrame): void;
  onFrame(frame: ServerFrame): void;
  /** A socket closed (or was given up on) after it had been ready. */
  onDown(): void;
  /** The token was refused: no reconnect follows. */
  onFatal(code: string, message: string): void;
}

/** No `open` and `ready` within this long: the attempt failed. */
const OPEN_TIMEOUT_MS = 10_000;
/** A connection that stayed ready this long starts its next reconnect from the first delay. */
const STABLE_MS = 10_000;

export class Connection {
  private readonly opts: ConnectionOptions;
  private socket: WebSocket | undefined;
  private ready = false;
  private stopped = true;
  private attempt = 0;
  private readyAt = 0;
  private lastFrameAt = 0;
  private lastPingAt = 0;
  private heartbeatMs = 30_000;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private readonly pacer: Pacer;
  private stateNow: ConnectionState = 'idle';
  /** Sockets ever opened: lets tests and callers see reconnects. */
  sockets = 0;

  constructor(opts: ConnectionOptions) {
    this.opts = opts;
    this.pacer = new Pacer(opts.maxFramesPerSecond, (text) => {
      try {
        this.socket?.send(text);
      } catch {
        // closing under us: the close event follows, and what matters is written again
      }
    });
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  get isReady(): boolean {
    return this.ready;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.setState('connecting');
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.drop(CLOSE.normal, 'client closed');
    this.setState('closed');
  }

  /** Writes a frame on the ready socket (paced; `onSent` runs when it goes out); false when there is none. */
  write(frame: ClientFrame, onSent?: () => void): boolean {
    if (!this.ready) return false;
    this.pacer.push(JSON.stringify(frame), onSent);
    return true;
  }

  private setState(state: ConnectionState): void {
    if (this.stateNow === state) return;
    this.stateNow = state;
    this.opts.onState(state);
  }

  private open(): void {
    let socket: WebSocket;
    try {
      socket = new this.opts.WebSocket(this.opts.url);
    } catch (err) {
      // Only a malformed URL throws here: retrying cannot help.
      this.stopped = true;
      this.setState('closed');
      return this.opts.onFatal('NETWORK_ERROR', err instanceof Error ? err.message : String(err));
    }
    this.socket = socket;
    this.sockets++;
    this.ready = false;
    this.openTimer = setTimeout(() => this.lost(socket, 'no ready in time'), OPEN_TIMEOUT_MS);
    socket.onopen = () => {
      const token = this.opts.token();
      if (!token) return this.fatal(socket, 'UNAUTHORIZED', 'no token: sign in first');
      socket.send(JSON.stringify({ type: 'auth', token } satisfies ClientFrame));
    };
    socket.onmessage = (ev: MessageEvent) => {
      if (socket !== this.socket) return;
      this.lastFrameAt = Date.now();
      let frame: ServerFrame;
      try {
        frame = JSON.parse(typeof ev.data === 'string' ? ev.data : String(ev.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') return this.onReady(socket, frame);
      this.opts.onFrame(frame);
    };
    socket.onclose = (ev: CloseEvent) => this.onClose(socket, ev.code, ev.reason);
    // Every error is followed by a close event, which decides what happens next.
    socket.onerror = () => undefined;
  }

  private onReady(socket: WebSocket, frame: ReadyFrame): void {
    clearTimeout(this.openTimer);
    this.ready = true;
    this.readyAt = Date.now();
    this.heartbeatMs = Math.max(1000, frame.heartbeat_ms);
    this.lastPingAt = this.readyAt;
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => this.beat(socket), Math.min(this.heartbeatMs / 2, 5000));
    this.setState('online');
    this.opts.onReady(frame);
  }

  /** Pings every heartbeatMs; nothing heard for a heartbeat and a grace period means the socket is dead. */
  private beat(socket: WebSocket): void {
    if (socket !== this.socket || !this.ready) return;
    const now = Date.now();
    if (now - this.lastFrameAt > this.heartbeatMs + Math.min(this.heartbeatMs, 10_000)) return this.lost(socket, 'no frame from the server in time');
    if (now - this.lastPingAt >= this.heartbeatMs) {
      this.lastPingAt = now;
      // Directly, not paced: a ping queued behind a burst would arrive too late to count.
      socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
    }
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    if (code === CLOSE.unauthorized || code === CLOSE.tokenRevoked) {
      return this.fatal(socket, 'UNAUTHORIZED', reason || (code === CLOSE.tokenRevoked ? 'token revoked' : 'token refused'));
    }
    const wasReady = this.ready;
    this.drop();
    if (this.stopped) return;
    // A restart notice on a socket that was serving: reconnect at once. Refused at once
    // (a draining gateway answers new sockets with 1012), back off like any failure.
    this.scheduleReconnect(code === CLOSE.serviceRestart && wasReady ? 0 : undefined, wasReady);
  }

  /** Gives up on a socket without waiting for its close (a half-open socket may never send one). */
  private lost(socket: WebSocket, _why: string): void {
    if (socket !== this.socket || this.stopped) return;
    const wasReady = this.ready;
    this.drop(CLOSE_SILENT, 'silent');
    this.scheduleReconnect(undefined, wasReady);
  }

  private fatal(socket: WebSocket, code: string, message: string): void {
    if (socket !== this.socket) return;
    this.stopped = true;
    this.drop(CLOSE.normal, 'unauthorized');
    this.setState('closed');
    this.opts.onFatal(code, message);
  }

  /** Detaches and closes the current socket. */
  private drop(code?: number, reason?: string): void {
    const socket = this.socket;
    const wasReady = this.ready;
    clearTimeout(this.openTimer);
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    this.pacer.clear();
    this.ready = false;
    this.socket = undefined;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = () => undefined;
      if (code !== undefined && socket.readyState <= 1) {
        try {
          socket.close(code, reason);
        } catch {
          // already closing
        }
      }
    }
    if (wasReady) this.opts.onDown();
  }

  private scheduleReconnect(delayMs: number | undefined, wasReady: boolean): void {
    if (wasReady && Date.now() - this.readyAt >= STABLE_MS) this.attempt = 0;
    const delay = delayMs ?? backoffDelay(this.attempt++, this.opts.backoff);
    this.setState('reconnecting');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (!this.stopped) this.open();
    }, delay);
  }
}
