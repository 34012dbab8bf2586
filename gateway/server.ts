// Gateway entrypoint: builds the instance and listens. SIGINT/SIGTERM (runtime/shutdown.ts):
// drain the WebSocket side (readyz 503, acks of taken sends, close 1012), then close the server
// (in-flight requests finish; the downstream position is saved; Kafka, Temporal, Redis, MySQL
// close), then flush traces.
import Fastify from 'fastify';
import { boot } from '../runtime/boot.ts';
import { installShutdown } from '../runtime/shutdown.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import app, { serverOptions } from './app.ts';

const DEADLINE_MS = 15_000;

const { config, logger } = boot('gateway');
await startTracing('gochat-gateway', process.env, logger);
const server = Fastify(serverOptions(config, logger));
const shutdown = installShutdown({
  logger,
  deadlineMs: DEADLINE_MS,
  steps: [
    // Absent when the start failed before the WebSocket side was registered.
    { name: 'drain websockets', run: () => (server.hasDecorator('drainRealtime') ? server.drainRealtime() : undefined) },
    { name: 'close server', run: () => server.close() },
    { name: 'flush traces', run: () => shutdownTracing() },
  ],
});

try {
  await server.register(app, { config });
  await server.listen({ host: config.http.host, port: config.http.port });
  logger.info({ sinceProcessStartMs: Math.round(process.uptime() * 1000) }, 'gateway listening');
} catch (err) {
  await shutdown.fail(err);
}
