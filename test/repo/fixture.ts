// One ORM and one Redis client per suite, on the shared test database; every row a test makes is
// new (unique usernames), so suites never see each other's data and nothing is truncated.
import { afterAll } from 'vitest';
import type { Options } from '@mikro-orm/mysql';
import { createOrm, createRedis, repoCtx, createUser, type Orm, type RepoCtx, type UserView } from '../../repo/index.ts';
import type { RedisClient } from '../../repo/redis.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';

export interface Fixture {
  orm: Orm;
  redis: RedisClient;
  ctx(): RepoCtx;
  user(prefix?: string): Promise<UserView>;
  users(count: number): Promise<UserView[]>;
  /** Rows of a table matching a WHERE clause, read straight from MySQL. */
  count(sql: string, params?: unknown[]): Promise<number>;
}

export async function setupFixture(ormOverrides: Partial<Options> = {}): Promise<Fixture> {
  const config = testConfig();
  const orm = await createOrm(config, ormOverrides);
  const redis = createRedis(config);
  afterAll(async () => {
    await orm.close(true);
    redis.disconnect();
  });
  const ctx = () => repoCtx(orm, redis);
  const user = (prefix = 'u') => createUser(ctx(), { username: uniqueName(prefix).slice(0, 32), passwordHash: 'hash' });
  return {
    orm,
    redis,
    ctx,
    user,
    users: (count) => Promise.all(Array.from({ length: count }, () => user())),
    async count(sql, params = []) {
      const [row] = await orm.em.fork().execute<{ n: number | string }[]>(sql, params);
      return Number(row?.n ?? 0);
    },
  };
}
