import { describe, expect, it } from 'vitest';
import { cleanupExpired, findExpired, getOnlineGateways, getOnlineStatus, heartbeats, setGatewayConnections } from '../../repo/index.ts';
import { presenceShard, redisKeys } from '../../repo/redis-keys.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();
let next = 900_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const userId = () => String(next++);

describe('presence', () => {
  it('keeps one record per user per gateway with the gateway\'s own connection count', async () => {
    const u = userId();
    expect(await setGatewayConnections(f.redis, u, 'gw-a', 1)).toEqual({ firstAnywhere: true, lastAnywhere: false });
    expect(await setGatewayConnections(f.redis, u, 'gw-a', 2)).toEqual({ firstAnywhere: false, lastAnywhere: false });
    expect(await setGatewayConnections(f.redis, u, 'gw-b', 1)).toEqual({ firstAnywhere: false, lastAnywhere: false });
    expect(await getOnlineStatus(f.redis, u)).toEqual({ online: true, gateways: ['gw-a', 'gw-b'] });
    expect(await setGatewayConnections(f.redis, u, 'gw-a', 0)).toEqual({ firstAnywhere: false, lastAnywhere: false });
    expect(await setGatewayConnections(f.redis, u, 'gw-b', 0)).toEqual({ firstAnywhere: false, lastAnywhere: true });
    expect(await setGatewayConnections(f.redis, u, 'gw-b', 0)).toEqual({ firstAnywhere: false, lastAnywhere: false });
    expect(await getOnlineStatus(f.redis, u)).toEqual({ online: false, gateways: [] });
  });

  it('looks up many users in one round trip', async () => {
    const [a, b, c] = [userId(), userId(), userId()];
    await setGatewayConnections(f.redis, a, 'gw-1', 1);
    await setGatewayConnections(f.redis, a, 'gw-2', 1);
    await setGatewayConnections(f.redis, c, 'gw-2', 1);
    const map = await getOnlineGateways(f.redis, [a, b, c]);
    expect(map).toEqual(new Map([[a, ['gw-1', 'gw-2']], [c, ['gw-2']]]));
    expect(await getOnlineGateways(f.redis, [])).toEqual(new Map());
    await expect(getOnlineGateways(f.redis, ['x'])).rejects.toMatchObject({ field: 'userIds[0]' });
  });

  it('looks up thousands of users in a few scripts and answers with the online ones only', async () => {
    const users = Array.from({ length: 2_500 }, userId);
    const online = users.filter((_, i) => i % 7 === 3);
    await Promise.all(online.map((u, i) => setGatewayConnections(f.redis, u, i % 2 ? 'gw-odd' : 'gw-even', 1)));
    const map = await getOnlineGateways(f.redis, users);
    expect(new Set(map.keys())).toEqual(new Set(online));
    expect(online.every((u, i) => map.get(u)?.join() === (i % 2 ? 'gw-odd' : 'gw-even'))).toBe(true);
  });

  it('finds expired heartbeats and cleans them up unless a heartbeat came in between', async () => {
    const [a, b] = [userId(), userId()];
    const t0 = 1_000; // far in the past: older than anything a live record has
    await setGatewayConnections(f.redis, a, 'gw-dead', 1, t0);
    await setGatewayConnections(f.redis, b, 'gw-dead', 1, t0 + 1);
    await setGatewayConnections(f.redis, b, 'gw-live', 1);
    const expired = (await findExpired(f.redis, 60_000, 1000)).filter((e) => e.userId === a || e.userId === b);
    expect(expired).toEqual([
      { userId: a, gatewayId: 'gw-dead', lastHeartbeat: t0 },
      { userId: b, gatewayId: 'gw-dead', lastHeartbeat: t0 + 1 },
    ]);
    expect(await heartbeats(f.redis, [a], 'gw-dead')).toEqual([]);
    expect(await cleanupExpired(f.redis, a, 'gw-dead', 60_000)).toEqual({ removed: false, lastAnywhere: false });
    expect(await cleanupExpired(f.redis, b, 'gw-dead', 60_000)).toEqual({ removed: true, lastAnywhere: false });
    expect(await getOnlineStatus(f.redis, b)).toEqual({ online: true, gateways: ['gw-live'] });
    expect(await heartbeats(f.redis, [b], 'gw-dead')).toEqual([b]);
    expect(await cleanupExpired(f.redis, a, 'gw-dead', 0, Date.now() + 1000)).toEqual({ removed: true, lastAnywhere: true });
    await setGatewayConnections(f.redis, b, 'gw-live', 0);
    await expect(setGatewayConnections(f.redis, a, 'bad|gw', 1)).rejects.toMatchObject({ field: 'gatewayId' });
    await expect(findExpired(f.redis, -1, 10)).rejects.toMatchObject({ field: 'olderThanMs' });
  });

  it('refreshes many users in a few scripts and names those with no record of the gateway', async () => {
    const users = Array.from({ length: 1203 }, () => userId());
    const t0 = 3_000;
    const held = users.filter((_, i) => i % 3 !== 0);
    for (const u of held) await setGatewayConnections(f.redis, u, 'gw-many', 1, t0);
    const other = users[0]!; // held by another gateway only
    await setGatewayConnections(f.redis, other, 'gw-other', 1, t0);
    const missing = await heartbeats(f.redis, users, 'gw-many');
    expect(missing.sort()).toEqual(users.filter((_, i) => i % 3 === 0).sort());
    const expired = new Set((await findExpired(f.redis, 60_000, 100_000)).filter((e) => e.gatewayId === 'gw-many').map((e) => e.userId));
    expect(held.filter((u) => expired.has(u))).toEqual([]);
    for (const u of held.slice(0, 5)) expect(Number(await f.redis.hget(redisKeys.heartbeats(u), 'gw-many'))).toBeGreaterThan(t0);
    expect(await f.redis.hget(redisKeys.heartbeats(other), 'gw-many')).toBeNull();
    expect(await heartbeats(f.redis, [], 'gw-many')).toEqual([]);
    await expect(heartbeats(f.redis, ['x'], 'gw-many')).rejects.toMatchObject({ field: 'userIds[0]' });
    for (const u of held) await setGatewayConnections(f.redis, u, 'gw-many', 0);
    await setGatewayConnections(f.redis, other, 'gw-other', 0);
  });

  it('treats the expiry index as a pointer: an entry for nothing is dropped, a stale entry of a live record moves on', async () => {
    const [ghost, live] = [userId(), userId()];
    const t0 = 2_000;
    // An index entry whose record is gone (the record's own keys lost, or its write never made it).
    await f.redis.zadd(redisKeys.presenceExpiry(presenceShard(ghost)), t0, `${ghost}|gw-ghost`);
    // A live record whose last heartbeat reached its hash but not the index.
    await setGatewayConnections(f.redis, live, 'gw-live', 1, t0);
    await f.redis.hset(redisKeys.heartbeats(live), 'gw-live', String(Date.now()));
    const mine = async () => (await findExpired(f.redis, 60_000, 100_000)).filter((e) => e.userId === ghost || e.userId === live).map((e) => e.userId);
    expect((await mine()).sort()).toEqual([ghost, live].sort());
    expect(await cleanupExpired(f.redis, ghost, 'gw-ghost', 60_000)).toEqual({ removed: false, lastAnywhere: false });
    expect(await cleanupExpired(f.redis, live, 'gw-live', 60_000)).toEqual({ removed: false, lastAnywhere: false });
    expect(await mine()).toEqual([]);
    expect(await getOnlineStatus(f.redis, live)).toEqual({ online: true, gateways: ['gw-live'] });
    await setGatewayConnections(f.redis, live, 'gw-live', 0);
  });
});
