// Logic worker entrypoint: consumes gochat.messages.upstream in group logic.upstream.group.
// Scale by running more of these (up to the upstream partition count). SIGINT/SIGTERM
// (runtime/shutdown.ts): the consumer finishes and commits its current batch, then every
// connection closes.
import { createKafka, ensureTopics } from '../bus/kafka.ts';
import { startLagProbe } from '../bus/lag-probe.ts';
import { topicNames } from '../bus/topics.ts';
import { createMetrics } from '../metrics/registry.ts';
import { serveMetrics } from '../metrics/http.ts';
import { boot } from '../runtime/boot.ts';
import { openConnections } from '../runtime/connections.ts';
import { installShutdown, type CloseStep } from '../runtime/shutdown.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import { LogicConsumer } from './consumer.ts';
import { createLogicDeps } from './repo-deps.ts';

/** The broker's side of the lag, probed this often; no answer for KAFKA_STALE_MS makes /readyz 503. */
const LAG_PROBE_MS = 2000;
const KAFKA_STALE_MS = 3 * LAG_PROBE_MS + 1000;
const DEADLINE_MS = 20_000;

const { config, logger } = boot('logic');
await startTracing('gochat-logic', process.env, logger);
const topics = topicNames(config.kafka.topicSuffix);
const metrics = createMetrics('logic');

// Filled in as each part starts, so a shutdown during start closes what is open.
const steps: CloseStep[] = [];
const shutdown = installShutdown({ logger, deadlineMs: DEADLINE_MS, steps });
const last = (step: CloseStep) => steps.push(step);
const first = (step: CloseStep) => steps.unshift(step);
last({ name: 'flush traces', run: () => shutdownTracing() });

try {
  const kafka = createKafka(config, '-logic', logger);
  await ensureTopics(kafka, [
    { topic: topics.upstream, numPartitions: config.kafka.upstreamPartitions },
    { topic: topics.deadLetter },
    ...topics.eventTopics.map((topic) => ({ topic })),
    ...(config.push.enabled ? [{ topic: topics.push, numPartitions: config.kafka.upstreamPartitions }] : []),
  ], config.kafka.replication);
  const { orm, redis, producer, temporal } = await openConnections(config, kafka, first);

  const consumer = new LogicConsumer({
    kafka,
    topics,
    deps: createLogicDeps({ orm, redis, producer, temporal, config, onCacheRead: metrics.cacheRead }),
    fanoutThreshold: config.chat.fanoutThreshold,
    maxContentBytes: config.chat.maxContentBytes,
    sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    heartbeatIntervalMs: config.kafka.heartbeatIntervalMs,
    members: config.kafka.logicMembers,
    ...(config.push.enabled ? { push: { groupMaxMembers: config.push.groupMaxMembers, previewChars: config.push.previewChars } } : {}),
    onOutcome: (outcome, ms) => {
      if (outcome.status === 'delivered') {
        if (!outcome.duplicate) metrics.messageSend.inc({ path: outcome.fanout });
        metrics.fanoutLatency.observe({ path: outcome.fanout }, ms / 1000);
      } else {
        metrics.messageSendFailures.inc({ code: outcome.code });
      }
    },
    onLag: (topic, partition, lag) => metrics.consumerLag.set({ topic, partition: String(partition) }, lag),
    onDeadLetter: (topic, letterClass, reason) => {
      metrics.deadLetters.inc({ topic });
      logger.warn({ topic, letterClass, reason }, 'dead-lettered a record');
    },
    onGroupEvent: (event, err) => {
      if (event === 'join') metrics.consumerRejoins.inc({ group: topics.logicGroup });
      else {
        metrics.consumerCrashes.inc({ group: topics.logicGroup });
        logger.error({ err }, 'consumer crashed');
      }
    },
    onError: (err, failureClass) => {
      if (failureClass === 'transient') {
        metrics.consumerRetries.inc({ group: topics.logicGroup });
        logger.warn({ err }, 'a dependency is unreachable, retrying the batch in place');
      } else {
        logger.error({ err }, 'a record failed to process; it is isolated and retried, then dead-lettered');
      }
    },
  });
  await consumer.start();
  first({ name: 'finish and commit the current batch', run: () => consumer.stop() });
  const lagProbe = startLagProbe(kafka, {
    groupId: topics.logicGroup,
    topic: topics.upstream,
    intervalMs: LAG_PROBE_MS,
    onLag: (partition, lag) => metrics.committedLag.set({ topic: topics.upstream, partition: String(partition) }, lag),
    onError: (err) => logger.warn({ err }, 'lag probe failed'),
  });
  first({ name: 'stop lag probe', run: () => lagProbe.stop() });
  const metricsServer = await serveMetrics(metrics, config.metricsPort, {
    host: config.metricsHost,
    ready: () => {
      const kafkaReachable = lagProbe.reachable(KAFKA_STALE_MS);
      return { ok: consumer.ready && kafkaReachable, detail: { consuming: consumer.ready, kafkaReachable, ...consumer.stats } };
    },
  });
  if (metricsServer) first({ name: 'close metrics endpoint', run: () => metricsServer.close() });
  logger.info({ topic: topics.upstream, group: topics.logicGroup, sinceProcessStartMs: Math.round(process.uptime() * 1000) }, 'logic worker consuming');
} catch (err) {
  await shutdown.fail(err);
}
