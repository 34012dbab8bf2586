// Several logic workers in one consumer group under traffic, beside three gateways and two
// Temporal workers: a third logic worker joins, one is killed with SIGKILL (its partitions move
// once the group notices), another leaves with SIGTERM. Through every rebalance each send is acked
// and stored once, each conversation's seqs stay gap-free and in the order each sender sent, and
// every member holds every message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUser } from './clients.ts';
import { startCluster, startProcess, waitFor, type Cluster, type Proc } from './harness.ts';
import { ResendingClient } from './resending-client.ts';
import { expectGapFree, steadyTraffic, storedOnce, type Stored } from './traffic.ts';

const GROUPS = 4;
const MEMBERS = 3;
const SEND_EVERY_MS = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: Cluster;
const workers: Proc[] = [];
const temporalWorkers: Proc[] = [];
const clients: ResendingClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({ gateways: 3, env: { WS_MAX_FRAMES_PER_SECOND: '5000' } });
  workers.push(cluster.logic, startProcess('logic-2', 'logic/main.ts', cluster.env));
  temporalWorkers.push(startProcess('worker-2', 'workers/main.ts', cluster.env));
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await Promise.allSettled([...workers.slice(1), ...temporalWorkers].map((w) => w.stop()));
  await cluster?.stop();
});

describe('logic workers joining and leaving under traffic', () => {
  it('keep every conversation gap-free and in order, nothing lost or doubled', { timeout: 150_000 }, async () => {
    const urls = cluster.gateways.map((g) => g.wsUrl);
    const rest = cluster.gateways[0]!.url;
    for (let g = 0; g < GROUPS; g++) {
      const users = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => registerUser(rest, `lr${g}${i}`)));
      const conv = await createGroup(rest, users[0]!, users.slice(1), `rebalance ${g}`);
      // each group's members on all three gateways
      for (const [i, u] of users.entries()) clients.push(new ResendingClient(u, conv, urls, i % urls.length));
    }
    await Promise.all(clients.map((c) => c.connect()));

    const traffic = steadyTraffic(clients, 'lr', SEND_EVERY_MS);
    const { sent } = traffic;
    try {
      await waitFor('traffic flowing', () => clients.every((c) => c.ackedAt.size > 5), 30_000, 50);
      workers.push(startProcess('logic-3', 'logic/main.ts', cluster.env));
      await sleep(4000);
      workers[0]!.child.kill('SIGKILL');
      await sleep(9000);
      expect(await workers[1]!.stop('SIGTERM')).toBe(0);
      await sleep(3000);
    } finally {
      traffic.stop();
    }

    await waitFor('every send acked', () => clients.every((c) => c.pending === 0), 60_000, 100);
    const byConversation = new Map<string, Stored[]>();
    for (const x of storedOnce(clients, sent)) byConversation.set(x.conversationId, [...(byConversation.get(x.conversationId) ?? []), x]);
    for (const [conv, list] of byConversation) {
      expectGapFree(list, conv);
      // Each sender's messages got seqs in the order it sent them.
      for (const sender of new Set(list.map((x) => x.sender))) {
        const mine = list.filter((x) => x.sender === sender).sort((p, q) => p.cmid.localeCompare(q.cmid));
        const seqs = mine.map((x) => x.seq);
        expect(seqs, `${conv} / ${sender}`).toEqual([...seqs].sort((p, q) => p - q));
      }
    }
    for (const c of clients) {
      const want = byConversation.get(c.conversationId)!.length;
      await waitFor(`${c.user.id} holds every message of its conversation`, () => c.known.size === want, 30_000, 100);
    }
    const refusals = clients.flatMap((c) => c.frames.filter((f) => f.type === 'error'));
    expect(refusals).toEqual([]);
    const waits = clients.flatMap((c) => [...c.sentAt].map(([cmid, t]) => (c.ackedAt.get(cmid) ?? Infinity) - t));
    expect(new Set(clients.map((c) => c.gatewaysSeen[0])).size).toBe(3);
    console.warn(`logic rebalance: ${sent.length} sends over ${GROUPS} conversations on 3 gateways; a logic worker joined, one was killed, one left; longest wait for an ack ${Math.max(...waits)} ms`);
  });
});
