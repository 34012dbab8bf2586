// Redis connection for the gateway: decorates `app.redis`, quits on close.
import fp from 'fastify-plugin';
import type { RedisClient } from '../../repo/redis.ts';
import type { Config } from '../../config/index.ts';
import { createRedis } from '../../repo/redis.ts';

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisClient;
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const redis = createRedis(config, { lazyConnect: true, connectTimeout: 5000 });
    redis.on('error', (err) => app.log.warn({ err }, 'redis connection error'));
    await redis.connect();
    app.decorate<RedisClient, 'redis'>('redis', redis);
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: 'gochat-redis', fastify: '5.x' },
);
