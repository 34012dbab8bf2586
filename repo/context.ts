import type { Orm, Em } from './orm.ts';
import type { Redis } from 'ioredis';

/**
 * What every MySQL-backed repo function receives: one EntityManager fork (one unit of work:
 * an HTTP request, a Kafka batch, an activity) and the Redis client that holds the caches.
 */
export interface RepoCtx {
  em: Em;
  redis: Redis;
}

export function repoCtx(orm: Orm, redis: Redis): RepoCtx {
  return { em: orm.em.fork(), redis };
}
