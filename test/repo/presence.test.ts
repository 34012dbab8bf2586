import { describe, expect, it } from 'vitest';
import { cleanupExpired, findExpired, getOnlineGateways, getOnlineStatus, heartbeat, removeConnection, setOnline } from '../../repo/index.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();
let next = 900_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const userId = () => String(next++);

describe('presence', () => {
  it('keeps one record per user per gateway with a connection count', async () => {
    const u = userId();
    expect(await setOnline(f.redis, u, 'gw-a')).toEqual({ connections: 1, firstOnGateway: true, firstAnywhere: true });
    expect(await setOnline(f.redis, u, 'gw-a')).toEqual({ connections: 2, firstOnGateway: false, firstAnywhere: false });
    expect(await setOnline(f.redis, u, 'gw-b')).toEqual({ connections: 1, firstOnGateway: true, firstAnywhere: false });
    expect(await getOnlineStatus(f.redis, u)).toEqual({ online: true, gateways: ['gw-a', 'gw-b'] });
    expect(await removeConnection(f.redis, u, 'gw-a')).toEqual({ connections: 1, lastOnGateway: false, lastAnywhere: false });
    expect(await removeConnection(f.redis, u, 'gw-a')).toEqual({ connections: 0, lastOnGateway: true, lastAnywhere: false });
    expect(await removeConnection(f.redis, u, 'gw-b')).toEqual({ connections: 0, lastOnGateway: true, lastAnywhere: true });
    expect(await removeConnection(f.redis, u, 'gw-b')).toEqual({ connections: 0, lastOnGateway: false, lastAnywhere: false });
    expect(await getOnlineStatus(f.redis, u)).toEqual({ online: false, gateways: [] });
  });

  it('counts right under concurrent connects and disconnects', async () => {
    const u = userId();
    const opened = await Promise.all(Array.from({ length: 50 }, (_, i) => setOnline(f.redis, u, i % 2 ? 'gw-a' : 'gw-b')));
    expect(opened.filter((r) => r.firstAnywhere)).toHaveLength(1);
    const closed = await Promise.all(Array.from({ length: 50 }, (_, i) => removeConnection(f.redis, u, i % 2 ? 'gw-a' : 'gw-b')));
    expect(closed.filter((r) => r.lastAnywhere)).toHaveLength(1);
    expect(closed.filter((r) => r.lastOnGateway)).toHaveLength(2);
    expect((await getOnlineStatus(f.redis, u)).online).toBe(false);
  });

  it('looks up many users in one round trip', async () => {
    const [a, b, c] = [userId(), userId(), userId()];
    await setOnline(f.redis, a, 'gw-1');
    await setOnline(f.redis, a, 'gw-2');
    await setOnline(f.redis, c, 'gw-2');
    const map = await getOnlineGateways(f.redis, [a, b, c]);
    expect(map).toEqual(new Map([[a, ['gw-1', 'gw-2']], [c, ['gw-2']]]));
    expect(await getOnlineGateways(f.redis, [])).toEqual(new Map());
    await expect(getOnlineGateways(f.redis, ['x'])).rejects.toMatchObject({ field: 'userIds[0]' });
  });

  it('finds expired heartbeats and cleans them up unless a heartbeat came in between', async () => {
    const [a, b] = [userId(), userId()];
    const t0 = 1_000; // far in the past: older than anything a live record has
    await setOnline(f.redis, a, 'gw-dead', t0);
    await setOnline(f.redis, b, 'gw-dead', t0 + 1);
    await setOnline(f.redis, b, 'gw-live');
    const expired = (await findExpired(f.redis, 60_000, 1000)).filter((e) => e.userId === a || e.userId === b);
    expect(expired).toEqual([
      { userId: a, gatewayId: 'gw-dead', lastHeartbeat: t0 },
      { userId: b, gatewayId: 'gw-dead', lastHeartbeat: t0 + 1 },
    ]);
    expect(await heartbeat(f.redis, a, 'gw-dead')).toBe(true);
    expect(await cleanupExpired(f.redis, a, 'gw-dead', 60_000)).toEqual({ removed: false, lastAnywhere: false });
    expect(await cleanupExpired(f.redis, b, 'gw-dead', 60_000)).toEqual({ removed: true, lastAnywhere: false });
    expect(await getOnlineStatus(f.redis, b)).toEqual({ online: true, gateways: ['gw-live'] });
    expect(await heartbeat(f.redis, b, 'gw-dead')).toBe(false);
    expect(await cleanupExpired(f.redis, a, 'gw-dead', 0, Date.now() + 1000)).toEqual({ removed: true, lastAnywhere: true });
    await removeConnection(f.redis, b, 'gw-live');
    await expect(setOnline(f.redis, a, 'bad|gw')).rejects.toMatchObject({ field: 'gatewayId' });
    await expect(findExpired(f.redis, -1, 10)).rejects.toMatchObject({ field: 'olderThanMs' });
  });
});
