// Redis caches of seed 003 §3.3 and how they stay fresh.
//
// Per-member fan-out of invalidations would cost O(members) per message in a large group, so
// conversation-wide writes instead bump `conversations.version` inside their transaction and,
// after commit, raise `conversation:ver:{id}` to it (never lowering it: writers may finish out of
// order). Cached entries carry the versions they were built from; a read compares them and
// rebuilds when any moved. Writes that concern one user (membership, role, mute, read pointer)
// increment `user:gen:{id}` after commit; a reader takes the generation before querying, so a
// list built from data older than a write can never pass as current.
import type { Em } from './orm.ts';
import type { RedisClient } from './redis.ts';
import { redisKeys } from './redis-keys.ts';
import { groupBySlot, mgetAcross, pipelineAcross } from './redis-slots.ts';
import { marks, num, rows, run, idOf } from './sql.ts';
import type { Id } from './types.ts';

export const CACHE_TTL_SECONDS = {
  conversationsFull: 3600,
  conversationBasic: 1800,
  unread: 600,
} as const;

export const cacheKeys = {
  conversationsFull: redisKeys.conversationsFull,
  conversationBasic: redisKeys.conversationBasic,
  unread: redisKeys.unread,
  conversationVersion: redisKeys.conversationVersion,
  userGeneration: redisKeys.userGeneration,
};

const RAISE_TO = `
for i, key in ipairs(KEYS) do
  local v = tonumber(ARGV[i])
  local cur = tonumber(redis.call('GET', key) or '-1')
  if v > cur then redis.call('SET', key, ARGV[i]) end
end
return 1`;

export interface VersionBump {
  id: Id;
  version: number;
}

/** Inside the write's transaction: bumps and returns the new versions (rows are locked till commit). */
export async function bumpVersions(tem: Em, conversationIds: Id[]): Promise<VersionBump[]> {
  if (conversationIds.length === 0) return [];
  await run(tem, `UPDATE conversations SET version = version + 1 WHERE id IN (${marks(conversationIds.length)})`, conversationIds);
  const found = await rows(tem, `SELECT id, version FROM conversations WHERE id IN (${marks(conversationIds.length)})`, conversationIds);
  return found.map((r) => ({ id: idOf(r.id), version: num(r.version) }));
}

/** After commit: makes the new versions visible to cache readers. */
export async function publishVersions(redis: RedisClient, bumps: VersionBump[]): Promise<void> {
  if (bumps.length === 0) return;
  // A script's keys must share a slot on a cluster: one script per slot there.
  await Promise.all(
    groupBySlot(redis, bumps, (b) => cacheKeys.conversationVersion(b.id)).map(async (group) => {
      for (let i = 0; i < group.length; i += 500) {
        const chunk = group.slice(i, i + 500);
        await redis.eval(RAISE_TO, chunk.length, ...chunk.map((b) => cacheKeys.conversationVersion(b.id)), ...chunk.map((b) => String(b.version)));
      }
    }),
  );
}

/** After commit of a write that changes these users' own view of their conversations. */
export async function bumpUserGenerations(redis: RedisClient, userIds: Id[]): Promise<void> {
  if (userIds.length === 0) return;
  await pipelineAcross(redis, userIds, cacheKeys.userGeneration, (p, id) => p.incr(cacheKeys.userGeneration(id)));
}

/**
 * Current versions of these conversations: from Redis, and from MySQL (one query) for those Redis
 * does not hold, which are then published so the next read finds them.
 */
export async function currentVersions(em: Em, redis: RedisClient, conversationIds: Id[]): Promise<Map<Id, number>> {
  const result = new Map<Id, number>();
  if (conversationIds.length === 0) return result;
  const cached = await mgetAcross(redis, conversationIds.map(cacheKeys.conversationVersion));
  const missing: Id[] = [];
  conversationIds.forEach((id, i) => {
    const v = cached[i];
    if (v === null || v === undefined) missing.push(id);
    else result.set(id, Number(v));
  });
  if (missing.length > 0) {
    const found = await rows(em, `SELECT id, version FROM conversations WHERE id IN (${marks(missing.length)})`, missing);
    const bumps = found.map((r) => ({ id: idOf(r.id), version: num(r.version) }));
    for (const b of bumps) result.set(b.id, b.version);
    await publishVersions(redis, bumps);
  }
  return result;
}
