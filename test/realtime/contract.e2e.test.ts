// The documented protocol, held to by the real processes: a frame with an id beyond 64 bits is
// refused at the edge and stops nobody else; sync takes its documented maximum; a resend with
// other content is answered, and pushed, with what was stored; the same refusal has the same
// code over REST and WebSocket; logout closes the token's sockets on every gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from '../../bus/kafka.ts';
import { topicNames } from '../../bus/topics.ts';
import { errorCodes, type DeadLetter } from '../../contract/index.ts';
import { createOrm, createRedis, repoCtx, type Orm } from '../../repo/index.ts';
import { testConfig } from '../helpers/config.ts';
import { setMemberMuted } from '../helpers/repo-state.ts';
import { api, createGroup, registerUser, WsClient, type Frame, type User } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';

let cluster: Cluster;
let rest: string;
let orm: Orm;
const config = testConfig();
const redis = createRedis(config);
const clients: WsClient[] = [];

async function connect(user: User, gateway = 0): Promise<WsClient> {
  const c = await WsClient.connect(cluster.gateways[gateway]!.wsUrl, user.token);
  clients.push(c);
  return c;
}
const isAck = (cmid: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === cmid;
const isError = (cmid: string) => (f: Frame) => f.type === 'error' && f.client_msg_id === cmid;
const isMsg = (cmid: string) => (f: Frame) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === cmid;
const send = (c: WsClient, conversationId: string, cmid: string, content = cmid) =>
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content });

beforeAll(async () => {
  cluster = await startCluster({ gateways: 2, env: { WS_MAX_FRAMES_PER_SECOND: '5000' } });
  rest = cluster.gateways[0]!.url;
  orm = await createOrm(config);
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
  await orm?.close(true);
  redis.disconnect();
});

describe('the protocol as documented', () => {
  it('refuses a conversation id beyond 2^64-1 with VALIDATION_ERROR, and every other conversation keeps its acks', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ca'), registerUser(rest, 'cb')]);
    const ca = await connect(a);
    ca.send('{"type":"send","client_msg_id":"t1","conversation_id":"99999999999999999999","content":"x"}');
    const err = await ca.next(isError('t1'));
    expect(err).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('conversation_id') as unknown });
    // 24 fresh conversations: they spread over every upstream partition, and all get acked.
    const groups = await Promise.all(Array.from({ length: 24 }, (_, i) => createGroup(rest, a, [b], `after-${i}`)));
    groups.forEach((g, i) => send(ca, g, `after-${i}`));
    await waitFor('24 acks', () => groups.every((_, i) => ca.frames.some(isAck(`after-${i}`))), 30_000);
  });

  it('syncs with limit 1000, the documented maximum', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'sa'), registerUser(rest, 'sb')]);
    const group = await createGroup(rest, a, [b], 'sync-max');
    const ca = await connect(a);
    for (let i = 0; i < 3; i++) send(ca, group, `s-${i}`);
    await waitFor('3 acks', () => ca.all((f) => f.type === 'ack').length >= 3);
    const cb = await connect(b);
    cb.send({ type: 'sync', conversations: { [group]: 0 }, limit: 1000 });
    const page = await cb.next((f) => f.type === 'sync' || f.type === 'error');
    expect(page).toMatchObject({ type: 'sync', conversation_id: group, has_more: false });
    expect((page.messages as unknown[]).length).toBe(3);
    cb.send({ type: 'sync', conversations: { [group]: 0 }, limit: 1001 });
    expect(await cb.next((f) => f.type === 'error')).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('limit') as unknown });
  });

  it('answers and pushes a resend that changed its content with the stored message, never the resent copy', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ra'), registerUser(rest, 'rb')]);
    const group = await createGroup(rest, a, [b], 'resend');
    const [ca, cb] = await Promise.all([connect(a), connect(b, 1)]);
    send(ca, group, 'same', 'the original');
    const first = await ca.next(isAck('same'));
    await cb.next(isMsg('same'));
    send(ca, group, 'same', 'a different text');
    await waitFor('the second ack', () => ca.all(isAck('same')).length >= 2);
    expect(ca.all(isAck('same')).map((f) => f.message_id)).toEqual([first.message_id, first.message_id]);
    await waitFor('the repeat pushed', () => cb.all(isMsg('same')).length >= 2);
    for (const f of cb.all(isMsg('same'))) expect(f.message).toMatchObject({ message_id: first.message_id, content: 'the original' });
    const history = await api<{ messages: { content: string }[] }>(rest, 'GET', `/conversations/${group}/messages`, b.token);
    expect(history.body.messages.map((m) => m.content)).toEqual(['the original']);
  });

  it('refuses a client_msg_id reused in another conversation with CONFLICT over WebSocket and REST', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'xa'), registerUser(rest, 'xb')]);
    const [one, two] = await Promise.all([createGroup(rest, a, [b], 'x-one'), createGroup(rest, a, [b], 'x-two')]);
    const ca = await connect(a);
    send(ca, one, 'reused');
    await ca.next(isAck('reused'));
    send(ca, two, 'reused');
    expect(await ca.next(isError('reused'))).toMatchObject({ code: 'CONFLICT' });
    const res = await api<{ code: string }>(rest, 'POST', `/conversations/${two}/messages`, a.token, { client_msg_id: 'reused', content: 'x' });
    expect(res).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('refuses a muted member with MUTED over WebSocket and REST alike', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ma'), registerUser(rest, 'mb')]);
    const group = await createGroup(rest, a, [b], 'muted');
    await setMemberMuted(repoCtx(orm, redis), group, b.id, true);
    const cb = await connect(b);
    send(cb, group, 'muted-ws');
    expect(await cb.next(isError('muted-ws'))).toMatchObject({ code: 'MUTED' });
    const res = await api<{ code: string }>(rest, 'POST', `/conversations/${group}/messages`, b.token, { client_msg_id: 'muted-rest', content: 'x' });
    expect(res).toMatchObject({ status: 403, body: { code: 'MUTED' } });
  });

  it('closes every socket of a logged-out token on every gateway with 4003 within a second; other tokens stay', async () => {
    const a = await registerUser(rest, 'la');
    const second = await api<{ token: string }>(rest, 'POST', '/auth/login', undefined, { username: a.username, password: 'correct-horse-9' });
    expect(second.status).toBe(200);
    const other: User = { ...a, token: second.body.token };
    const sockets = await Promise.all([connect(a, 0), connect(a, 1), connect(a, 1)]);
    const survivor = await connect(other, 0);
    const out = await api(rest, 'POST', '/auth/logout', a.token);
    expect(out.status).toBe(204);
    const loggedOutAt = Date.now();
    await waitFor('every socket closed', () => sockets.every((s) => s.closeCode !== undefined), 5000, 10);
    expect(Date.now() - loggedOutAt).toBeLessThan(1000);
    expect(sockets.map((s) => s.closeCode)).toEqual([4003, 4003, 4003]);
    survivor.send({ type: 'ping' });
    await survivor.next((f) => f.type === 'pong');
    expect(survivor.closeCode).toBeUndefined();
  });

  it('dead-letters records on a gateway topic that fail the contract, and keeps delivering', async () => {
    const suffix = cluster.env.KAFKA_TOPIC_SUFFIX!;
    const topics = topicNames(suffix);
    const gw = cluster.gateways[0]!;
    const kafka = createKafka({ ...config, kafka: { ...config.kafka, topicSuffix: suffix } });
    const producer = kafka.producer();
    await producer.connect();
    const letters: DeadLetter[] = [];
    const tap = kafka.consumer({ groupId: `tap${suffix}` });
    await tap.connect();
    await tap.subscribe({ topic: topics.deadLetter, fromBeginning: true });
    await tap.run({ eachMessage: ({ message }) => Promise.resolve(void letters.push(JSON.parse(message.value!.toString()) as DeadLetter)) });
    try {
      const [a, b] = await Promise.all([registerUser(rest, 'da'), registerUser(rest, 'db')]);
      const group = await createGroup(rest, a, [b], 'gw-poison');
      const cb = await connect(b, 0);
      await producer.send({ topic: topics.downstream(gw.id), messages: [{ value: 'not json' }, { value: JSON.stringify({ kind: 'message', userIds: [b.id], message: { messageId: 'x' } }) }] });
      await producer.send({ topic: topics.userEvents, messages: [{ value: JSON.stringify({ userIds: [b.id], event: { type: 'presence', userId: '18446744073709551616', online: true, at: 1 } }) }] });
      const ca = await connect(a, 1);
      send(ca, group, 'after-gw-poison');
      await cb.next(isMsg('after-gw-poison'));
      await waitFor('three letters from the gateway', () => letters.filter((l) => l.group === topics.gatewayGroup(gw.id)).length >= 3, 20_000);
      const mine = letters.filter((l) => l.group === topics.gatewayGroup(gw.id));
      expect(mine.map((l) => l.class)).toEqual(['invalid', 'invalid', 'invalid']);
      expect(mine.map((l) => l.topic).sort()).toEqual([topics.downstream(gw.id), topics.downstream(gw.id), topics.userEvents].sort());
      expect(cb.all((f) => f.type === 'event' && (f.event as { type: string }).type === 'presence')).toEqual([]);
    } finally {
      await Promise.allSettled([producer.disconnect(), tap.disconnect()]);
    }
  });

  it('only ever sends error codes the contract lists', () => {
    const codes = clients.flatMap((c) => c.all((f) => f.type === 'error').map((f) => f.code));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(errorCodes).toContain(code);
  });
});
