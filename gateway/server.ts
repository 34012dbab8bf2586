// Gateway entrypoint: builds the instance, listens, and closes gracefully on SIGINT/SIGTERM
// (stops accepting, lets in-flight requests finish, then closes Kafka, Temporal, Redis, MySQL).
import Fastify from 'fastify';
import { loadConfigOrExit } from '../config/index.ts';
import { shutdown as shutdownTracing, startTracing } from '../telemetry/tracing.ts';
import app, { serverOptions } from './app.ts';

const CLOSE_GRACE_MS = 15_000;

await startTracing('gochat-gateway');
const config = loadConfigOrExit();
const server = Fastify(serverOptions(config));
await server.register(app, { config });

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  server.log.info({ signal }, 'closing gateway');
  const force = setTimeout(() => {
    server.log.error('graceful close timed out, exiting');
    process.exit(1);
  }, CLOSE_GRACE_MS);
  force.unref();
  try {
    await server.close();
    await shutdownTracing();
    process.exit(0);
  } catch (err) {
    server.log.error({ err }, 'error while closing');
    await shutdownTracing();
    process.exit(1);
  }
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await server.listen({ host: config.http.host, port: config.http.port });
  server.log.info({ sinceProcessStartMs: Math.round(process.uptime() * 1000) }, 'gateway listening');
} catch (err) {
  server.log.error({ err }, 'gateway failed to start');
  process.exit(1);
}
