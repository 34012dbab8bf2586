// Presence on Redis (seed 004): one record per user per gateway — field {gatewayId} of the hash
// user:{u:<id>}:online, holding that gateway's connection count, and the same field of
// user:{u:<id>}:heartbeats, holding its last heartbeat. Both hashes share the user's hash tag, so
// every change is one Lua script, on one node or on a Redis Cluster, and concurrent connects and
// disconnects of one user never lose a count. Cleanup finds expired records through an index:
// sorted sets presence:expiry:{p:<shard>} of `{userId}|{gatewayId}` by heartbeat, written after
// each script (a different slot). The index only points: a record is removed only when its own
// heartbeat field is old, so an index entry a little behind or left over is harmless.
import type { RedisClient } from '../redis.ts';
import { PRESENCE_EXPIRY_SHARDS, presenceShard, redisKeys } from '../redis-keys.ts';
import { chunksBySlot } from '../redis-slots.ts';
import { isGatewayId } from '../../contract/index.ts';
import { ValidationError } from '../errors.ts';
import type { Id } from '../types.ts';
import { checkId, checkIds, checkInt } from '../validate.ts';

function checkGateway(gatewayId: unknown): string {
  if (!isGatewayId(gatewayId)) {
    throw new ValidationError('gatewayId', 'must be 1-64 letters, digits, - or _');
  }
  return gatewayId;
}

const member = (userId: Id, gatewayId: string) => `${userId}|${gatewayId}`;
const expiryKey = (userId: Id) => redisKeys.presenceExpiry(presenceShard(userId));

// KEYS: online, heartbeats. ARGV: gatewayId, now, connections.
const SET_CONNECTIONS = `
local before = redis.call('HLEN', KEYS[1])
if tonumber(ARGV[3]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
end
return {before, redis.call('HLEN', KEYS[1])}`;

// KEYS: (online, heartbeats) pairs of users whose keys share a slot. ARGV: gatewayId, now.
// Returns the positions (from 1) of the users the gateway has no record for.
const HEARTBEATS = `
local missing = {}
for i = 1, #KEYS, 2 do
  if redis.call('HEXISTS', KEYS[i], ARGV[1]) == 1 then
    redis.call('HSET', KEYS[i + 1], ARGV[1], ARGV[2])
  else
    missing[#missing + 1] = (i + 1) / 2
  end
end
return missing`;

// KEYS: online, heartbeats. ARGV: gatewayId, cutoff. Returns {removed, lastAnywhere, heartbeat
// of a record still alive or 0}.
const CLEANUP = `
local present = redis.call('HEXISTS', KEYS[1], ARGV[1])
local beat = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if present == 1 and beat > tonumber(ARGV[2]) then return {0, 0, beat} end
redis.call('HDEL', KEYS[2], ARGV[1])
if present == 0 then return {0, 0, 0} end
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then return {1, 1, 0} end
return {1, 0, 0}`;

// KEYS: an expiry shard. ARGV: member, cutoff. Drops the entry only if it is still that old.
const UNINDEX = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1`;

async function script(redis: RedisClient, body: string, userId: Id, args: (string | number)[]): Promise<unknown> {
  return redis.eval(body, 2, redisKeys.online(userId), redisKeys.heartbeats(userId), ...args);
}

/**
 * Writes the number of connections a gateway holds for a user, as the gateway counts them: the
 * record is the gateway's own, so writing its count (rather than adding one) also heals a record
 * lost with Redis data. `firstAnywhere`: no gateway held the user before; `lastAnywhere`: none
 * does now.
 */
export async function setGatewayConnections(redis: RedisClient, userId: Id, gatewayId: string, connections: number, now = Date.now()): Promise<{ firstAnywhere: boolean; lastAnywhere: boolean }> {
  checkId('userId', userId);
  checkGateway(gatewayId);
  checkInt('connections', connections, 0, 1_000_000);
  // The index write goes beside the script, not after it (one round trip): an entry for a
  // record that is not there is harmless, cleanup drops it.
  const index = connections > 0 ? redis.zadd(expiryKey(userId), now, member(userId, gatewayId)) : redis.zrem(expiryKey(userId), member(userId, gatewayId));
  const [[before, after]] = (await Promise.all([script(redis, SET_CONNECTIONS, userId, [gatewayId, now, connections]), index])) as [[number, number], unknown];
  return { firstAnywhere: before === 0 && after > 0, lastAnywhere: before > 0 && after === 0 };
}

/**
 * Refreshes the gateway's mark; true when it was missing, i.e. Redis lost the gateway's records
 * (a restart without persistence, a failover to an empty replica) or the gateway just started.
 */
export async function refreshGatewayMark(redis: RedisClient, gatewayId: string, ttlMs: number): Promise<boolean> {
  checkGateway(gatewayId);
  const previous = await redis.call('SET', redisKeys.gatewayMark(gatewayId), '1', 'PX', String(ttlMs), 'GET');
  return previous === null;
}

/** Users per heartbeat script, and entries per index write. */
const HEARTBEAT_KEYS = 500;

/**
 * Refreshes the heartbeat of a gateway's records of many users at once: a script per
 * HEARTBEAT_KEYS users (per slot on a cluster) and an index write per shard, rather than two
 * commands per user, which every 30 s cost a gateway with 12,500 users as many writes to its
 * socket as Redis took commands. Returns the users the gateway has no record for (cleaned up
 * while the gateway still holds them: set them again).
 */
export async function heartbeats(redis: RedisClient, userIds: Id[], gatewayId: string, now = Date.now()): Promise<Id[]> {
  const ids = checkIds('userIds', userIds, 1_000_000);
  checkGateway(gatewayId);
  const index = new Map<number, (string | number)[]>();
  for (const id of ids) {
    const shard = presenceShard(id);
    let entries = index.get(shard);
    if (!entries) index.set(shard, (entries = []));
    entries.push(now, member(id, gatewayId));
  }
  const missing: Id[] = [];
  await Promise.all([
    ...chunksBySlot(redis, ids, redisKeys.online, HEARTBEAT_KEYS).map(async (chunk) => {
      const keys = chunk.flatMap((id) => [redisKeys.online(id), redisKeys.heartbeats(id)]);
      const positions = (await redis.eval(HEARTBEATS, keys.length, ...keys, gatewayId, now)) as number[];
      for (const p of positions) missing.push(chunk[p - 1]!);
    }),
    ...[...index].flatMap(([shard, entries]) =>
      Array.from({ length: Math.ceil(entries.length / (2 * HEARTBEAT_KEYS)) }, (_, i) => redis.zadd(redisKeys.presenceExpiry(shard), ...entries.slice(i * 2 * HEARTBEAT_KEYS, (i + 1) * 2 * HEARTBEAT_KEYS))),
    ),
  ]);
  return missing;
}

export async function getOnlineStatus(redis: RedisClient, userId: Id): Promise<{ online: boolean; gateways: string[] }> {
  checkId('userId', userId);
  const gateways = await redis.hkeys(redisKeys.online(userId));
  return { online: gateways.length > 0, gateways: gateways.sort() };
}

// KEYS: users' online hashes. Returns {position, "gateway gateway…", …} for the keys some
// gateway holds (positions from 1; gateway ids have no spaces).
const ONLINE_AMONG = `
local out = {}
for i, key in ipairs(KEYS) do
  local gateways = redis.call('HKEYS', key)
  if #gateways > 0 then
    out[#out + 1] = i
    out[#out + 1] = table.concat(gateways, ' ')
  end
end
return out`;

/** Users per lookup script: Redis reads them in about a millisecond. */
const LOOKUP_KEYS = 1000;

/**
 * Gateways of each online user; offline users are absent from the map. Redis reads the users'
 * hashes in a script and answers with the online ones only (a command per user made the caller
 * parse a reply per user: a 50,000-member fan-out's lookups cost its worker ~15 µs of CPU per
 * member asked about, online or not). One round trip on one node; on a cluster, a script per
 * slot, side by side.
 */
export async function getOnlineGateways(redis: RedisClient, userIds: Id[]): Promise<Map<Id, string[]>> {
  const ids = checkIds('userIds', userIds, 100_000);
  const result = new Map<Id, string[]>();
  await Promise.all(chunksBySlot(redis, ids, redisKeys.online, LOOKUP_KEYS).map(async (chunk) => {
    const flat = (await redis.eval(ONLINE_AMONG, chunk.length, ...chunk.map(redisKeys.online))) as (number | string)[];
    for (let k = 0; k + 1 < flat.length; k += 2) result.set(chunk[Number(flat[k]) - 1]!, String(flat[k + 1]).split(' ').sort());
  }));
  return result;
}

/** Records whose last heartbeat is older than `olderThanMs`, oldest first. */
export async function findExpired(redis: RedisClient, olderThanMs: number, limit: number, now = Date.now()): Promise<{ userId: Id; gatewayId: string; lastHeartbeat: number }[]> {
  checkInt('olderThanMs', olderThanMs, 0, Number.MAX_SAFE_INTEGER);
  checkInt('limit', limit, 1, 100_000);
  const shards = Array.from({ length: PRESENCE_EXPIRY_SHARDS }, (_, i) => i);
  const flats = await Promise.all(shards.map((i) => redis.zrangebyscore(redisKeys.presenceExpiry(i), '-inf', now - olderThanMs, 'WITHSCORES', 'LIMIT', 0, limit)));
  const result: { userId: Id; gatewayId: string; lastHeartbeat: number }[] = [];
  for (const flat of flats) {
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const [userId, gatewayId] = (flat[i] as string).split('|') as [string, string];
      result.push({ userId, gatewayId, lastHeartbeat: Number(flat[i + 1]) });
    }
  }
  return result.sort((a, b) => a.lastHeartbeat - b.lastHeartbeat).slice(0, limit);
}

/**
 * Removes one expired record, only if its heartbeat is still older than `olderThanMs` (a
 * heartbeat that arrived since findExpired keeps it). `lastAnywhere`: the user is now offline.
 */
export async function cleanupExpired(redis: RedisClient, userId: Id, gatewayId: string, olderThanMs: number, now = Date.now()): Promise<{ removed: boolean; lastAnywhere: boolean }> {
  checkId('userId', userId);
  checkGateway(gatewayId);
  checkInt('olderThanMs', olderThanMs, 0, Number.MAX_SAFE_INTEGER);
  const cutoff = now - olderThanMs;
  const [removed, last, beat] = (await script(redis, CLEANUP, userId, [gatewayId, cutoff])) as [number, number, number];
  // The index entry goes with the record, or when it points at nothing (only if still that old:
  // a heartbeat may have moved it since). A record still alive puts its entry at its heartbeat.
  if (beat > 0) await redis.zadd(expiryKey(userId), beat, member(userId, gatewayId));
  else await redis.eval(UNINDEX, 1, expiryKey(userId), member(userId, gatewayId), cutoff);
  return { removed: removed === 1, lastAnywhere: last === 1 };
}
