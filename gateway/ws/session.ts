// One WebSocket connection: authenticate (query token or first frame), then handle frames.
// The message listener is attached before any await, each frame has its own try/catch, and
// every failure becomes an error frame or a documented close code, never a crashed gateway.
import { randomUUID } from 'node:crypto';
import type { WebSocket, RawData } from 'ws';
import { CloseCode, INTERNAL_MESSAGE, parseClientFrame, sendReferences, toWire, withReactions, type ClientFrame, type ServerFrame, type UpstreamMessage } from '../../contract/index.ts';
import { traceWsSend } from '../../telemetry/spans.ts';
import { isTracing } from '../../telemetry/tracing.ts';
import { toClientError } from '../errors.ts';
import type { Connection, ConnectionRegistry } from './connections.ts';
import type { RealtimeDeps } from './deps.ts';
import { ReadTracker, readProbeBytes } from './read-tracker.ts';

const MAX_QUEUED_BEFORE_AUTH = 32;

export function handleSocket(socket: WebSocket, ip: string, queryToken: string | undefined, deps: RealtimeDeps, registry: ConnectionRegistry): void {
  // Only whether a query token was given is kept: the token is a slice of the upgrade URL and
  // would keep that whole string alive for the connection's life.
  const session = new Session(socket, ip, queryToken !== undefined && queryToken !== '', deps, registry);
  if (queryToken) session.authenticate(queryToken).catch((err: unknown) => session.failed(err));
}

/**
 * A connection's state. One object with its methods on the prototype: per connection only the
 * fields and the three socket listeners are held, not a closure for every step.
 */
class Session {
  private readonly socket: WebSocket;
  private readonly ip: string;
  private readonly tokenInQuery: boolean;
  private readonly deps: RealtimeDeps;
  private readonly registry: ConnectionRegistry;
  private conn: Connection | undefined;
  private closed = false;
  /**
   * The send contents still being looked up (attachment sends), in frame order: a later send of
   * this socket waits for them, so the sends of one socket reach the pipeline in the order they
   * came even when one of them needs the store. Undefined when none is pending: text then costs nothing.
   */
  private preparing: Promise<unknown> | undefined;
  private authenticating = false;
  private readonly queued: string[] = [];
  private authTimer: NodeJS.Timeout | undefined;

  constructor(socket: WebSocket, ip: string, tokenInQuery: boolean, deps: RealtimeDeps, registry: ConnectionRegistry) {
    this.socket = socket;
    this.ip = ip;
    this.tokenInQuery = tokenInQuery;
    this.deps = deps;
    this.registry = registry;
    this.authTimer = setTimeout(() => {
      if (!this.conn) this.close(CloseCode.authTimeout, 'authentication timeout');
    }, deps.limits.authTimeoutMs);
    socket.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    socket.on('close', () => this.onClose());
    socket.on('error', (err) => deps.onError(err, 'socket'));
  }

  private send(f: ServerFrame): void {
    const { socket } = this;
    if (socket.readyState !== 1) return;
    // A reply may be large (a sync page), so only what already waits unsent is held against
    // the limit: a client that keeps asking without reading is closed as too slow.
    if (socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'too slow: unsent frames over the limit, reconnect and sync');
      this.registry.onSlowClose();
      return;
    }
    // Encoded here rather than by `ws` (which would do the same): its length is what the read
    // tracker counts.
    const bytes = Buffer.from(JSON.stringify(f));
    socket.send(bytes, { binary: false });
    this.conn?.reads.add(bytes.length);
  }

  private close(code: number, reason: string): void {
    if (this.socket.readyState <= 1) this.socket.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const { limits } = this.deps;
    const text = isBinary ? null : rawToString(data);
    if (text === null) return this.send({ type: 'error', code: 'BAD_FRAME', message: 'binary frames are not supported' });
    if (Buffer.byteLength(text) > limits.maxFrameBytes) {
      return this.send({ type: 'error', code: 'BAD_FRAME', message: `frame exceeds ${limits.maxFrameBytes} bytes` });
    }
    if (!this.conn) {
      if (this.queued.length >= MAX_QUEUED_BEFORE_AUTH) return this.close(CloseCode.rateLimited, 'too many frames before authentication');
      this.queued.push(text);
      if (!this.authenticating) this.authFromFrames().catch((err: unknown) => this.failed(err));
      return;
    }
    this.onFrame(this.conn, text).catch((err: unknown) => this.failed(err));
  }

  private onClose(): void {
    this.closed = true;
    clearTimeout(this.authTimer);
    const { conn, deps } = this;
    if (conn) deps.typingClosed(conn.id);
    if (conn && this.registry.remove(conn)) {
      deps.userDisconnected(conn.userId).catch((err) => deps.onError(err, 'userDisconnected'));
    }
  }

  // Nothing a client sends may take the gateway down: a failure no handler expected closes
  // this one connection and is logged.
  failed(err: unknown): void {
    this.deps.onError(err, 'unexpected failure handling a frame');
    this.close(CloseCode.internalError, 'internal error');
  }

  private async authFromFrames(): Promise<void> {
    if (this.tokenInQuery) return; // the query token is being checked; frames wait for it
    this.authenticating = true;
    const first = this.queued.shift();
    if (first === undefined) return;
    const parsed = parseClientFrame(first, this.deps.limits);
    if (!parsed.ok || parsed.frame.type !== 'auth') {
      this.send({ type: 'error', code: 'UNAUTHORIZED', message: 'the first frame must be {"type":"auth","token":"..."} (or pass ?token=)' });
      return this.close(CloseCode.unauthorized, 'unauthorized');
    }
    await this.authenticate(parsed.frame.token);
  }

  async authenticate(token: string): Promise<void> {
    const { deps } = this;
    this.authenticating = true;
    try {
      const result = await deps.authenticate(token);
      if (this.closed) return;
      if (!result.ok) {
        return this.close(result.reason === 'revoked' ? CloseCode.tokenRevoked : CloseCode.unauthorized, `token ${result.reason}`);
      }
      clearTimeout(this.authTimer);
      this.authTimer = undefined; // not kept for the connection's life
      if (deps.draining()) return this.close(CloseCode.serviceRestart, 'service restart');
      const now = Date.now();
      const reads = new ReadTracker(this.socket, readProbeBytes(this.registry.maxUnreadBytes));
      const conn: Connection = { id: randomUUID(), userId: result.userId, tokenId: result.tokenId, socket: this.socket, reads, ip: this.ip, connectedAt: now, lastSeenAt: now, windowStart: now, windowFrames: 0 };
      this.conn = conn;
      const firstHere = this.registry.add(conn);
      // Presence is written before `ready`, so everything stored from now on is pushed live and
      // everything stored before is in the client's sync.
      if (firstHere) await deps.userConnected(conn.userId).catch((err: unknown) => deps.onError(err, 'userConnected'));
      this.send({ type: 'ready', user_id: conn.userId, connection_id: conn.id, gateway_id: deps.gatewayId, heartbeat_ms: deps.limits.heartbeatIntervalMs });
      for (let f = this.queued.shift(); f !== undefined; f = this.queued.shift()) await this.onFrame(conn, f);
    } catch (err) {
      deps.onError(err, 'authenticate');
      this.close(CloseCode.serverShutdown, 'authentication unavailable');
    }
  }

  private async onFrame(c: Connection, text: string): Promise<void> {
    const { limits } = this.deps;
    const now = Date.now();
    c.lastSeenAt = now;
    if (now - c.windowStart >= 1000) {
      c.windowStart = now;
      c.windowFrames = 0;
    }
    if (++c.windowFrames > limits.maxFramesPerSecond) {
      if (c.windowFrames > limits.maxFramesPerSecond * 4) return this.close(CloseCode.rateLimited, 'rate limit exceeded');
      return this.send({ type: 'error', code: 'RATE_LIMITED', message: `more than ${limits.maxFramesPerSecond} frames per second` });
    }
    const parsed = parseClientFrame(text, limits);
    if (!parsed.ok) {
      return this.send({ type: 'error', code: parsed.code, message: parsed.message, ...(parsed.clientMsgId ? { client_msg_id: parsed.clientMsgId } : {}) });
    }
    try {
      await this.handleFrame(c, parsed.frame);
    } catch (err) {
      const clientMsgId = parsed.frame.type === 'send' ? parsed.frame.client_msg_id : undefined;
      const { type } = parsed.frame;
      const about = { ...(clientMsgId ? { client_msg_id: clientMsgId } : {}), ...(type === 'typing' || type === 'delivered' ? { reply_to: type } : {}) };
      const refusal = toClientError(err);
      if (refusal) {
        this.send({ type: 'error', code: refusal.code, message: refusal.message, ...about });
      } else {
        // The detail stays in the log under the id the client is given.
        const requestId = randomUUID();
        this.deps.onError(err, `frame ${parsed.frame.type} (request ${requestId})`);
        this.send({ type: 'error', code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, request_id: requestId, ...about });
      }
    }
  }

  /**
   * A send's content once every earlier send of this socket has its own. Text with nothing
   * pending is returned as is, in the same tick, so plain text sends keep their order unawaited.
   */
  private contentInOrder(prepared: string | Promise<string>): string | Promise<string> {
    if (typeof prepared === 'string' && !this.preparing) return prepared;
    const before = this.preparing;
    // Its refusal may come before the sends ahead of it are done: it is this send's answer,
    // given when its turn comes, not an unhandled rejection meanwhile.
    if (typeof prepared !== 'string') prepared.catch(() => undefined);
    // A refused earlier send is that send's error, not this one's.
    const mine = before ? before.catch(() => undefined).then(() => prepared) : Promise.resolve(prepared);
    this.preparing = mine;
    const settle = () => {
      if (this.preparing === mine) this.preparing = undefined;
    };
    mine.then(settle, settle);
    return mine;
  }

  private async handleFrame(c: Connection, f: ClientFrame): Promise<void> {
    const { deps } = this;
    switch (f.type) {
      case 'ping':
        // Only the connection's liveness (any frame counts): the gateway refreshes its users'
        // presence records itself, all at once, every heartbeat interval.
        this.send({ type: 'pong', ts: Date.now() });
        return;
      case 'auth':
        return this.send({ type: 'error', code: 'VALIDATION_ERROR', message: 'already authenticated' });
      case 'send': {
        // A gateway shutting down takes no new sends: the client resends after reconnecting.
        if (deps.draining()) {
          this.send({ type: 'error', code: 'SERVICE_UNAVAILABLE', message: 'the gateway is restarting: resend after reconnecting, with the same client_msg_id', client_msg_id: f.client_msg_id });
          return;
        }
        // Before the pipeline: a refused attachment is this frame's error, with its code.
        const next = this.contentInOrder(deps.sendContent(c.userId, f.conversation_id, f.msg_type, f.content));
        const content = typeof next === 'string' ? next : await next;
        try {
          const msg: UpstreamMessage = {
            kind: 'send',
            userId: c.userId,
            conversationId: f.conversation_id,
            clientMsgId: f.client_msg_id,
            messageType: f.msg_type,
            content,
            gatewayId: deps.gatewayId,
            connectionId: c.id,
            timestamp: Date.now(),
            ...sendReferences(f),
          };
          // Traced, the send is a `ws send` span from here to Kafka's acknowledgement.
          await (isTracing() ? traceWsSend(msg, () => deps.publishSend(msg)) : deps.publishSend(msg));
        } catch (err) {
          deps.onError(err, 'publishSend');
          this.send({ type: 'error', code: 'SERVICE_UNAVAILABLE', message: 'could not accept the message, resend it with the same client_msg_id', client_msg_id: f.client_msg_id });
        }
        return;
      }
      case 'read':
        return deps.markRead(c.userId, f.conversation_id, f.seq);
      case 'delivered':
        return deps.delivered(c.userId, f.conversation_id, f.seq);
      case 'typing':
        // Frames queued before `ready` may come after the socket closed: no state for it then.
        if (this.closed) return;
        return deps.typing(c.id, c.userId, f.conversation_id, f.state);
      case 'sync':
        for (const [conversationId, lastSeq] of Object.entries(f.conversations)) {
          const page = await deps.sync(c.userId, conversationId, lastSeq, f.limit ?? 200, f.since);
          this.send({
            type: 'sync',
            conversation_id: conversationId,
            messages: page.messages.map((m) => withReactions(toWire(m), page.reactions)),
            has_more: page.hasMore,
            ...(page.recalled ? { recalled: page.recalled.map((r) => ({ message_id: r.messageId, seq: r.seq })) } : {}),
            ...(page.edited ? { edited: page.edited.map((e) => ({ message_id: e.messageId, seq: e.seq, content: e.content, edited_at: e.editedAt })) } : {}),
            ...(page.reacted ? { reacted: page.reacted.map((r) => ({ message_id: r.messageId, seq: r.seq, reactions: r.reactions, version: r.version })) } : {}),
          });
        }
        return;
    }
  }
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Closes connections that have been silent for too long (the client stopped pinging). */
export function sweepIdle(registry: ConnectionRegistry, idleTimeoutMs: number, now = Date.now()): number {
  let closed = 0;
  for (const c of registry.all()) {
    if (now - c.lastSeenAt > idleTimeoutMs) {
      c.socket.close(CloseCode.heartbeatTimeout, 'heartbeat timeout');
      closed++;
    }
  }
  return closed;
}
