// The fan-out delivery record in Redis: one set per (message, batch) of "gateway|user" pairs,
// kept long enough to outlive every retry of the batch (the fan-out gives up after 15 minutes).
import type { RedisClient } from '../repo/redis.ts';
import type { DeliveryLog } from './deps.ts';

export function redisDeliveryLog(redis: RedisClient, ttlMs = 24 * 3600_000): DeliveryLog {
  return {
    async delivered(key) {
      return new Set(await redis.smembers(key));
    },
    async record(key, entries) {
      if (entries.length === 0) return;
      const replies = await redis.multi().sadd(key, ...entries).pexpire(key, ttlMs).exec();
      const failed = replies?.find(([err]) => err);
      if (!replies || failed) throw failed?.[0] ?? new Error(`delivery record ${key} not written`);
    },
  };
}
