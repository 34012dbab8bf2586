// GoChat on three Kafka brokers (replication factor 3, min.insync.replicas 2, acks=all): the
// broker leading the conversation's upstream partition is killed with SIGKILL while clients send.
// Its partitions get new leaders; every send is acked, stored once with gap-free seqs and reaches
// every member, and the longest a send waited for its ack is the stall the kill cost.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames } from '../../bus/topics.ts';
import { createGroup, registerUser } from '../realtime/clients.ts';
import { startCluster, waitFor, type Cluster } from '../realtime/harness.ts';
import { ResendingClient } from '../realtime/resending-client.ts';
import { expectGapFree, steadyTraffic, storedOnce } from '../realtime/traffic.ts';
import { stackDir } from '../helpers/stack-paths.ts';

const BROKER_PORT = Number(process.env.KAFKA_CLUSTER_PORT ?? 9192);
const BROKERS = [0, 1, 2].map((i) => `127.0.0.1:${BROKER_PORT + i}`);
const MEMBERS = 4;
const SEND_EVERY_MS = 50;

let cluster: Cluster;
const clients: ResendingClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({
    gateways: 2,
    env: { KAFKA_BROKERS: BROKERS.join(','), KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2', WS_MAX_FRAMES_PER_SECOND: '5000' },
  });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
  // The killed broker comes back and catches up, for the next run.
  execFileSync('bash', ['scripts/stack.sh', 'up', 'kafka-cluster'], { stdio: 'pipe' });
}, 180_000);

/** The broker (node id 1..3) leading the upstream partition that holds the conversation's records. */
async function leaderOfConversationPartition(topic: string): Promise<number> {
  const kafka = new Kafka({ clientId: 'broker-kill-test', brokers: BROKERS, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const used = offsets.find((o) => Number(o.high) > 0);
    if (!used) throw new Error(`no records on ${topic} yet`);
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const partition = topics[0]!.partitions.find((p) => p.partitionId === used.partition)!;
    expect(partition.replicas).toHaveLength(3);
    return partition.leader;
  } finally {
    await admin.disconnect();
  }
}

describe('a Kafka broker killed under traffic', () => {
  it('costs a leader election: nothing lost, duplicated or out of order', { timeout: 150_000 }, async () => {
    const [a, b] = cluster.gateways as [(typeof cluster.gateways)[0], (typeof cluster.gateways)[0]];
    const users = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => registerUser(a.url, `bk${i}`)));
    const group = await createGroup(a.url, users[0]!, users.slice(1), 'broker kill');
    for (const [i, u] of users.entries()) clients.push(new ResendingClient(u, group, [a.wsUrl, b.wsUrl], i % 2));
    await Promise.all(clients.map((c) => c.connect()));

    const traffic = steadyTraffic(clients, 'bk', SEND_EVERY_MS);
    const { sent } = traffic;
    let killedAt = 0;
    let killedBroker = 0;
    try {
      await waitFor('traffic flowing', () => clients.every((c) => c.ackedAt.size > 5), 20_000, 50);
      const leader = await leaderOfConversationPartition(topicNames(cluster.env.KAFKA_TOPIC_SUFFIX).upstream);
      const pid = Number(readFileSync(path.join(stackDir, 'kafka-cluster', `n${leader}`, 'kafka.pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      killedBroker = leader;
      killedAt = Date.now();
      await new Promise((r) => setTimeout(r, 8000));
    } finally {
      traffic.stop();
    }

    await waitFor('every send acked', () => clients.every((c) => c.pending === 0), 60_000, 100).catch((err: unknown) => {
      // Which sends wait, and what the processes said: where the ack went missing.
      const logs = [cluster.logic, ...cluster.gateways.map((g) => g.proc)].map((p) => `--- ${p.name}\n${p.output.join('').slice(-3000)}`);
      throw new Error(`${String(err)}; unacked ${JSON.stringify(clients.flatMap((c) => c.pendingIds))}, killed broker ${killedBroker}\n${logs.join('\n')}`, { cause: err });
    });
    const stored = storedOnce(clients, sent);
    expectGapFree(stored);
    const ids = new Set(stored.map((x) => x.message_id));
    await waitFor('every message delivered to every member', () => clients.every((c) => c.known.size === ids.size), 30_000, 100);

    // The stall: the longest any send made after the kill waited for its ack.
    const waits = clients.flatMap((c) => [...c.sentAt].filter(([, t]) => t >= killedAt - 1000).map(([cmid, t]) => (c.ackedAt.get(cmid) ?? Infinity) - t));
    const stall = Math.max(...waits);
    const refusals = clients.flatMap((c) => c.frames.filter((f) => f.type === 'error')).length;
    console.warn(`kafka broker kill: ${sent.length} sends, longest wait for an ack after the kill ${stall} ms, ${refusals} sends refused for a moment (resent)`);
    expect(stall).toBeLessThan(15_000);
  });
});
