// The gateway's presence ordering with controllable ports: the record is written before
// `connected` resolves, Temporal work follows in order, and a slow Temporal never holds up a
// connection.
import { describe, expect, it } from 'vitest';
import { GatewayPresence, type PresencePorts } from '../../gateway/ws/presence.ts';

function ports(opts: { slowStartMs?: number } = {}) {
  const log: string[] = [];
  let online = 0;
  let pending = false;
  const p: PresencePorts = {
    setOnline: (u) => {
      log.push(`set ${u}`);
      return Promise.resolve({ firstAnywhere: online++ === 0 });
    },
    removeConnection: (u) => {
      log.push(`remove ${u}`);
      return Promise.resolve({ lastAnywhere: --online === 0 });
    },
    heartbeat: () => Promise.resolve(),
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
  return { p, log };
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
});
