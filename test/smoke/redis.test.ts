import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig, uniqueName } from '../helpers/config.ts';

describe('smoke: Redis', () => {
  const config = testConfig();
  const redis = new Redis({ host: config.redis.host, port: config.redis.port, lazyConnect: true });
  afterAll(() => redis.quit());

  it('sets and gets a key with a TTL', async () => {
    const key = uniqueName('smoke');
    await redis.set(key, 'value', 'EX', 30);
    expect(await redis.get(key)).toBe('value');
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    await redis.del(key);
    expect(await redis.get(key)).toBeNull();
  });
});
