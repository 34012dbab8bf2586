// Logic worker entrypoint: consumes gochat.messages.upstream in group logic.upstream.group.
// Scale by running more of these (up to the upstream partition count).
import { createKafka, ensureTopics, JsonProducer } from '../bus/kafka.ts';
import { startLagProbe } from '../bus/lag-probe.ts';
import { topicNames } from '../bus/topics.ts';
import { loadConfigOrExit } from '../config/index.ts';
import { createMetrics } from '../metrics/registry.ts';
import { serveMetrics } from '../metrics/http.ts';
import { createOrm, createRedis } from '../repo/index.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import { createTemporalClient } from '../temporal/client.ts';
import { LogicConsumer } from './consumer.ts';
import { createLogicDeps } from './repo-deps.ts';

/** The broker's side of the lag, probed this often; no answer for KAFKA_STALE_MS makes /readyz 503. */
const LAG_PROBE_MS = 2000;
const KAFKA_STALE_MS = 3 * LAG_PROBE_MS + 1000;

await startTracing('gochat-logic');
const config = loadConfigOrExit();
const topics = topicNames(config.kafka.topicSuffix);
const metrics = createMetrics('logic');

const kafka = createKafka(config, '-logic');
await ensureTopics(kafka, [
  { topic: topics.upstream, numPartitions: config.kafka.upstreamPartitions },
  { topic: topics.deadLetter },
  ...topics.eventTopics.map((topic) => ({ topic })),
]);
const orm = await createOrm(config);
const redis = createRedis(config);
const producer = new JsonProducer(kafka);
await producer.connect();
const temporal = await createTemporalClient(config);

const consumer = new LogicConsumer({
  kafka,
  topics,
  deps: createLogicDeps({ orm, redis, producer, temporal, config, onCacheRead: metrics.cacheRead }),
  fanoutThreshold: config.chat.fanoutThreshold,
  maxContentBytes: config.chat.maxContentBytes,
  sessionTimeoutMs: config.kafka.sessionTimeoutMs,
  heartbeatIntervalMs: config.kafka.heartbeatIntervalMs,
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
    console.warn(`logic: dead-lettered a record of ${topic} (${letterClass}): ${reason}`);
  },
  onGroupEvent: (event, err) => {
    if (event === 'join') metrics.consumerRejoins.inc({ group: topics.logicGroup });
    else {
      metrics.consumerCrashes.inc({ group: topics.logicGroup });
      console.error('logic: consumer crashed', err);
    }
  },
  onError: (err, failureClass) => {
    if (failureClass === 'transient') {
      metrics.consumerRetries.inc({ group: topics.logicGroup });
      console.warn('logic: a dependency is unreachable, retrying the batch in place:', err instanceof Error ? err.message : err);
    } else {
      console.error('logic: a record failed to process; it is isolated and retried, then dead-lettered', err);
    }
  },
});
await consumer.start();
const lagProbe = startLagProbe(kafka, {
  groupId: topics.logicGroup,
  topic: topics.upstream,
  intervalMs: LAG_PROBE_MS,
  onLag: (partition, lag) => metrics.committedLag.set({ topic: topics.upstream, partition: String(partition) }, lag),
  onError: (err) => console.warn('logic: lag probe failed:', err instanceof Error ? err.message : err),
});
const metricsServer = await serveMetrics(metrics, config.metricsPort, {
  host: config.metricsHost,
  ready: () => {
    const kafkaReachable = lagProbe.reachable(KAFKA_STALE_MS);
    return { ok: consumer.ready && kafkaReachable, detail: { consuming: consumer.ready, kafkaReachable, ...consumer.stats } };
  },
});
console.warn(`logic: consuming ${topics.upstream} as ${topics.logicGroup}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.warn(`logic: ${signal}, finishing the current batch`);
  try {
    await lagProbe.stop();
    await consumer.stop();
    await producer.disconnect();
    await temporal.connection.close();
    await orm.close();
    await redis.quit();
    metricsServer?.close();
  } finally {
    await shutdownTracing();
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
