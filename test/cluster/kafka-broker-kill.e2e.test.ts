// GoChat on three Kafka brokers (replication factor 3, min.insync.replicas 2, acks=all) and a
// separate quorum of three KRaft controllers. Killed with SIGKILL while clients send: the broker
// leading the conversation's upstream partition (its partitions get new leaders), then the active
// controller (the quorum elects another; the brokers keep serving). Every send is acked, stored
// once with gap-free seqs and reaches every member, and the longest a send waited for its ack is
// the stall the kill cost.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames } from '../../bus/topics.ts';
import { activeKafkaController } from '../../chaos/stack.ts';
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
  // The killed node comes back and catches up, for the next run.
  restartKilledNodes();
}, 180_000);

function restartKilledNodes(): void {
  execFileSync('bash', ['scripts/stack.sh', 'up', 'kafka-cluster'], { stdio: 'pipe' });
}

function kill(node: string): void {
  process.kill(Number(readFileSync(path.join(stackDir, 'kafka-cluster', node, 'kafka.pid'), 'utf8')), 'SIGKILL');
}

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

/**
 * Four members of a new group send every 50 ms through two gateways; `inject` kills a node once
 * traffic flows. Checks every send acked, stored once, gap-free and delivered to every member;
 * returns the longest any send made from 1 s before the kill waited for its ack.
 */
async function underTraffic(tag: string, inject: () => Promise<string> | string): Promise<number> {
  const [a, b] = cluster.gateways as [(typeof cluster.gateways)[0], (typeof cluster.gateways)[0]];
  const users = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => registerUser(a.url, `${tag}${i}`)));
  const group = await createGroup(a.url, users[0]!, users.slice(1), `${tag} kill`);
  const mine = users.map((u, i) => new ResendingClient(u, group, [a.wsUrl, b.wsUrl], i % 2));
  clients.push(...mine);
  await Promise.all(mine.map((c) => c.connect()));

  const traffic = steadyTraffic(mine, tag, SEND_EVERY_MS);
  const { sent } = traffic;
  let killedAt = 0;
  let killed = '';
  try {
    await waitFor('traffic flowing', () => mine.every((c) => c.ackedAt.size > 5), 20_000, 50);
    killed = await inject();
    killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 8000));
  } finally {
    traffic.stop();
  }

  await waitFor('every send acked', () => mine.every((c) => c.pending === 0), 60_000, 100).catch((err: unknown) => {
    // Which sends wait, and what the processes said: where the ack went missing.
    const logs = [cluster.logic, ...cluster.gateways.map((g) => g.proc)].map((p) => `--- ${p.name}\n${p.output.join('').slice(-3000)}`);
    throw new Error(`${String(err)}; unacked ${JSON.stringify(mine.flatMap((c) => c.pendingIds))}, killed ${killed}\n${logs.join('\n')}`, { cause: err });
  });
  const stored = storedOnce(mine, sent);
  expectGapFree(stored);
  const ids = new Set(stored.map((x) => x.message_id));
  await waitFor('every message delivered to every member', () => mine.every((c) => c.known.size === ids.size), 30_000, 100);

  const waits = mine.flatMap((c) => [...c.sentAt].filter(([, t]) => t >= killedAt - 1000).map(([cmid, t]) => (c.ackedAt.get(cmid) ?? Infinity) - t));
  const stall = Math.max(...waits);
  const refusals = mine.flatMap((c) => c.frames.filter((f) => f.type === 'error')).length;
  console.warn(`${killed} killed: ${sent.length} sends, longest wait for an ack after the kill ${stall} ms, ${refusals} sends refused for a moment (resent)`);
  return stall;
}

describe('a Kafka cluster losing a node under traffic', () => {
  it('a broker: costs a leader election; nothing lost, duplicated or out of order', { timeout: 150_000 }, async () => {
    const stall = await underTraffic('bk', async () => {
      const leader = await leaderOfConversationPartition(topicNames(cluster.env.KAFKA_TOPIC_SUFFIX).upstream);
      kill(`n${leader}`);
      return `broker ${leader}`;
    });
    expect(stall).toBeLessThan(15_000);
  });

  it('the active controller: the quorum elects another while the brokers serve on', { timeout: 150_000 }, async () => {
    restartKilledNodes();
    const stall = await underTraffic('ck', () => {
      const id = activeKafkaController(path.join(stackDir, 'kafka-cluster'));
      if (id === undefined) throw new Error('no broker has logged which controller is active');
      // Controllers are node ids 4-6 in folders c1-c3 (scripts/stack/kafka-cluster.sh).
      expect(id).toBeGreaterThan(3);
      kill(`c${id - 3}`);
      return `controller ${id}`;
    });
    expect(stall).toBeLessThan(15_000);
  });
});
