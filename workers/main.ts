// Temporal worker entrypoint: every GoChat workflow and activity on config.temporal.taskQueue.
// Scale by running more of these. `--workflow-bundle <file>` runs a bundle built beforehand
// (`node workers/bundle.ts <file>`), as production does; without it the worker bundles at start.
// SIGINT/SIGTERM: the worker stops polling, lets running activities finish (shutdownGraceTime),
// then the connections close.
import { parseArgs } from 'node:util';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import { createKafka, ensureTopics, JsonProducer } from '../bus/kafka.ts';
import { topicNames } from '../bus/topics.ts';
import { loadConfigOrExit } from '../config/index.ts';
import { serveMetrics } from '../metrics/http.ts';
import { createMetrics } from '../metrics/registry.ts';
import { createOrm, createRedis } from '../repo/index.ts';
import { workerTracingPlugin } from '../telemetry/temporal.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import { createTemporalClient } from '../temporal/client.ts';
import { createActivityDeps } from './deps.ts';
import { ensureCleanupSchedule } from './schedule.ts';
import { createGochatWorker } from './worker.ts';

await startTracing('gochat-worker');
const { values: args } = parseArgs({ options: { 'workflow-bundle': { type: 'string' } } });
const config = loadConfigOrExit();
const sdkLevel = ({ fatal: 'ERROR', error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', trace: 'TRACE', silent: 'ERROR' } as const)[config.logLevel];
// The Runtime turns SIGINT/SIGTERM into a graceful worker shutdown.
Runtime.install({ logger: new DefaultLogger(sdkLevel), shutdownSignals: ['SIGINT', 'SIGTERM'] });

const topics = topicNames(config.kafka.topicSuffix);
const metrics = createMetrics('worker');
const kafka = createKafka(config, '-worker');
await ensureTopics(kafka, topics.eventTopics.map((topic) => ({ topic })));
const orm = await createOrm(config);
const redis = createRedis(config);
const producer = new JsonProducer(kafka);
await producer.connect();
const client = await createTemporalClient(config);
// Hands the tracing interceptors and the workflow span sink to the worker created on it.
const connection = await NativeConnection.connect({ address: config.temporal.address, plugins: [workerTracingPlugin()] });

try {
  const schedule = await ensureCleanupSchedule(client, config);
  const worker = await createGochatWorker({
    connection,
    config,
    activities: createActivities(createActivityDeps({
      orm,
      redis,
      producer,
      topics,
      onFanoutProduced: (ms) => metrics.fanoutLatency.observe({ path: 'workflow' }, ms / 1000),
    })),
    ...(args['workflow-bundle'] ? { workflowBundle: { codePath: args['workflow-bundle'] } } : {}),
  });
  const metricsServer = await serveMetrics(metrics, config.metricsPort, { host: config.metricsHost });
  console.warn(`worker: polling ${config.temporal.taskQueue} on ${config.temporal.address} (namespace ${config.temporal.namespace}); cleanup schedule ${schedule.scheduleId}; UI ${config.temporal.uiUrl}`);
  try {
    await worker.run();
  } finally {
    metricsServer?.close();
  }
  console.warn('worker: stopped');
} finally {
  await Promise.allSettled([producer.disconnect(), client.connection.close(), connection.close(), orm.close(), redis.quit(), shutdownTracing()]);
}
