// The gateway's presence ordering with controllable ports: the record is written before
// `connected` resolves, Temporal work follows in order, and a slow Temporal never holds up a
// connection.
import { describe, expect, it } from 'vitest';
import { GatewayPresence, type PresencePorts } from '../../gateway/ws/presence.ts';

function ports(opts: { slowStartMs?: number } = {}) {
  const log: string[] = [];
  /** What Redis holds: connections per user. */
  const redis = new Map<string, number>();
  let pending = false;
  const p: PresencePorts = {
    setConnections: (u, n) => {
      const before = redis.get(u) ?? 0;
      log.push(n > before ? `set ${u}` : n < before ? `remove ${u}` : `write ${u} ${n}`);
      if (n === 0) redis.delete(u);
      else redis.set(u, n);
      return Promise.resolve({ firstAnywhere: before === 0 && n > 0, lastAnywhere: before > 0 && n === 0 });
    },
    heartbeat: (users) => {
      log.push(`heartbeat ${users.join(' ')}`);
      return Promise.resolve(users.filter((u) => !redis.has(u)));
    },
    cancelOfflineConfirmation: (u) => {
      log.push(`cancel ${u}`);
      const was = pending;
      pending = false;
      return Promise.resolve(was);
    },
    startOfflineConfirmation: async (u) => {
      await new Promise((r) => setTimeout(r, opts.slowStartMs ?? 0));
      pending = true;
      log.push(`start ${u}`);
    },
    announceOnline: (u) => {
      log.push(`announce ${u}`);
      return Promise.resolve();
    },
    onError: () => undefined,
  };
  return { p, log, redis };
}

describe('gateway presence', () => {
  it('announces a first connection, and a quick reconnect cancels the confirmation instead', async () => {
    const { p, log } = ports();
    const presence = new GatewayPresence(p);
    await presence.connected('1');
    await presence.disconnected('1');
    await presence.connected('1');
    await presence.drain();
    expect(log).toEqual(['set 1', 'cancel 1', 'announce 1', 'remove 1', 'set 1', 'start 1', 'cancel 1']);
  });

  it('lets a reconnect through at once while Temporal is slow, keeping the workflow calls in order', async () => {
    const { p, log } = ports({ slowStartMs: 300 });
    const presence = new GatewayPresence(p);
    await presence.connected('1');
    await presence.disconnected('1');
    const t0 = Date.now();
    await presence.connected('1');
    expect(Date.now() - t0).toBeLessThan(100);
    await presence.drain();
    expect(log.slice(-2)).toEqual(['start 1', 'cancel 1']); // no announcement: friends never heard "offline"
  });

  it('writes every count again after Redis lost them, announcing nothing and undoing no connect', async () => {
    const { p, log, redis } = ports();
    const presence = new GatewayPresence(p);
    await Promise.all([presence.connected('1'), presence.connected('1'), presence.connected('2')]);
    await presence.drain();
    redis.clear(); // the data loss
    log.length = 0;
    const healing = presence.reassert();
    const late = presence.connected('2'); // a connect racing the heal
    await Promise.all([healing, late]);
    await presence.drain();
    expect(Object.fromEntries(redis)).toEqual({ '1': 2, '2': 2 });
    expect(log.filter((l) => l.startsWith('announce'))).toEqual([]);
  });

  it('refreshes all its users in one heartbeat and writes again a record cleaned up while connected', async () => {
    const { p, log, redis } = ports();
    const presence = new GatewayPresence(p);
    await Promise.all([presence.connected('1'), presence.connected('2'), presence.connected('3')]);
    await presence.disconnected('3');
    await presence.drain();
    redis.delete('2'); // the expired-status cleanup took it during a stall
    log.length = 0;
    expect(await presence.heartbeat()).toBe(1);
    expect(log).toEqual(['heartbeat 1 2', 'set 2']);
    expect(Object.fromEntries(redis)).toEqual({ '1': 1, '2': 1 });
    expect(log.filter((l) => l.startsWith('announce'))).toEqual([]);
  });
});
