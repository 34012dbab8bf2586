// The real-time half of the gateway: the /ws endpoint, this gateway's downstream consumer,
// presence, the idle sweeper and /metrics. Registered by app.ts after the infrastructure and
// service plugins it uses (Kafka, Redis, ORM, Temporal, app.services).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { WebSocket } from 'ws';
import { backoffMs } from '../../bus/failures.ts';
import { CloseCode, fromStored } from '../../contract/index.ts';
import type { Config } from '../../config/index.ts';
import { loadGatewayPositions, refreshGatewayMark, saveGatewayPositions } from '../../repo/index.ts';
import { createEventPublisher } from '../services/events.ts';
import { ConnectionRegistry } from './connections.ts';
import type { RealtimeDeps } from './deps.ts';
import { DownstreamConsumer } from './downstream-consumer.ts';
import { PendingSends } from './pending-sends.ts';
import { GatewayPresence } from './presence.ts';
import { createPresencePorts } from './presence-ports.ts';
import { handleSocket, sweepIdle } from './session.ts';
import { TypingTracker } from './typing.ts';

/**
 * Lets the upgrade's HTTP request be collected once the socket is open. @fastify/websocket's
 * `error` listener closes over the Fastify request and reply, and the upgraded socket still
 * holds the unused HTTP response, through it the request (URL with the token, headers, the read
 * buffer) and, through the response's listeners, the reply: kilobytes per connection for its
 * whole life. The listener is replaced by `onError`, which does the same (log, terminate), and
 * the response is detached from the socket.
 */
function releaseUpgradeRequest(socket: WebSocket, raw: IncomingMessage, onError: (this: WebSocket, err: Error) => void): void {
  socket.removeAllListeners('error');
  socket.on('error', onError);
  // An injected request (tests, Fastify's inject) has no network socket and nothing to detach.
  if (!(raw.socket instanceof Socket)) return;
  const tcp = raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  tcp._httpMessage?.detachSocket(tcp);
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The first step of a graceful shutdown, before `close()`: /readyz turns 503, new sockets
     * and new sends are refused, sends already taken get their acks (up to ACK_GRACE_MS), then
     * every socket is closed with 1012 so its client reconnects to another gateway and syncs.
     */
    drainRealtime(): Promise<void>;
  }
}

/** How often a gateway checks that Redis still holds its presence records. */
const PRESENCE_CHECK_MS = 2000;
const PRESENCE_MARK_TTL_MS = 30_000;
/** How long a draining gateway waits for the acks of sends it has taken. */
const ACK_GRACE_MS = 5000;
/** How long it waits for clients to answer the close before cutting them off. */
const CLOSE_GRACE_MS = 2000;

export default fp<{ config: Config }>(
  (app, { config }) => {
    const gatewayId = config.gatewayId;
    const { topics, coalesced, client: kafka } = app.kafka;
    const { metrics } = app;
    const registry = new ConnectionRegistry({ maxBufferedBytes: config.ws.maxBufferedBytes, maxUnreadBytes: config.ws.maxUnreadBytes, onSlowClose: () => metrics.slowCloses.inc() });
    const events = createEventPublisher(coalesced, topics);
    const onError = (err: unknown, context: string) => app.log.warn({ err, context }, 'realtime error');
    const pending = new PendingSends();
    let draining = false;

    const { typing } = app.services;
    const typingTracker = new TypingTracker({
      start: (userId, conversationId) => typing.start(userId, conversationId),
      stop: (userId, conversationId) => typing.stop(userId, conversationId),
      onError,
    });

    const presence = new GatewayPresence(createPresencePorts({ redis: app.redis, orm: app.orm, temporal: app.temporal, config, events, onError }));

    const deps: RealtimeDeps = {
      gatewayId,
      limits: {
        maxFrameBytes: config.ws.maxFrameBytes,
        maxFramesPerSecond: config.ws.maxFramesPerSecond,
        maxContentBytes: config.chat.maxContentBytes,
        heartbeatIntervalMs: config.presence.heartbeatIntervalMs,
        idleTimeoutMs: config.presence.heartbeatTimeoutMs,
        authTimeoutMs: 10_000,
        maxSyncConversations: 100,
        maxBufferedBytes: config.ws.maxBufferedBytes,
      },
      async authenticate(token) {
        const r = await app.services.auth.authenticate(token);
        return r.ok ? { ok: true, userId: r.auth.userId, tokenId: r.auth.jti } : { ok: false, reason: r.reason };
      },
      async publishSend(msg) {
        pending.add(msg.userId, msg.clientMsgId);
        try {
          // Traced, the produce is a span (child of `ws send`) whose context the record carries on.
          await coalesced.send(topics.upstream, [{ key: msg.conversationId, value: msg }], 'kafka produce upstream');
        } catch (err) {
          pending.settle(msg.userId, msg.clientMsgId);
          throw err;
        }
        metrics.messageSend.inc({ path: 'ws' });
      },
      sendContent: (userId, conversationId, msgType, content) => app.services.attachments.contentForSend(userId, conversationId, msgType, content),
      draining: () => draining,
      async markRead(userId, conversationId, seq) {
        await app.services.messages.markRead(userId, conversationId, seq);
      },
      delivered: (userId, conversationId, seq) => app.services.receipts.delivered(userId, conversationId, seq),
      async sync(userId, conversationId, afterSeq, limit, since) {
        const page = await app.services.messages.catchUp(userId, conversationId, afterSeq, limit, since);
        // catchUp checked the membership: the reactions below are a member's to see.
        const { reactions } = app.services;
        const [byMessage, reacted] = await Promise.all([
          reactions.ofMessages(userId, page.messages),
          since === undefined ? undefined : reactions.reactedSince(userId, conversationId, afterSeq, since),
        ]);
        return { ...page, messages: page.messages.map((m) => fromStored(m)), reactions: byMessage, ...(reacted ? { reacted } : {}) };
      },
      typing: (connectionId, userId, conversationId, state) => typingTracker.frame(connectionId, userId, conversationId, state),
      typingClosed: (connectionId) => typingTracker.closed(connectionId),
      userConnected: (userId) => presence.connected(userId),
      userDisconnected: (userId) => presence.disconnected(userId),
      onError,
    };

    const consumer = new DownstreamConsumer({
      kafka,
      topics,
      gatewayId,
      positionsStore: {
        load: () => loadGatewayPositions(app.orm, gatewayId, topics.downstream(gatewayId)),
        save: (entries) => saveGatewayPositions(app.orm, gatewayId, topics.downstream(gatewayId), entries),
      },
      registry,
      sessionTimeoutMs: config.kafka.sessionTimeoutMs,
      heartbeatIntervalMs: config.kafka.heartbeatIntervalMs,
      produceDeadLetters: (records) => coalesced.send(topics.deadLetter, records),
      onSessionEvent: (event) => {
        // A revoked token loses its open sockets on every gateway, not only new requests.
        for (const conn of registry.withToken(event.userId, event.tokenId)) conn.socket.close(CloseCode.tokenRevoked, 'token revoked');
      },
      onEvent: ({ event }) => {
        // Typing recipients are cached per conversation: a membership change drops the list.
        if (event.type === 'members_changed' || event.type === 'conversation_created') typing.membersChanged(event.conversationId);
      },
      onDeadLetter: (topic) => metrics.deadLetters.inc({ topic }),
      onGroupEvent: (event, err) => {
        const group = topics.gatewayGroup(gatewayId);
        if (event === 'join') {
          metrics.consumerRejoins.inc({ group });
          app.log.info({ sinceProcessStartMs: Math.round(process.uptime() * 1000) }, 'downstream consumer joined: delivering');
        } else {
          metrics.consumerCrashes.inc({ group });
          onError(err, 'downstream consumer crashed');
        }
      },
      onError,
      onLag: (topic, partition, lag) => metrics.consumerLag.set({ topic, partition: String(partition) }, lag),
      onDelivered: (record) => {
        if ((record.kind === 'ack' || record.kind === 'error') && record.clientMsgId) pending.settle(record.userId, record.clientMsgId);
      },
    });

    // A socket whose peer broke the protocol (a frame over maxPayload, invalid UTF-8) is logged
    // and cut off, as @fastify/websocket does; one function for all sockets.
    function onSocketError(this: WebSocket, err: Error): void {
      app.log.error(err);
      this.terminate();
    }
    app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
      if (draining) return socket.close(CloseCode.serviceRestart, 'service restart');
      const token = (request.query as { token?: unknown }).token;
      releaseUpgradeRequest(socket, request.raw, onSocketError);
      handleSocket(socket, request.ip, typeof token === 'string' ? token : undefined, deps, registry);
    });

    metrics.probes.push(() => {
      metrics.connections.set(registry.size);
      metrics.onlineUsers.set(registry.userCount);
    });

    let sweeper: NodeJS.Timeout | undefined;
    let heartbeats: NodeJS.Timeout | undefined;
    let closing = false;
    let marks: NodeJS.Timeout | undefined;
    app.readiness.push({ name: 'downstream', check: () => (consumer.ready ? undefined : 'the downstream consumer has not joined its group yet') });
    app.readiness.push({ name: 'accepting', check: () => (draining ? 'shutting down: no new connections' : undefined) });

    let drained: Promise<void> | undefined;
    async function drain(): Promise<void> {
      draining = true;
      if (!(await pending.answered(ACK_GRACE_MS))) app.log.info({ unanswered: pending.size }, 'closing sockets with sends unanswered: their clients resend them');
      // Clients reconnect to another gateway and sync; the offline confirmation keeps that silent.
      for (const conn of registry.all()) conn.socket.close(CloseCode.serviceRestart, 'service restart');
      const deadline = Date.now() + CLOSE_GRACE_MS;
      while (registry.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const conn of registry.all()) conn.socket.terminate();
      await presence.drain();
    }
    app.decorate('drainRealtime', () => (drained ??= drain()));

    app.addHook('onReady', () => {
      // Kafka being slow or away must not keep the gateway from starting: the consumer starts in
      // the background, /readyz says not-ready until it delivers, and frames produced for this
      // gateway meanwhile wait in its topic (read from the committed offset).
      void (async () => {
        for (let attempt = 0; !closing; attempt++) {
          try {
            await consumer.start();
            return;
          } catch (err) {
            onError(err, 'downstream consumer start');
            await new Promise((r) => setTimeout(r, backoffMs(attempt, 200, 5000)));
          }
        }
      })();
      // Redis lost this gateway's presence records (restart without persistence, failover to an
      // empty replica) or a write failed: write them all again, so live delivery heals without
      // any client reconnecting.
      marks = setInterval(() => {
        refreshGatewayMark(app.redis, gatewayId, PRESENCE_MARK_TTL_MS)
          .then(async (lost) => {
            if (lost || presence.takeStale()) {
              const n = await presence.reassert();
              if (n > 0) app.log.warn({ users: n }, 'presence records re-asserted');
            }
          })
          .catch((err: unknown) => onError(err, 'presence mark'));
      }, PRESENCE_CHECK_MS);
      marks.unref();
      sweeper = setInterval(() => {
        sweepIdle(registry, deps.limits.idleTimeoutMs);
      }, Math.min(deps.limits.heartbeatIntervalMs, 10_000));
      sweeper.unref();
      // A live gateway keeps its users' presence fresh; records of a gateway that died stop
      // being refreshed and the expired-status cleanup takes them away.
      heartbeats = setInterval(() => {
        presence
          .heartbeat()
          .then((n) => {
            if (n > 0) app.log.warn({ users: n }, 'presence records cleaned up while connected here: written again');
          })
          .catch((err: unknown) => onError(err, 'heartbeat'));
      }, deps.limits.heartbeatIntervalMs);
      heartbeats.unref();
      return Promise.resolve();
    });

    app.addHook('preClose', async () => {
      closing = true;
      clearInterval(sweeper);
      clearInterval(heartbeats);
      clearInterval(marks);
      await (drained ??= drain());
    });
    app.addHook('onClose', async () => {
      await consumer.stop();
    });
    return Promise.resolve();
  },
  { name: 'gochat-realtime', dependencies: ['gochat-kafka', 'gochat-redis', 'gochat-orm', 'gochat-temporal', 'gochat-services', 'gochat-metrics'], fastify: '5.x' },
);
