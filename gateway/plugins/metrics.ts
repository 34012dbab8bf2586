// Prometheus metrics of this gateway: decorates `app.metrics`, serves /metrics, and times the
// conversation list (gochat_conversation_load_duration_seconds).
import fp from 'fastify-plugin';
import { createMetrics, type Metrics } from '../../metrics/registry.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export default fp(
  (app, _opts, done) => {
    const metrics = createMetrics('gateway');
    app.decorate('metrics', metrics);
    app.addHook('onResponse', (request, reply, next) => {
      if (request.method === 'GET' && request.routeOptions.url === '/conversations' && reply.statusCode === 200) {
        metrics.conversationLoad.observe(reply.elapsedTime / 1000);
      }
      next();
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.scrape()),
    );
    done();
  },
  { name: 'gochat-metrics', fastify: '5.x' },
);
