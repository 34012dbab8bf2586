// Fixed-window counters in Redis, shared by every gateway instance. One script call counts the
// attempt and starts the window atomically, so concurrent requests cannot slip past the limit.
import type { RedisClient } from './redis.ts';
import { redisKeys } from './redis-keys.ts';

const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface RateLimiter {
  /** Counts one attempt in `bucket` and says whether it is within `limit` per `windowMs`. */
  hit(bucket: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  reset(bucket: string): Promise<void>;
}

const key = redisKeys.rateLimit;

export function createRateLimiter(redis: RedisClient): RateLimiter {
  return {
    async hit(bucket, limit, windowMs) {
      const [count, ttl] = (await redis.eval(HIT, 1, key(bucket), String(windowMs))) as [number, number];
      return { allowed: count <= limit, count, limit, resetMs: ttl };
    },
    async reset(bucket) {
      await redis.del(key(bucket));
    },
  };
}
