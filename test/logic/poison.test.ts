// No record can stop the upstream pipeline: poison produced straight to the upstream topic,
// on the same partition as real traffic, ends in the dead-letter topic while every valid send
// around it is stored, acked and delivered in order; the consumer never crashes or rejoins,
// and an outage is waited out in place.
import { Connection, Client } from '@temporalio/client';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import { topicNames } from '../../bus/topics.ts';
import type { DeadLetter, DownstreamBatch, UpstreamMessage } from '../../contract/index.ts';
import { LogicConsumer } from '../../logic/consumer.ts';
import type { LogicDeps } from '../../logic/deps.ts';
import { createLogicDeps } from '../../logic/repo-deps.ts';
import { createGroupConversation, createOrm, createRedis, createUser, repoCtx, setGatewayConnections, type Orm, type UserView } from '../../repo/index.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { waitFor } from '../realtime/harness.ts';

const config = testConfig();
const topics = topicNames(config.kafka.topicSuffix);
const gw = uniqueName('gwP');
let kafka: Kafka;
let orm: Orm;
const redis = createRedis(config);
let producer: JsonProducer;
let raw: Producer;
let temporal: Client;
let logic: LogicConsumer;
let tap: Consumer;
const received: DownstreamBatch[] = [];
const dead: DeadLetter[] = [];
const lag = new Map<number, number>();
const readiness: boolean[] = [];
/** Faults the test injects into the real deps. */
const faults = { throwFor: new Set<string>(), outageCalls: 0 };

function faulty(real: LogicDeps): LogicDeps {
  return {
    ...real,
    async saveAll(groups) {
      if (faults.outageCalls > 0) {
        faults.outageCalls--;
        readiness.push(logic.ready);
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
      }
      const bad = [...groups.values()].flat().find((i) => faults.throwFor.has(i.clientMsgId));
      if (bad) throw new TypeError(`cannot read properties of undefined (storing ${bad.clientMsgId})`);
      return real.saveAll(groups);
    },
  };
}

beforeAll(async () => {
  kafka = createKafka(config);
  await ensureTopics(kafka, [
    { topic: topics.upstream, numPartitions: 4 },
    { topic: topics.deadLetter },
    { topic: topics.downstream(gw) },
  ]);
  orm = await createOrm(config);
  producer = new JsonProducer(kafka);
  await producer.connect();
  raw = kafka.producer();
  await raw.connect();
  temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }) });
  logic = new LogicConsumer({
    kafka,
    topics,
    deps: faulty(createLogicDeps({ orm, redis, producer, temporal, config })),
    fanoutThreshold: config.chat.fanoutThreshold,
    maxContentBytes: config.chat.maxContentBytes,
    onLag: (_topic, partition, n) => lag.set(partition, n),
  });
  await logic.start();
  tap = kafka.consumer({ groupId: uniqueName('tap') });
  await tap.connect();
  await tap.subscribe({ topics: [topics.downstream(gw), topics.deadLetter], fromBeginning: true });
  await tap.run({
    eachMessage: ({ topic, message }) => {
      const value = JSON.parse(message.value!.toString()) as unknown;
      if (topic === topics.deadLetter) dead.push(value as DeadLetter);
      else received.push(value as DownstreamBatch);
      return Promise.resolve();
    },
  });
  await waitFor('the consumer joined', () => logic.stats.groupJoins >= 1);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([logic.stop(), tap.disconnect(), producer.disconnect(), raw.disconnect()]);
  await temporal.connection.close();
  await orm.close(true);
  redis.disconnect();
});

const ctx = () => repoCtx(orm, redis);
const newUser = () => createUser(ctx(), { username: uniqueName('pz').slice(0, 32), passwordHash: 'x' });
const send = (u: UserView, conversationId: string, clientMsgId: string, content = clientMsgId): UpstreamMessage => ({
  kind: 'send', userId: u.id, conversationId, clientMsgId, messageType: 1, content, gatewayId: gw, timestamp: Date.now(),
});
const json = (v: unknown) => JSON.stringify(v);
const acked = (id: string) => received.find((x) => x.kind === 'ack' && x.clientMsgId === id);
const errorFor = (id: string) => received.find((x) => x.kind === 'error' && x.clientMsgId === id);

describe('poison on the upstream topic', () => {
  it('dead-letters every poison record while the valid sends around it are acked and delivered in order', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const one = await createGroupConversation(ctx(), { ownerId: a.id, name: 'p-one', memberIds: [b.id] });
    const two = await createGroupConversation(ctx(), { ownerId: a.id, name: 'p-two', memberIds: [b.id] });
    const gone = await createGroupConversation(ctx(), { ownerId: a.id, name: 'p-gone', memberIds: [b.id] });
    await orm.em.fork().execute('DELETE FROM conversations WHERE id = ?', [gone.id]);
    await setGatewayConnections(redis, b.id, gw, 1);
    faults.throwFor.add('boom');
    const joinsBefore = logic.stats.groupJoins;

    // Everything under one key: one partition, poison between real sends of two conversations.
    const key = one.id;
    const messages: { key: string; value: string }[] = [];
    const valid: string[] = [];
    const poison = [
      '{"kind":"send", this is not json',
      json({ ...send(a, one.id, 'x-kind'), kind: 'shout' }),
      json(send(a, '18446744073709551616', 'too-big')),
      json(send(a, gone.id, 'to-deleted')),
      json(send(a, one.id, 'boom')),
    ];
    for (let i = 0; i < 20; i++) {
      const conversation = i % 2 === 0 ? one.id : two.id;
      const id = `ok-${i}`;
      valid.push(id);
      messages.push({ key, value: json(send(a, conversation, id, `hello ${i}`)) });
      if (i % 4 === 1) messages.push({ key, value: poison[(i - 1) / 4]! });
    }
    await raw.send({ topic: topics.upstream, messages });

    await waitFor('every valid send acked', () => valid.every(acked), 60_000);
    await waitFor('five dead letters', () => dead.length >= 5, 30_000);

    // Delivered to the online member in seq order, per conversation, nothing missing.
    for (const conversation of [one.id, two.id]) {
      const seqs = received.flatMap((x) => (x.kind === 'message' && x.message.conversationId === conversation ? [x.message.seq] : []));
      expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }
    const byClass = (c: string) => dead.filter((d) => d.class === c);
    expect(byClass('invalid').map((d) => d.reason)).toEqual(expect.arrayContaining(['not JSON', expect.stringContaining('unknown kind') as unknown, expect.stringContaining('conversationId') as unknown]));
    expect(byClass('refused')).toEqual([expect.objectContaining({ reason: expect.stringContaining(gone.id) as unknown })]);
    const failed = byClass('failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ topic: topics.upstream, group: topics.logicGroup, error: expect.stringContaining('TypeError') as unknown, requestId: expect.any(String) as unknown });
    for (const d of dead) expect(d).toMatchObject({ topic: topics.upstream, offset: expect.stringMatching(/^\d+$/) as unknown, at: expect.any(Number) as unknown });

    // Each sender that can be addressed hears why, with a documented code.
    expect(errorFor('too-big')).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(errorFor('to-deleted')).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorFor('boom')).toMatchObject({ code: 'INTERNAL_ERROR', requestId: failed[0]!.requestId });
    expect(errorFor('boom')!.kind === 'error' && errorFor('boom')).not.toMatchObject({ message: expect.stringContaining('TypeError') as unknown });

    // The consumer never crashed nor left its group, and the partition is drained.
    expect(logic.stats.crashes).toBe(0);
    expect(logic.stats.groupJoins).toBe(joinsBefore);
    await waitFor('lag back to zero', () => [...lag.values()].every((n) => n === 0));
  });

  it('waits out an outage in place: not ready meanwhile, then acks once, without a crash or rejoin', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const group = await createGroupConversation(ctx(), { ownerId: a.id, name: 'p-outage', memberIds: [b.id] });
    const joinsBefore = logic.stats.groupJoins;
    const retriesBefore = logic.stats.transientRetries;
    faults.outageCalls = 4;
    await producer.send(topics.upstream, [{ key: group.id, value: send(a, group.id, 'during-outage') }]);
    await waitFor('acked after the outage', () => acked('during-outage'), 60_000);
    expect(readiness.length).toBeGreaterThanOrEqual(3);
    expect(readiness.slice(1).every((r) => !r)).toBe(true);
    expect(logic.ready).toBe(true);
    expect(logic.stats.transientRetries - retriesBefore).toBeGreaterThanOrEqual(4);
    expect(received.filter((x) => x.kind === 'ack' && x.clientMsgId === 'during-outage')).toHaveLength(1);
    expect(logic.stats.crashes).toBe(0);
    expect(logic.stats.groupJoins).toBe(joinsBefore);
    expect(dead.filter((d) => d.raw.includes('during-outage'))).toEqual([]);
  });
});
