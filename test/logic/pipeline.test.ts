// The logic worker on the real stack: records produced to the upstream topic are stored,
// acked and fanned out per gateway through Kafka; poison goes to the dead-letter topic.
import { Connection, Client } from '@temporalio/client';
import type { Consumer, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import type { DeadLetter, DownstreamBatch, UpstreamMessage } from '../../contract/index.ts';
import { topicNames } from '../../bus/topics.ts';
import { LogicConsumer } from '../../logic/consumer.ts';
import { createLogicDeps } from '../../logic/repo-deps.ts';
import { createGroupConversation, createOrm, createRedis, createUser, repoCtx, setGatewayConnections, type Orm, type UserView } from '../../repo/index.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { waitFor } from '../realtime/harness.ts';

const config = testConfig();
const topics = topicNames(config.kafka.topicSuffix);
const gwA = uniqueName('gwA');
const gwB = uniqueName('gwB');
let kafka: Kafka;
let orm: Orm;
const redis = createRedis(config);
let producer: JsonProducer;
let temporal: Client;
let logic: LogicConsumer;
let tap: Consumer;
const received = new Map<string, DownstreamBatch[]>();
const dead: DeadLetter[] = [];

async function startLogic(): Promise<LogicConsumer> {
  const consumer = new LogicConsumer({
    kafka,
    topics,
    deps: createLogicDeps({ orm, redis, producer, temporal, config }),
    fanoutThreshold: config.chat.fanoutThreshold,
    maxContentBytes: config.chat.maxContentBytes,
  });
  await consumer.start();
  return consumer;
}

beforeAll(async () => {
  kafka = createKafka(config);
  await ensureTopics(kafka, [
    { topic: topics.upstream, numPartitions: 4 },
    { topic: topics.deadLetter },
    { topic: topics.downstream(gwA) },
    { topic: topics.downstream(gwB) },
  ]);
  orm = await createOrm(config);
  producer = new JsonProducer(kafka);
  await producer.connect();
  temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }) });
  logic = await startLogic();
  tap = kafka.consumer({ groupId: uniqueName('tap') });
  await tap.connect();
  await tap.subscribe({ topics: [topics.downstream(gwA), topics.downstream(gwB), topics.deadLetter], fromBeginning: true });
  await tap.run({
    eachMessage: ({ topic, message }) => {
      const value = JSON.parse(message.value!.toString()) as unknown;
      if (topic === topics.deadLetter) dead.push(value as DeadLetter);
      else received.set(topic, [...(received.get(topic) ?? []), value as DownstreamBatch]);
      return Promise.resolve();
    },
  });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([logic.stop(), tap.disconnect(), producer.disconnect()]);
  await temporal.connection.close();
  await orm.close(true);
  redis.disconnect();
});

const ctx = () => repoCtx(orm, redis);
const newUser = () => createUser(ctx(), { username: uniqueName('lg').slice(0, 32), passwordHash: 'x' });
const upstream = (u: UserView, conversationId: string, clientMsgId: string, content = 'hi', gatewayId = gwA): UpstreamMessage => ({
  kind: 'send', userId: u.id, conversationId, clientMsgId, messageType: 1, content, gatewayId, timestamp: Date.now(),
});
const produce = (msgs: UpstreamMessage[]) => producer.send(topics.upstream, msgs.map((m) => ({ key: m.conversationId, value: m })));
const at = (gw: string) => received.get(topics.downstream(gw)) ?? [];

describe('logic worker pipeline', () => {
  it('stores, acks and fans out one batch per gateway; 5 senders x 40 keep seq order without gaps', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, newUser));
    const [owner, ...rest] = users as [UserView, ...UserView[]];
    const group = await createGroupConversation(ctx(), { ownerId: owner.id, name: 'pipeline', memberIds: rest.map((u) => u.id) });
    // users 0-2 on gateway A, 3-4 on B, user 5 on both, nobody offline-only... except none
    for (const [i, u] of users.entries()) {
      if (i <= 2 || i === 5) await setGatewayConnections(redis, u.id, gwA, 1);
      if (i >= 3) await setGatewayConnections(redis, u.id, gwB, 1);
    }
    const senders = users.slice(0, 5);
    const msgs = senders.flatMap((s) => Array.from({ length: 40 }, (_, i) => upstream(s, group.id, `m${i}`, `${s.username}:${i}`, gwA)));
    await produce(msgs);

    const messagesAt = (gw: string) => at(gw).filter((b) => b.kind === 'message' && b.message.conversationId === group.id);
    await waitFor('200 messages on both gateways', () => messagesAt(gwA).length >= 200 && messagesAt(gwB).length >= 200, 60_000);
    for (const gw of [gwA, gwB]) {
      const seqs = messagesAt(gw).map((b) => (b.kind === 'message' ? b.message.seq : -1));
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1)); // in order, no gap, no dup
    }
    const first = messagesAt(gwA)[0]!;
    expect(first.kind === 'message' && [...first.userIds].sort()).toEqual([users[0]!.id, users[1]!.id, users[2]!.id, users[5]!.id].sort());
    const acks = at(gwA).filter((b) => b.kind === 'ack' && b.conversationId === group.id);
    expect(acks).toHaveLength(200);
    // Each sender's own messages are in its send order.
    for (const s of senders) {
      const own = messagesAt(gwA).flatMap((b) => (b.kind === 'message' && b.message.senderId === s.id ? [b.message.content] : []));
      expect(own).toEqual(Array.from({ length: 40 }, (_, i) => `${s.username}:${i}`));
    }
  });

  it('answers the same client_msg_id three times with identical acks and stores it once', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const group = await createGroupConversation(ctx(), { ownerId: a.id, name: 'idem', memberIds: [b.id] });
    await produce([1, 2, 3].map(() => upstream(a, group.id, 'same-id')));
    const acks = await waitFor('3 acks', () => {
      const list = at(gwA).filter((x) => x.kind === 'ack' && x.conversationId === group.id);
      return list.length >= 3 && list;
    });
    const strip = (x: DownstreamBatch) => (x.kind === 'ack' ? { id: x.messageId, seq: x.seq, ts: x.ts } : null);
    expect(new Set(acks.map((x) => JSON.stringify(strip(x)))).size).toBe(1);
    const [row] = await orm.em.fork().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [group.id]);
    expect(Number(row!.n)).toBe(1);
  });

  it('refuses a non-member with NOT_CONVERSATION_MEMBER and stores nothing', async () => {
    const [a, outsider] = await Promise.all([newUser(), newUser()]);
    const group = await createGroupConversation(ctx(), { ownerId: a.id, name: 'closed' });
    await produce([upstream(outsider, group.id, 'intruder')]);
    const err = await waitFor('error to the sender', () => at(gwA).find((x) => x.kind === 'error' && x.userId === outsider.id));
    expect(err).toMatchObject({ kind: 'error', code: 'NOT_CONVERSATION_MEMBER', clientMsgId: 'intruder' });
    const [row] = await orm.em.fork().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [group.id]);
    expect(Number(row!.n)).toBe(0);
  });

  it('sends poison to the dead-letter topic with the reason and keeps the partition moving', async () => {
    const [a] = await Promise.all([newUser()]);
    const group = await createGroupConversation(ctx(), { ownerId: a.id, name: 'poison' });
    await producer.send(topics.upstream, [
      { key: group.id, value: 'not even an object' },
      { key: group.id, value: { ...upstream(a, group.id, 'p1'), userId: 12 } },
      { key: '999999999999', value: upstream(a, '999999999999', 'p2') },
    ]);
    await produce([upstream(a, group.id, 'after-poison')]);
    await waitFor('the good message acked', () => at(gwA).find((x) => x.kind === 'ack' && x.clientMsgId === 'after-poison'));
    await waitFor('3 dead letters', () => dead.length >= 3);
    expect(dead.map((d) => d.reason)).toEqual(expect.arrayContaining(['not an object', expect.stringContaining('userId') as unknown, 'conversation 999999999999 does not exist']));
    expect(dead[0]).toMatchObject({ topic: topics.upstream, raw: expect.any(String) as unknown });
  });

  it('commits offsets: a restarted worker in the same group resumes after what was handled', async () => {
    const [a] = await Promise.all([newUser()]);
    const group = await createGroupConversation(ctx(), { ownerId: a.id, name: 'restart' });
    await produce([upstream(a, group.id, 'before-restart')]);
    await waitFor('first ack', () => at(gwA).find((x) => x.kind === 'ack' && x.clientMsgId === 'before-restart'));
    await logic.stop();
    logic = await startLogic();
    await produce([upstream(a, group.id, 'after-restart')]);
    await waitFor('ack after the restart', () => at(gwA).find((x) => x.kind === 'ack' && x.clientMsgId === 'after-restart'), 60_000);
    const acksOf = (id: string) => at(gwA).filter((x) => x.kind === 'ack' && x.clientMsgId === id).length;
    expect(acksOf('before-restart')).toBe(1);
    expect(acksOf('m0')).toBe(5); // the five senders of the first test, each acked once
  });
});
