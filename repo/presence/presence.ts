// Presence on Redis (seed 004): one record per user per gateway — field {gatewayId} of the hash
// user:online:{userId}, holding that gateway's connection count — and each record's last
// heartbeat in the sorted set presence:heartbeats. Every change is one Lua script, so concurrent
// connects and disconnects of one user never lose a count.
import type { Redis } from 'ioredis';
import { isGatewayId } from '../../contract/index.ts';
import { ValidationError } from '../errors.ts';
import type { Id } from '../types.ts';
import { checkId, checkIds, checkInt } from '../validate.ts';

const presenceKeys = {
  user: (userId: Id) => `user:online:${userId}`,
  heartbeats: 'presence:heartbeats',
  /** Exists while the gateway's records are known to be in Redis; gone after a data loss. */
  gatewayMark: (gatewayId: string) => `presence:gateway:${gatewayId}`,
};

function checkGateway(gatewayId: unknown): string {
  if (!isGatewayId(gatewayId)) {
    throw new ValidationError('gatewayId', 'must be 1-64 letters, digits, - or _');
  }
  return gatewayId;
}

const member = (userId: Id, gatewayId: string) => `${userId}|${gatewayId}`;

const SET_CONNECTIONS = `
local before = redis.call('HLEN', KEYS[1])
if tonumber(ARGV[4]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
end
return {before, redis.call('HLEN', KEYS[1])}`;

const HEARTBEAT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
return 1`;

const CLEANUP = `
local score = redis.call('ZSCORE', KEYS[2], ARGV[2])
if not score or tonumber(score) > tonumber(ARGV[3]) then return {0, 0} end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then return {1, 1} end
return {1, 0}`;

async function script(redis: Redis, body: string, userId: Id, args: (string | number)[]): Promise<unknown> {
  return redis.eval(body, 2, presenceKeys.user(userId), presenceKeys.heartbeats, ...args);
}

/**
 * Writes the number of connections a gateway holds for a user, as the gateway counts them: the
 * record is the gateway's own, so writing its count (rather than adding one) also heals a record
 * lost with Redis data. `firstAnywhere`: no gateway held the user before; `lastAnywhere`: none
 * does now.
 */
export async function setGatewayConnections(redis: Redis, userId: Id, gatewayId: string, connections: number, now = Date.now()): Promise<{ firstAnywhere: boolean; lastAnywhere: boolean }> {
  checkId('userId', userId);
  checkGateway(gatewayId);
  checkInt('connections', connections, 0, 1_000_000);
  const [before, after] = (await script(redis, SET_CONNECTIONS, userId, [gatewayId, member(userId, gatewayId), now, connections])) as [number, number];
  return { firstAnywhere: before === 0 && after > 0, lastAnywhere: before > 0 && after === 0 };
}

/**
 * Refreshes the gateway's mark; true when it was missing, i.e. Redis lost the gateway's records
 * (a restart without persistence, a failover to an empty replica) or the gateway just started.
 */
export async function refreshGatewayMark(redis: Redis, gatewayId: string, ttlMs: number): Promise<boolean> {
  checkGateway(gatewayId);
  const previous = await redis.call('SET', presenceKeys.gatewayMark(gatewayId), '1', 'PX', String(ttlMs), 'GET');
  return previous === null;
}

/** False when the user has no record on that gateway (it was cleaned up: set online again). */
export async function heartbeat(redis: Redis, userId: Id, gatewayId: string, now = Date.now()): Promise<boolean> {
  checkId('userId', userId);
  checkGateway(gatewayId);
  return (await script(redis, HEARTBEAT, userId, [gatewayId, member(userId, gatewayId), now])) === 1;
}

export async function getOnlineStatus(redis: Redis, userId: Id): Promise<{ online: boolean; gateways: string[] }> {
  checkId('userId', userId);
  const gateways = await redis.hkeys(presenceKeys.user(userId));
  return { online: gateways.length > 0, gateways: gateways.sort() };
}

/** Gateways of each online user, in one round trip; offline users are absent from the map. */
export async function getOnlineGateways(redis: Redis, userIds: Id[]): Promise<Map<Id, string[]>> {
  const ids = checkIds('userIds', userIds, 100_000);
  const result = new Map<Id, string[]>();
  if (ids.length === 0) return result;
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hkeys(presenceKeys.user(id));
  const replies = (await pipeline.exec()) ?? [];
  replies.forEach(([err, gateways], i) => {
    if (err) throw err;
    const list = gateways as string[];
    if (list.length > 0) result.set(ids[i] as Id, list.sort());
  });
  return result;
}

/** Records whose last heartbeat is older than `olderThanMs`, oldest first. */
export async function findExpired(redis: Redis, olderThanMs: number, limit: number, now = Date.now()): Promise<{ userId: Id; gatewayId: string; lastHeartbeat: number }[]> {
  checkInt('olderThanMs', olderThanMs, 0, Number.MAX_SAFE_INTEGER);
  checkInt('limit', limit, 1, 100_000);
  const flat = await redis.zrangebyscore(presenceKeys.heartbeats, '-inf', now - olderThanMs, 'WITHSCORES', 'LIMIT', 0, limit);
  const result: { userId: Id; gatewayId: string; lastHeartbeat: number }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const [userId, gatewayId] = (flat[i] as string).split('|') as [string, string];
    result.push({ userId, gatewayId, lastHeartbeat: Number(flat[i + 1]) });
  }
  return result;
}

/**
 * Removes one expired record, only if its heartbeat is still older than `olderThanMs` (a
 * heartbeat that arrived since findExpired keeps it). `lastAnywhere`: the user is now offline.
 */
export async function cleanupExpired(redis: Redis, userId: Id, gatewayId: string, olderThanMs: number, now = Date.now()): Promise<{ removed: boolean; lastAnywhere: boolean }> {
  checkId('userId', userId);
  checkGateway(gatewayId);
  checkInt('olderThanMs', olderThanMs, 0, Number.MAX_SAFE_INTEGER);
  const [removed, last] = (await script(redis, CLEANUP, userId, [gatewayId, member(userId, gatewayId), now - olderThanMs])) as [number, number];
  return { removed: removed === 1, lastAnywhere: last === 1 };
}
