// Builds the ioredis client from Config. Callers own it and quit() it on shutdown.
import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/index.ts';

export type { Redis } from 'ioredis';

export function createRedis(config: Config, overrides: RedisOptions = {}): Redis {
  return new Redis({
    host: config.redis.host,
    port: config.redis.port,
    keyPrefix: config.redis.keyPrefix || undefined,
    // Fail fast when Redis is down instead of queueing commands forever.
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    ...overrides,
  });
}
