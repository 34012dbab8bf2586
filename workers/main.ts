// Temporal worker entrypoint: every GoChat workflow and activity on config.temporal.taskQueue.
// Scale by running more of these. `--workflow-bundle <file>` runs a bundle built beforehand
// (`node workers/bundle.ts <file>`), as production and `npm start` do; without it the worker
// bundles at start. SIGINT/SIGTERM (runtime/shutdown.ts, the Runtime's own signal handling is
// off): the worker stops polling and lets running activities finish (shutdownGraceTime, below
// the deadline), then the connections close.
import { parseArgs } from 'node:util';
import { makeTelemetryFilterString, NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import { createKafka, ensureTopics } from '../bus/kafka.ts';
import { topicNames } from '../bus/topics.ts';
import { serveMetrics } from '../metrics/http.ts';
import { createMetrics } from '../metrics/registry.ts';
import { boot } from '../runtime/boot.ts';
import { openConnections } from '../runtime/connections.ts';
import { installShutdown, type CloseStep } from '../runtime/shutdown.ts';
import { TemporalLogAdapter, temporalLogLevel } from '../runtime/temporal-log.ts';
import { workerTracingPlugin } from '../telemetry/temporal.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import { createActivityDeps } from './deps.ts';
import { startPushConsumer } from './push.ts';
import { pushReporter } from './push-report.ts';
import { ensureCleanupSchedule } from './schedule.ts';
import { createGochatWorker, SHUTDOWN_GRACE_MS } from './worker.ts';

const DEADLINE_MS = SHUTDOWN_GRACE_MS + 10_000;

const { config, logger } = boot('worker');
await startTracing('gochat-worker', process.env, logger);
const { values: args } = parseArgs({ options: { 'workflow-bundle': { type: 'string' } } });
const sdkLevel = temporalLogLevel(config.logLevel);
Runtime.install({
  logger: new TemporalLogAdapter(logger),
  shutdownSignals: [],
  telemetryOptions: { logging: { forward: {}, filter: makeTelemetryFilterString({ core: sdkLevel, other: sdkLevel }) } },
});

const steps: CloseStep[] = [];
const shutdown = installShutdown({ logger, deadlineMs: DEADLINE_MS, steps });
const first = (step: CloseStep) => steps.unshift(step);
steps.push({ name: 'flush traces', run: () => shutdownTracing() });

try {
  const topics = topicNames(config.kafka.topicSuffix);
  const metrics = createMetrics('worker');
  const kafka = createKafka(config, '-worker', logger);
  await ensureTopics(kafka, [
    ...topics.eventTopics.map((topic) => ({ topic })),
    ...(config.push.enabled ? [{ topic: topics.push, numPartitions: config.kafka.upstreamPartitions }, { topic: topics.deadLetter }] : []),
  ], config.kafka.replication);
  const { orm, redis, producer, temporal: client } = await openConnections(config, kafka, first);
  // Hands the tracing interceptors and the workflow span sink to the worker created on it.
  const connection = await NativeConnection.connect({ address: config.temporal.address, plugins: [workerTracingPlugin(logger)] });
  first({ name: 'close worker connection', run: () => connection.close() });

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
      ...(config.push.enabled ? { push: { config: config.push, report: pushReporter(metrics, logger) } } : {}),
    })),
    ...(args['workflow-bundle'] ? { workflowBundle: { codePath: args['workflow-bundle'] } } : {}),
  });
  const running = worker.run();
  first({
    name: 'drain worker',
    run: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  });
  // A worker that stops on its own (a fatal error) takes the process with it.
  void running.then(
    () => {
      if (!shutdown.started) void shutdown.fail(new Error('the worker stopped on its own'));
    },
    (err: unknown) => {
      if (!shutdown.started) void shutdown.fail(err);
    },
  );
  // Started once the worker runs, so the workflows it signals are picked up; stopped before the
  // worker drains, so no signal is sent to a worker on its way out.
  const push = config.push.enabled ? await startPushConsumer({ kafka, topics, config, client, producer, metrics, logger }) : undefined;
  if (push) first({ name: 'stop push consumer', run: () => push.stop() });
  const metricsServer = await serveMetrics(metrics, config.metricsPort, {
    host: config.metricsHost,
    ...(push ? { ready: () => ({ ok: push.ready, detail: { pushConsuming: push.ready, ...push.stats } }) } : {}),
  });
  if (metricsServer) first({ name: 'close metrics endpoint', run: () => metricsServer.close() });
  logger.info({ taskQueue: config.temporal.taskQueue, address: config.temporal.address, namespace: config.temporal.namespace, schedule: schedule.scheduleId, ui: config.temporal.uiUrl, push: config.push.enabled, sinceProcessStartMs: Math.round(process.uptime() * 1000) }, 'worker polling');
} catch (err) {
  await shutdown.fail(err);
}
