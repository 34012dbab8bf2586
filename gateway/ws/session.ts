// One WebSocket connection: authenticate (query token or first frame), then handle frames.
// The message listener is attached before any await, each frame has its own try/catch, and
// every failure becomes an error frame or a documented close code, never a crashed gateway.
import { randomUUID } from 'node:crypto';
import type { WebSocket, RawData } from 'ws';
import { CloseCode, INTERNAL_MESSAGE, parseClientFrame, toWire, type ClientFrame, type ServerFrame, type UpstreamMessage } from '../../contract/index.ts';
import { traceWsSend } from '../../telemetry/spans.ts';
import { isTracing } from '../../telemetry/tracing.ts';
import { toClientError } from '../errors.ts';
import type { Connection, ConnectionRegistry } from './connections.ts';
import type { RealtimeDeps } from './deps.ts';

const MAX_QUEUED_BEFORE_AUTH = 32;

export function handleSocket(socket: WebSocket, ip: string, queryToken: string | undefined, deps: RealtimeDeps, registry: ConnectionRegistry): void {
  const { limits } = deps;
  let conn: Connection | undefined;
  let closed = false;
  let authenticating = false;
  const queued: string[] = [];
  const send = (f: ServerFrame) => {
    if (socket.readyState !== 1) return;
    // A reply may be large (a sync page), so only what already waits unsent is held against
    // the limit: a client that keeps asking without reading is closed as too slow.
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      close(CloseCode.slowConsumer, 'too slow: unsent frames over the limit, reconnect and sync');
      registry.onSlowClose();
      return;
    }
    socket.send(JSON.stringify(f));
  };
  const close = (code: number, reason: string) => {
    if (socket.readyState <= 1) socket.close(code, reason);
  };
  const authTimer = setTimeout(() => {
    if (!conn) close(CloseCode.authTimeout, 'authentication timeout');
  }, limits.authTimeoutMs);

  socket.on('message', (data: RawData, isBinary: boolean) => {
    const text = isBinary ? null : rawToString(data);
    if (text === null) return send({ type: 'error', code: 'BAD_FRAME', message: 'binary frames are not supported' });
    if (Buffer.byteLength(text) > limits.maxFrameBytes) {
      return send({ type: 'error', code: 'BAD_FRAME', message: `frame exceeds ${limits.maxFrameBytes} bytes` });
    }
    if (!conn) {
      if (queued.length >= MAX_QUEUED_BEFORE_AUTH) return close(CloseCode.rateLimited, 'too many frames before authentication');
      queued.push(text);
      if (!authenticating) authFromFrames().catch(failed);
      return;
    }
    onFrame(conn, text).catch(failed);
  });
  socket.on('close', () => {
    closed = true;
    clearTimeout(authTimer);
    if (conn && registry.remove(conn)) {
      deps.userDisconnected(conn.userId).catch((err) => deps.onError(err, 'userDisconnected'));
    }
  });
  socket.on('error', (err) => deps.onError(err, 'socket'));
  // Nothing a client sends may take the gateway down: a failure no handler expected closes
  // this one connection and is logged.
  function failed(err: unknown): void {
    deps.onError(err, 'unexpected failure handling a frame');
    close(CloseCode.internalError, 'internal error');
  }

  if (queryToken) authenticate(queryToken).catch(failed);

  async function authFromFrames(): Promise<void> {
    if (queryToken) return; // the query token is being checked; frames wait for it
    authenticating = true;
    const first = queued.shift();
    if (first === undefined) return;
    const parsed = parseClientFrame(first, limits);
    if (!parsed.ok || parsed.frame.type !== 'auth') {
      send({ type: 'error', code: 'UNAUTHORIZED', message: 'the first frame must be {"type":"auth","token":"..."} (or pass ?token=)' });
      return close(CloseCode.unauthorized, 'unauthorized');
    }
    await authenticate(parsed.frame.token);
  }

  async function authenticate(token: string): Promise<void> {
    authenticating = true;
    try {
      const result = await deps.authenticate(token);
      if (closed) return;
      if (!result.ok) {
        return close(result.reason === 'revoked' ? CloseCode.tokenRevoked : CloseCode.unauthorized, `token ${result.reason}`);
      }
      clearTimeout(authTimer);
      if (deps.draining()) return close(CloseCode.serviceRestart, 'service restart');
      const now = Date.now();
      conn = { id: randomUUID(), userId: result.userId, tokenId: result.tokenId, socket, ip, connectedAt: now, lastSeenAt: now, windowStart: now, windowFrames: 0 };
      const firstHere = registry.add(conn);
      // Presence is written before `ready`, so everything stored from now on is pushed live and
      // everything stored before is in the client's sync.
      if (firstHere) await deps.userConnected(conn.userId).catch((err: unknown) => deps.onError(err, 'userConnected'));
      send({ type: 'ready', user_id: conn.userId, connection_id: conn.id, gateway_id: deps.gatewayId, heartbeat_ms: limits.heartbeatIntervalMs });
      for (let f = queued.shift(); f !== undefined; f = queued.shift()) await onFrame(conn, f);
    } catch (err) {
      deps.onError(err, 'authenticate');
      close(CloseCode.serverShutdown, 'authentication unavailable');
    }
  }

  async function onFrame(c: Connection, text: string): Promise<void> {
    const now = Date.now();
    c.lastSeenAt = now;
    if (now - c.windowStart >= 1000) {
      c.windowStart = now;
      c.windowFrames = 0;
    }
    if (++c.windowFrames > limits.maxFramesPerSecond) {
      if (c.windowFrames > limits.maxFramesPerSecond * 4) return close(CloseCode.rateLimited, 'rate limit exceeded');
      return send({ type: 'error', code: 'RATE_LIMITED', message: `more than ${limits.maxFramesPerSecond} frames per second` });
    }
    const parsed = parseClientFrame(text, limits);
    if (!parsed.ok) {
      return send({ type: 'error', code: parsed.code, message: parsed.message, ...(parsed.clientMsgId ? { client_msg_id: parsed.clientMsgId } : {}) });
    }
    try {
      await handleFrame(c, parsed.frame);
    } catch (err) {
      const clientMsgId = parsed.frame.type === 'send' ? parsed.frame.client_msg_id : undefined;
      const refusal = toClientError(err);
      if (refusal) {
        send({ type: 'error', code: refusal.code, message: refusal.message, ...(clientMsgId ? { client_msg_id: clientMsgId } : {}) });
      } else {
        // The detail stays in the log under the id the client is given.
        const requestId = randomUUID();
        deps.onError(err, `frame ${parsed.frame.type} (request ${requestId})`);
        send({ type: 'error', code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, request_id: requestId, ...(clientMsgId ? { client_msg_id: clientMsgId } : {}) });
      }
    }
  }

  async function handleFrame(c: Connection, f: ClientFrame): Promise<void> {
    switch (f.type) {
      case 'ping':
        send({ type: 'pong', ts: Date.now() });
        return deps.heartbeat(c.userId);
      case 'auth':
        return send({ type: 'error', code: 'VALIDATION_ERROR', message: 'already authenticated' });
      case 'send':
        // A gateway shutting down takes no new sends: the client resends after reconnecting.
        if (deps.draining()) {
          send({ type: 'error', code: 'SERVICE_UNAVAILABLE', message: 'the gateway is restarting: resend after reconnecting, with the same client_msg_id', client_msg_id: f.client_msg_id });
          return;
        }
        try {
          const msg: UpstreamMessage = {
            kind: 'send',
            userId: c.userId,
            conversationId: f.conversation_id,
            clientMsgId: f.client_msg_id,
            messageType: f.msg_type,
            content: f.content,
            gatewayId: deps.gatewayId,
            connectionId: c.id,
            timestamp: Date.now(),
          };
          // Traced, the send is a `ws send` span from here to Kafka's acknowledgement.
          await (isTracing() ? traceWsSend(msg, () => deps.publishSend(msg)) : deps.publishSend(msg));
        } catch (err) {
          deps.onError(err, 'publishSend');
          send({ type: 'error', code: 'SERVICE_UNAVAILABLE', message: 'could not accept the message, resend it with the same client_msg_id', client_msg_id: f.client_msg_id });
        }
        return;
      case 'read':
        return deps.markRead(c.userId, f.conversation_id, f.seq);
      case 'sync':
        for (const [conversationId, lastSeq] of Object.entries(f.conversations)) {
          const page = await deps.sync(c.userId, conversationId, lastSeq, f.limit ?? 200, f.since);
          send({
            type: 'sync',
            conversation_id: conversationId,
            messages: page.messages.map(toWire),
            has_more: page.hasMore,
            ...(page.recalled ? { recalled: page.recalled.map((r) => ({ message_id: r.messageId, seq: r.seq })) } : {}),
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
