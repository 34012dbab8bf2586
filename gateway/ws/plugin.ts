// The real-time half of the gateway: the /ws endpoint, this gateway's downstream consumer,
// presence, the idle sweeper and /metrics. Registered by app.ts after the infrastructure and
// service plugins it uses (Kafka, Redis, ORM, Temporal, app.services).
import fp from 'fastify-plugin';
import { backoffMs } from '../../bus/failures.ts';
import { CloseCode, fromStored } from '../../contract/index.ts';
import type { Config } from '../../config/index.ts';
import { getRecalledSince, heartbeat, listFriendIds, loadGatewayPositions, refreshGatewayMark, repoCtx, saveGatewayPositions, setGatewayConnections } from '../../repo/index.ts';
import { signalUserConnected, signalUserDisconnected } from '../../temporal/presence.ts';
import { createEventPublisher } from '../services/events.ts';
import { ConnectionRegistry } from './connections.ts';
import type { RealtimeDeps } from './deps.ts';
import { DownstreamConsumer } from './downstream-consumer.ts';
import { GatewayPresence } from './presence.ts';
import { handleSocket, sweepIdle } from './session.ts';

const offlinePendingKey = (userId: string) => `presence:offline-pending:${userId}`;
/** How often a gateway checks that Redis still holds its presence records. */
const PRESENCE_CHECK_MS = 2000;
const PRESENCE_MARK_TTL_MS = 30_000;
const OFFLINE_MARKER_MARGIN_MS = 5 * 60_000;

export default fp<{ config: Config }>(
  (app, { config }) => {
    const gatewayId = config.gatewayId;
    const { topics, coalesced, client: kafka } = app.kafka;
    const { metrics } = app;
    const registry = new ConnectionRegistry({ maxBufferedBytes: config.ws.maxBufferedBytes, onSlowClose: () => metrics.slowCloses.inc() });
    const events = createEventPublisher(coalesced, topics);
    const onError = (err: unknown, context: string) => app.log.warn({ err, context }, 'realtime error');

    const presence = new GatewayPresence({
      setConnections: (userId, n) => setGatewayConnections(app.redis, userId, gatewayId, n),
      heartbeat: async (userId) => {
        await heartbeat(app.redis, userId, gatewayId);
      },
      // A marker in Redis says an offline confirmation may be pending, so the common connect
      // (nothing pending) costs no Temporal call. It outlives the workflow's timer; if it is
      // ever wrong, the workflow still finds the user online and announces nothing.
      cancelOfflineConfirmation: async (userId) => {
        if ((await app.redis.getdel(offlinePendingKey(userId))) === null) return false;
        // Temporal being unreachable must not keep anyone from chatting: the worst outcome is
        // an extra "online" notice to friends.
        return signalUserConnected(app.temporal, config, userId).catch((err: unknown) => {
          onError(err, 'cancel offline confirmation');
          return false;
        });
      },
      startOfflineConfirmation: async (userId) => {
        await app.redis.set(offlinePendingKey(userId), '1', 'PX', config.presence.offlineDelayMs + OFFLINE_MARKER_MARGIN_MS);
        await signalUserDisconnected(app.temporal, config, userId);
      },
      announceOnline: async (userId) => {
        const friends = await listFriendIds(repoCtx(app.orm, app.redis), userId);
        await events.publish('user', friends, { type: 'presence', userId, online: true, at: Date.now() });
      },
      onError: (err, context) => onError(err, context),
    });

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
        // Traced, the produce is a span (child of `ws send`) whose context the record carries on.
        await coalesced.send(topics.upstream, [{ key: msg.conversationId, value: msg }], 'kafka produce upstream');
        metrics.messageSend.inc({ path: 'ws' });
      },
      async markRead(userId, conversationId, seq) {
        await app.services.messages.markRead(userId, conversationId, seq);
      },
      async sync(userId, conversationId, afterSeq, limit, since) {
        // history() checks membership first, so the recall lookup below is for members only.
        const page = await app.services.messages.history(userId, conversationId, { afterSeq }, limit);
        const recalled = since === undefined
          ? undefined
          : await getRecalledSince(repoCtx(app.orm, app.redis), conversationId, afterSeq, Math.max(0, since - config.chat.recallWindowMs));
        return { messages: page.messages.map((m) => fromStored(m)), hasMore: page.hasMore, ...(recalled ? { recalled } : {}) };
      },
      userConnected: (userId) => presence.connected(userId),
      userDisconnected: (userId) => presence.disconnected(userId),
      heartbeat: (userId) => presence.heartbeat(userId),
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
    });

    app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
      const token = (request.query as { token?: unknown }).token;
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
        for (const userId of registry.users()) presence.heartbeat(userId).catch((err: unknown) => onError(err, 'heartbeat'));
      }, deps.limits.heartbeatIntervalMs);
      heartbeats.unref();
      return Promise.resolve();
    });

    app.addHook('preClose', async () => {
      closing = true;
      clearInterval(sweeper);
      clearInterval(heartbeats);
      clearInterval(marks);
      // Clients reconnect (to another gateway); the offline confirmation keeps that silent.
      for (const conn of registry.all()) conn.socket.close(CloseCode.serverShutdown, 'server shutting down');
      await new Promise((r) => setTimeout(r, 100));
      await presence.drain();
    });
    app.addHook('onClose', async () => {
      await consumer.stop();
    });
    return Promise.resolve();
  },
  { name: 'gochat-realtime', dependencies: ['gochat-kafka', 'gochat-redis', 'gochat-orm', 'gochat-temporal', 'gochat-services', 'gochat-metrics'], fastify: '5.x' },
);
