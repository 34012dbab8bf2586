import type { Orm, Em } from './orm.ts';
import type { RedisClient } from './redis.ts';

/**
 * What every MySQL-backed repo function receives: one EntityManager fork (one unit of work:
 * an HTTP request, a Kafka batch, an activity) and the Redis client that holds the caches.
 */
export interface RepoCtx {
  em: Em;
  redis: RedisClient;
  /** Told of every cache read (for the gochat_cache_hit_ratio metric). */
  onCacheRead?: (cache: string, hit: boolean) => void;
}

export function repoCtx(orm: Orm, redis: RedisClient, onCacheRead?: (cache: string, hit: boolean) => void): RepoCtx {
  return onCacheRead ? { em: orm.em.fork(), redis, onCacheRead } : { em: orm.em.fork(), redis };
}
