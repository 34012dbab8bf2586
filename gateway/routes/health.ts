// GET /healthz (the process answers) and GET /readyz (every dependency answers in time).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { Strict } from '../schemas/common.ts';

const CHECK_TIMEOUT_MS = 2000;

const Check = Strict({ ok: Type.Boolean(), latency_ms: Type.Integer(), error: Type.Optional(Type.String()) });
const Readiness = Strict({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  checks: Strict({ mysql: Check, redis: Check, kafka: Check, temporal: Check }),
  conditions: Type.Optional(Type.Record(Type.String(), Strict({ ok: Type.Boolean(), error: Type.Optional(Type.String()) }))),
});

async function probe(fn: () => Promise<unknown>): Promise<{ ok: boolean; latency_ms: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started) };
  } catch (err) {
    // The name of the failure is enough for an operator; connection strings stay out.
    return { ok: false, latency_ms: Math.round(performance.now() - started), error: err instanceof Error ? err.message.slice(0, 200) : 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/healthz', {
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: Strict({ status: Type.Literal('ok') }) } },
  }, () => Promise.resolve({ status: 'ok' as const }));

  app.get('/readyz', {
    schema: { tags: ['health'], summary: 'MySQL, Redis, Kafka and Temporal are reachable', response: { 200: Readiness, 503: Readiness } },
  }, async (_request, reply) => {
    const [mysql, redis, kafka, temporal] = await Promise.all([
      probe(() => app.orm.em.getConnection().execute('select 1')),
      probe(() => app.redis.ping()),
      probe(() => app.kafka.ping()),
      probe(() => app.temporal.workflowService.getSystemInfo({})),
    ]);
    const checks = { mysql, redis, kafka, temporal };
    const conditions = Object.fromEntries(app.readiness.map((r) => {
      const problem = r.check();
      return [r.name, problem === undefined ? { ok: true } : { ok: false, error: problem }];
    }));
    const ready = Object.values(checks).every((c) => c.ok) && Object.values(conditions).every((c) => c.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks, conditions });
  });
  done();
};
