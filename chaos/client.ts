// A client that follows docs/protocol.md: client_msg_ids it assigns, unacked sends kept and
// resent with the same id after a timeout and after every reconnect, reconnects with
// exponential backoff and jitter, `sync` of every conversation from the last seq it holds
// without a gap after each (re)connect (following has_more), pings every heartbeat_ms, drops
// message ids it already has. It never sends more than `framesPerSecond` frames a second.
import WebSocket from 'ws';
import type { Ledger, WireMessage } from './ledger.ts';

export interface ChatUser {
  id: string;
  name: string;
  token: string;
}

export interface ClientOptions {
  user: ChatUser;
  gateway: { index: number; wsUrl: string };
  conversations: string[];
  ledger: Ledger;
  runId: string;
  resendMs: number;
  framesPerSecond: number;
  /** Never read after `ready` (the TCP socket is paused): a slow consumer. */
  paused?: boolean;
  /** Reconnect after a close (false for slow consumers: their close code is the finding). */
  reconnect?: boolean;
  backoff?: { baseMs: number; maxMs: number };
}

interface Pending {
  conv: string;
  content: string;
  lastSentAt: number;
  queued: boolean;
  /** Resends since the last (re)connect: the wait before the next one doubles each time. */
  resends: number;
}

const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_ERROR', 'RATE_LIMITED']);
/** Longest wait between two resends of one message on one connection. */
const RESEND_MAX_MS = 30_000;
const SYNC_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 10_000;

let sequence = 0;

export class ChatClient {
  readonly user: ChatUser;
  readonly gateway: { index: number; wsUrl: string };
  readonly conversations: string[];
  readonly closeCodes: number[] = [];
  readonly errors = new Map<string, number>();
  connects = 0;
  private readonly o: ClientOptions;
  private ws: WebSocket | undefined;
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly seqs = new Map<string, Set<number>>();
  private readonly watermark = new Map<string, number>();
  private readonly seen = new Set<string>();
  /** conversation → when its outstanding sync request was sent. */
  private readonly syncing = new Map<string, number>();
  /** Frames waiting for the pacing; a send carries its client_msg_id. */
  private queue: { text: string; cmid?: string }[] = [];
  private tokens = 0;
  private lastRefill = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private unpause: (() => void) | undefined;
  private pinger: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private counter = 0;
  private readonly prefix: string;

  constructor(o: ClientOptions) {
    this.o = o;
    this.user = o.user;
    this.gateway = o.gateway;
    this.conversations = [...o.conversations];
    this.prefix = `${o.runId}.${(sequence++).toString(36)}`;
    for (const c of this.conversations) this.watermark.set(c, 0);
    // Resends and sync retries; nothing happens while the socket is not ready.
    this.timers.push(setInterval(() => this.tick(), 250));
  }

  get isReady(): boolean {
    return this.ready;
  }

  get unacked(): number {
    return this.pending.size;
  }

  get syncOutstanding(): number {
    return this.syncing.size;
  }

  /** Highest seq held with nothing missing below it. */
  heldUpTo(conv: string): number {
    return this.watermark.get(conv) ?? 0;
  }

  connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(`${this.gateway.wsUrl}?token=${encodeURIComponent(this.user.token)}`);
    this.ws = ws;
    const connectTimer = setTimeout(() => {
      if (!this.ready && this.ws === ws) ws.terminate();
    }, CONNECT_TIMEOUT_MS);
    ws.on('message', (data: WebSocket.RawData) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      this.onFrame(ws, JSON.parse(text) as Record<string, unknown>);
    });
    ws.on('error', () => undefined);
    ws.once('close', (code: number) => {
      clearTimeout(connectTimer);
      if (this.ws !== ws) return;
      this.closeCodes.push(code);
      if (this.ready) this.o.ledger.onDisconnected(this.user.id, Date.now());
      this.ready = false;
      this.queue = [];
      this.syncing.clear();
      clearInterval(this.pinger);
      for (const p of this.pending.values()) p.queued = false;
      if (!this.stopped && this.o.reconnect !== false) this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const { baseMs, maxMs } = this.o.backoff ?? { baseMs: 250, maxMs: 5000 };
    const delay = Math.min(maxMs, baseMs * 2 ** this.attempt) * (0.5 + Math.random());
    this.attempt++;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** Assigns a client_msg_id, records the send and sends it as soon as the pacing allows. */
  send(conv: string, content: string): string {
    const cmid = `${this.prefix}.${(this.counter++).toString(36)}`;
    const now = Date.now();
    this.o.ledger.onSend(cmid, this.user.id, this.gateway.index, conv, now);
    const p: Pending = { conv, content, lastSentAt: now, queued: false, resends: 0 };
    this.pending.set(cmid, p);
    if (this.ready) this.enqueueSend(cmid, p);
    return cmid;
  }

  private enqueueSend(cmid: string, p: Pending): void {
    p.queued = true;
    this.push({ text: JSON.stringify({ type: 'send', client_msg_id: cmid, conversation_id: p.conv, content: p.content }), cmid });
  }

  /** Asks for everything after the last seq held without a gap, for the given conversations. */
  requestSync(convs: string[] = this.conversations): void {
    // A socket that never reads sends nothing that asks for more data.
    if (!this.ready || this.o.paused || this.unpause) return;
    const now = Date.now();
    for (let i = 0; i < convs.length; i += 50) {
      const part = convs.slice(i, i + 50);
      const conversations = Object.fromEntries(part.map((c) => [c, this.heldUpTo(c)]));
      for (const c of part) this.syncing.set(c, now);
      this.push({ text: JSON.stringify({ type: 'sync', conversations, limit: 200 }) });
    }
  }

  /** Resolves once every conversation has been synced to its end on a live connection. */
  async syncAll(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ready && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!this.ready) return false;
    this.requestSync();
    while (Date.now() < deadline) {
      if (this.ready && this.syncing.size === 0) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  private onFrame(ws: WebSocket, f: Record<string, unknown>): void {
    const now = Date.now();
    switch (f.type) {
      case 'ready': {
        this.ready = true;
        this.attempt = 0;
        this.connects++;
        this.o.ledger.onConnected(this.user.id, now);
        if (this.o.paused) this.pauseReading(ws);
        const every = Number(f.heartbeat_ms) || 30_000;
        clearInterval(this.pinger);
        this.pinger = setInterval(() => this.push({ text: '{"type":"ping"}' }), every);
        this.requestSync();
        this.resendAll(now);
        return;
      }
      case 'ack': {
        const cmid = String(f.client_msg_id);
        this.pending.delete(cmid);
        this.o.ledger.onAck(cmid, String(f.message_id), Number(f.seq), now);
        return;
      }
      case 'error': {
        const code = String(f.code);
        this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
        const cmid = typeof f.client_msg_id === 'string' ? f.client_msg_id : undefined;
        const p = cmid ? this.pending.get(cmid) : undefined;
        if (!cmid || !p) return;
        if (RETRYABLE.has(code)) {
          // try again in about a second
          p.lastSentAt = now - this.resendWait(p) + 1000;
        } else {
          this.pending.delete(cmid);
          this.o.ledger.onRefused(cmid, code);
        }
        return;
      }
      case 'message':
        this.deliver(f.message as WireMessage, 'live', now);
        return;
      case 'sync': {
        const conv = String(f.conversation_id);
        const msgs = (f.messages as WireMessage[] | undefined) ?? [];
        for (const m of msgs) this.deliver(m, 'sync', now);
        if (f.has_more === true && msgs.length > 0) {
          // Sync again from the last seq received.
          const last = Math.max(...msgs.map((m) => m.seq));
          this.syncing.set(conv, now);
          this.push({ text: JSON.stringify({ type: 'sync', conversations: { [conv]: Math.max(last, this.heldUpTo(conv)) }, limit: 200 }) });
        } else {
          this.syncing.delete(conv);
        }
        return;
      }
      default:
        return;
    }
  }

  private deliver(m: WireMessage, via: 'live' | 'sync', now: number): void {
    this.o.ledger.onDelivery(this.user.id, m, via, now);
    if (this.seen.has(m.message_id)) return;
    this.seen.add(m.message_id);
    let held = this.seqs.get(m.conversation_id);
    if (!held) this.seqs.set(m.conversation_id, (held = new Set()));
    held.add(m.seq);
    let w = this.watermark.get(m.conversation_id) ?? 0;
    while (held.has(w + 1)) held.delete(++w);
    this.watermark.set(m.conversation_id, w);
  }

  private push(f: { text: string; cmid?: string }): void {
    this.queue.push(f);
    this.flush();
  }

  /** Sends what the pacing allows now; if frames remain, comes back when the next one may go. */
  private flush(): void {
    const now = Date.now();
    this.tokens = Math.min(this.o.framesPerSecond / 5, this.tokens + ((now - this.lastRefill) / 1000) * this.o.framesPerSecond);
    this.lastRefill = now;
    const ws = this.ws;
    if (!this.ready || !ws || ws.readyState !== WebSocket.OPEN) return;
    while (this.tokens >= 1 && this.queue.length > 0) {
      this.tokens--;
      const f = this.queue.shift()!;
      ws.send(f.text);
      const p = f.cmid === undefined ? undefined : this.pending.get(f.cmid);
      if (p) {
        // The resend timeout runs from the moment the frame actually left.
        p.queued = false;
        p.lastSentAt = now;
      }
    }
    if (this.queue.length > 0 && this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.flush();
      }, Math.ceil(1000 / this.o.framesPerSecond));
    }
  }

  private tick(): void {
    if (!this.ready) return;
    const now = Date.now();
    for (const [cmid, p] of this.pending) {
      if (!p.queued && now - p.lastSentAt >= this.resendWait(p)) {
        p.lastSentAt = now;
        p.resends++;
        this.o.ledger.onResend(cmid, now);
        this.enqueueSend(cmid, p);
      }
    }
    // A sync frame that got no answer (dropped by a rate limit, lost with a worker) is asked again.
    const stale = [...this.syncing].filter(([, at]) => now - at > SYNC_TIMEOUT_MS).map(([c]) => c);
    if (stale.length > 0) this.requestSync(stale);
  }

  private resendWait(p: Pending): number {
    return Math.min(RESEND_MAX_MS, this.o.resendMs * 2 ** p.resends);
  }

  /** Resends every unacked message now (after a reconnect, or before a checkpoint's drain). */
  resendAll(now = Date.now()): void {
    if (!this.ready) return;
    for (const [cmid, p] of this.pending) {
      if (p.queued) continue;
      p.lastSentAt = now;
      p.resends = 0;
      this.o.ledger.onResend(cmid, now);
      this.enqueueSend(cmid, p);
    }
  }

  /**
   * Stops reading the TCP socket. `ws` resumes its socket itself whenever its frame parser
   * drains, so `resume` is disabled until resumeReading(): the socket really never reads.
   */
  private pauseReading(ws: WebSocket): void {
    const sock = (ws as unknown as { _socket: { pause(): unknown; resume(): unknown } })._socket;
    const resume = sock.resume.bind(sock);
    sock.resume = () => sock;
    sock.pause();
    this.unpause = () => {
      sock.resume = resume;
      resume();
    };
  }

  /** Stops reading from now on (a client that was reading becomes a slow consumer). */
  pauseNow(): void {
    if (!this.unpause && this.ws) this.pauseReading(this.ws);
  }

  resumeReading(): void {
    this.unpause?.();
    this.unpause = undefined;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pinger);
    clearTimeout(this.flushTimer);
    for (const t of this.timers) clearInterval(t);
    if (this.ready && this.ws) this.o.ledger.onDisconnected(this.user.id, Date.now());
    this.ready = false;
    this.ws?.terminate();
  }
}
