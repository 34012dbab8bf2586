// A rolling restart of one gateway under traffic, on the real processes: SIGTERM to a gateway
// whose clients are sending; each of its clients is told to reconnect (close 1012), reconnects to
// the other gateway, resends what was not acked and syncs. In the end every message was acked
// exactly once, stored once, seqs have no gap, and every member holds every message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../contract/index.ts';
import { createGroup, registerUser } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';
import { ResendingClient } from './resending-client.ts';
import { steadyTraffic } from './traffic.ts';

const PER_GATEWAY = 3;
const SEND_EVERY_MS = 100;

let cluster: Cluster;
const clients: ResendingClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({ gateways: 2, env: { WS_MAX_FRAMES_PER_SECOND: '5000' } });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
});

describe('rolling restart of a gateway', () => {
  it('moves every client of a stopping gateway to the other one with nothing lost, duplicated or out of order', { timeout: 120_000 }, async () => {
    const [leaving, staying] = cluster.gateways as [(typeof cluster.gateways)[0], (typeof cluster.gateways)[0]];
    const rest = staying.url;
    const users = await Promise.all(Array.from({ length: 2 * PER_GATEWAY }, (_, i) => registerUser(rest, `rr${i}`)));
    const group = await createGroup(rest, users[0]!, users.slice(1), 'rolling');
    const urls = [leaving.wsUrl, staying.wsUrl];
    for (const [i, u] of users.entries()) clients.push(new ResendingClient(u, group, urls, i < PER_GATEWAY ? 0 : 1));
    await Promise.all(clients.map((c) => c.connect()));
    const onLeaving = clients.slice(0, PER_GATEWAY);
    expect(onLeaving.every((c) => c.gatewaysSeen[0] === leaving.id)).toBe(true);

    // Every client sends steadily, before, during and after the restart.
    const traffic = steadyTraffic(clients, 'rr', SEND_EVERY_MS);
    const { sent } = traffic;
    let stopMs: number | undefined;
    try {
      await new Promise((r) => setTimeout(r, 1500));
      // What a load balancer sees meanwhile: ready, then 503 while it drains, then nothing.
      const readiness: (number | 'refused')[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const status = await fetch(`${leaving.url}/readyz`).then((r) => r.status, () => 'refused' as const);
          if (readiness.at(-1) !== status) readiness.push(status);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      await waitFor('readiness polled', () => readiness.length > 0);
      const t0 = Date.now();
      const code = await leaving.proc.stop('SIGTERM');
      stopMs = Date.now() - t0;
      polling = false;
      await poll;
      expect(readiness).toEqual([200, 503, 'refused']);
      expect(code).toBe(0);
      expect(stopMs).toBeLessThan(15_000);
      await waitFor('clients of the stopped gateway back on the other one', () => onLeaving.every((c) => c.connected), 20_000);
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      traffic.stop();
    }

    await waitFor('every send acked', () => clients.every((c) => c.pending === 0), 30_000, 100);
    const acked = new Map<string, { message_id: string; seq: number }>();
    for (const c of clients) {
      for (const [cmid, frames] of c.acks) {
        expect(frames, `acks of ${cmid} (suffix ${cluster.env.KAFKA_TOPIC_SUFFIX}, client on ${c.gatewaysSeen.join(' then ')}, closes ${c.closeCodes.join(',')}): ${JSON.stringify(frames)}`).toHaveLength(1);
        acked.set(cmid, { message_id: String(frames[0]!.message_id), seq: Number(frames[0]!.seq) });
      }
    }
    expect([...acked.keys()].sort()).toEqual([...sent].sort());
    // Stored once each: distinct ids, and seqs 1..N without a gap.
    const ids = new Set([...acked.values()].map((a) => a.message_id));
    expect(ids.size).toBe(sent.length);
    expect([...acked.values()].map((a) => a.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: sent.length }, (_, i) => i + 1));

    // Every member holds every message, live or by its sync after the reconnect.
    await waitFor('every message delivered to every member', () => clients.every((c) => c.known.size === ids.size), 20_000, 100);
    for (const c of clients) expect(new Set(c.known.keys())).toEqual(ids);

    for (const c of onLeaving) {
      expect(c.closeCodes[0]).toBe(CloseCode.serviceRestart);
      expect(c.gatewaysSeen).toEqual([leaving.id, staying.id]);
    }
    for (const c of clients.slice(PER_GATEWAY)) expect(c.closeCodes).toEqual([]);
    const refusals = clients.flatMap((c) => c.frames.filter((f) => f.type === 'error' && f.code !== 'SERVICE_UNAVAILABLE'));
    expect(refusals).toEqual([]);
    expect(sent.length).toBeGreaterThan(50);
    // A graceful stop is not a failure: the stopped gateway logged no warning and no error.
    const logged = leaving.proc.output.join('').split('\n').filter((l) => l.startsWith('{'));
    const warned = logged.filter((l) => (JSON.parse(l) as { level: number }).level >= 40);
    expect(warned, warned.join('\n')).toEqual([]);
    const refused = onLeaving.reduce((k, c) => k + c.frames.filter((f) => f.type === 'error').length, 0);
    console.warn(`rolling restart: ${sent.length} sends by ${clients.length} clients, the gateway stopped in ${stopMs} ms; ${refused} sends refused while it drained (resent after the reconnect)`);
  });
});
