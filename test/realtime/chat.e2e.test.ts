// End to end on the real stack: two gateway processes, a logic worker and a Temporal worker;
// real WebSocket clients on both gateways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createGroup, registerUser, WsClient, type Frame, type User } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';

let cluster: Cluster;
let gw1: string;
let gw2: string;
let rest: string;
const clients: WsClient[] = [];

async function connect(wsUrl: string, user: User): Promise<WsClient> {
  const c = await WsClient.connect(wsUrl, user.token);
  clients.push(c);
  return c;
}

const isAck = (cmid: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === cmid;
const isMsg = (cmid: string) => (f: Frame) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === cmid;
const send = (c: WsClient, conversationId: string, cmid: string, content = cmid) =>
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content });

beforeAll(async () => {
  // Senders here fire hundreds of frames at once; the per-connection limit has its own test.
  cluster = await startCluster({ gateways: 2, env: { WS_MAX_FRAMES_PER_SECOND: '5000', LOGIC_GROUP_MEMBERS: '3' } });
  gw1 = cluster.gateways[0]!.wsUrl;
  gw2 = cluster.gateways[1]!.wsUrl;
  rest = cluster.gateways[0]!.url;
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
});

describe('real-time messaging across two gateways', () => {
  it('befriends through the workflow, then chats 1:1; every connection of the recipient gets each message', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ra'), registerUser(rest, 'rb')]);
    const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', a.token, { target_user_id: b.id, message: 'hi' });
    expect(req.status).toBe(201);
    const answer = await api<{ conversation_id: string }>(cluster.gateways[1]!.url, 'PUT', `/friends/requests/${req.body.id}`, b.token, { action: 1 });
    expect(answer.status).toBe(200);
    const conversationId = answer.body.conversation_id;
    expect(conversationId).toMatch(/^\d+$/);

    const ca = await connect(gw1, a);
    const [cb1, cb2] = await Promise.all([connect(gw2, b), connect(gw1, b)]);
    send(ca, conversationId, 'one-to-one-1', 'hello b');
    const ack = await ca.next(isAck('one-to-one-1'));
    expect(ack).toMatchObject({ conversation_id: conversationId, seq: 1, message_id: expect.stringMatching(/^\d+$/) as unknown });
    for (const c of [cb1, cb2]) {
      const m = await c.next(isMsg('one-to-one-1'));
      expect(m.message).toMatchObject({ message_id: ack.message_id, seq: 1, content: 'hello b', sender_id: a.id });
    }
    // The reply goes the other way, and the sender's other device sees its own message too.
    send(cb1, conversationId, 'one-to-one-2', 'hello a');
    await ca.next(isMsg('one-to-one-2'));
    await cb2.next(isMsg('one-to-one-2'));
  });

  it('keeps 5 senders x 200 messages in one group in seq order, nothing missing, at every recipient', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => registerUser(rest, 'ord')));
    const conversationId = await createGroup(rest, users[0]!, users.slice(1));
    const conns = await Promise.all(users.map((u, i) => connect(i % 2 === 0 ? gw1 : gw2, u)));
    const senders = conns.slice(0, 5);
    for (let i = 0; i < 200; i++) senders.forEach((c, s) => send(c, conversationId, `o${s}-${i}`, `${s}:${i}`));
    await Promise.all(senders.map((c, s) => c.next(isAck(`o${s}-199`), 120_000)));
    // A sender's own messages come back as acks, not as message frames: together they are 1..1000.
    for (const [k, c] of conns.entries()) {
      const own = k < 5 ? 200 : 0;
      await waitFor('1000 messages', () => c.messages(conversationId).length >= 1000 - own, 120_000);
      const live = c.all((f) => f.type === 'message' && (f.message as { conversation_id: string }).conversation_id === conversationId);
      const seqs = live.map((f) => (f.message as { seq: number }).seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const acked = c.all((f) => f.type === 'ack' && f.conversation_id === conversationId).map((f) => f.seq as number);
      expect(acked).toHaveLength(own);
      expect([...seqs, ...acked].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    }
  }, 180_000);

  it('stores a client_msg_id sent 3 times on two sockets once and acks it three times identically', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ia'), registerUser(rest, 'ib')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [s1, s2] = await Promise.all([connect(gw1, a), connect(gw2, a)]);
    send(s1, conversationId, 'dup-1', 'once');
    send(s2, conversationId, 'dup-1', 'once');
    send(s1, conversationId, 'dup-1', 'once');
    await waitFor('3 acks', () => s1.all(isAck('dup-1')).length >= 2 && s2.all(isAck('dup-1')).length >= 1);
    const acks = [...s1.all(isAck('dup-1')), ...s2.all(isAck('dup-1'))].map(({ message_id, seq, ts }) => ({ message_id, seq, ts }));
    expect(acks).toHaveLength(3);
    expect(new Set(acks.map((x) => JSON.stringify(x))).size).toBe(1);
    const history = await api<{ messages: unknown[] }>(rest, 'GET', `/conversations/${conversationId}/messages?after_seq=0&limit=50`, b.token);
    expect(history.body.messages).toHaveLength(1);
  });

  it('delivers everything sent while offline after reconnect, in order, with exact unread counts', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'oa'), registerUser(rest, 'ob')]);
    const conversationId = await createGroup(rest, a, [b]);
    const ca = await connect(gw1, a);
    for (let i = 1; i <= 30; i++) send(ca, conversationId, `off-${i}`);
    await ca.next(isAck('off-30'));
    const list = await api<{ conversations: { conversation: { id: string }; unread_count: number }[] }>(rest, 'GET', '/conversations', b.token);
    expect(list.body.conversations.find((c) => c.conversation.id === conversationId)?.unread_count).toBe(30);

    const cb = await connect(gw2, b);
    cb.send({ type: 'sync', conversations: { [conversationId]: 0 } });
    const sync = await cb.next((f) => f.type === 'sync');
    const seqs = (sync.messages as { seq: number }[]).map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(sync.has_more).toBe(false);
    cb.send({ type: 'read', conversation_id: conversationId, seq: 30 });
    await ca.next((f) => f.type === 'event' && (f.event as { type: string; userId: string }).type === 'read' && (f.event as { userId: string }).userId === b.id);
    const after = await api<{ conversations: { conversation: { id: string }; unread_count: number }[] }>(rest, 'GET', '/conversations', b.token);
    expect(after.body.conversations.find((c) => c.conversation.id === conversationId)?.unread_count).toBe(0);
  });

  it('loses nothing when the recipient reconnects in the middle of a burst', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ba'), registerUser(rest, 'bb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const ca = await connect(gw1, a);
    let cb = await connect(gw2, b);
    for (let i = 1; i <= 150; i++) send(ca, conversationId, `burst-${i}`);
    await waitFor('some live messages', () => cb.messages(conversationId).length >= 20);
    const before = cb;
    await before.close();
    const known = Math.max(0, ...before.messages(conversationId).map((m) => m.seq));
    cb = await connect(gw1, b);
    cb.send({ type: 'sync', conversations: { [conversationId]: known } });
    await ca.next(isAck('burst-150'), 60_000);
    await waitFor('all 150 seen', () => {
      const seen = new Set([...before.messages(conversationId), ...cb.messages(conversationId)].map((m) => m.seq));
      return seen.size === 150;
    }, 60_000);
  });

  it('tells every member about a recall, and a member offline during it syncs the message as recalled', async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'ca'), registerUser(rest, 'cb'), registerUser(rest, 'cc')]);
    const conversationId = await createGroup(rest, a, [b, c]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    send(ca, conversationId, 'to-recall', 'oops');
    const ack = await ca.next(isAck('to-recall'));
    const r = await api(rest, 'DELETE', `/messages/${String(ack.message_id)}`, a.token);
    expect(r.status).toBe(200);
    const ev = await cb.next((f) => f.type === 'event' && (f.event as { type: string }).type === 'recall');
    expect(ev.event).toMatchObject({ messageId: ack.message_id, conversationId, byUserId: a.id });

    const cc = await connect(gw2, c);
    cc.send({ type: 'sync', conversations: { [conversationId]: 0 } });
    const sync = await cc.next((f) => f.type === 'sync');
    expect(sync.messages).toEqual([expect.objectContaining({ message_id: ack.message_id, recalled: true, content: '' })]);
  });

  it('tells a member who already had a message, and was away when it was recalled, on sync with since', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'sa'), registerUser(rest, 'sb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    send(ca, conversationId, 'kept');
    send(ca, conversationId, 'will-recall', 'secret');
    const ack = await ca.next(isAck('will-recall'));
    await cb.next(isMsg('will-recall'));
    const lastSeen = Date.now();
    await cb.close();
    expect((await api(rest, 'DELETE', `/messages/${String(ack.message_id)}`, a.token)).status).toBe(200);

    const back = await connect(gw1, b);
    back.send({ type: 'sync', conversations: { [conversationId]: 2 }, since: lastSeen });
    const sync = await back.next((f) => f.type === 'sync');
    expect(sync).toMatchObject({ messages: [], recalled: [{ message_id: ack.message_id, seq: 2 }] });
  });

  it('refuses a non-member with NOT_CONVERSATION_MEMBER', async () => {
    const [a, outsider] = await Promise.all([registerUser(rest, 'na'), registerUser(rest, 'nb')]);
    const conversationId = await createGroup(rest, a, []);
    const co = await connect(gw1, outsider);
    send(co, conversationId, 'intrude');
    const err = await co.next((f) => f.type === 'error' && f.client_msg_id === 'intrude');
    expect(err.code).toBe('NOT_CONVERSATION_MEMBER');
  });

  it('answers malformed frames with error frames and keeps serving everyone', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ma'), registerUser(rest, 'mb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const bad = await connect(gw1, a);
    const cases: [string, string][] = [
      ['{not json', 'BAD_FRAME'],
      ['[]', 'BAD_FRAME'],
      [JSON.stringify({ type: 'nope' }), 'UNKNOWN_FRAME_TYPE'],
      [JSON.stringify({ type: 'send', client_msg_id: 'x1', conversation_id: 5, content: 'a' }), 'VALIDATION_ERROR'],
      [JSON.stringify({ type: 'send', client_msg_id: 'x2', conversation_id: conversationId }), 'VALIDATION_ERROR'],
      [JSON.stringify({ type: 'read', conversation_id: conversationId }), 'VALIDATION_ERROR'],
      [JSON.stringify({ type: 'send', client_msg_id: 'x3', conversation_id: conversationId, content: 'x'.repeat(70_000) }), 'BAD_FRAME'],
    ];
    for (const [text] of cases) bad.send(text);
    await waitFor('an error per bad frame', () => bad.all((f) => f.type === 'error').length >= cases.length);
    expect(bad.all((f) => f.type === 'error').map((f) => f.code)).toEqual(cases.map(([, code]) => code));
    // The same socket and everyone else keep working.
    const cb = await connect(gw2, b);
    send(bad, conversationId, 'after-bad', 'still here');
    await cb.next(isMsg('after-bad'));
  });

  it('closes a socket with a bad token with 4001', async () => {
    const c = new WsClient(gw1, 'not-a-token');
    await c.open();
    await waitFor('close', () => c.closeCode);
    expect(c.closeCode).toBe(4001);
  });

  it('exposes Prometheus metrics with the seed names on /metrics', async () => {
    const res = await fetch(`${rest}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of ['gochat_message_send_total', 'gochat_message_send_failures_total', 'gochat_conversation_load_duration_seconds', 'gochat_fanout_latency_seconds', 'gochat_cache_hit_ratio', 'gochat_ws_connections', 'gochat_kafka_consumer_lag']) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/gochat_message_send_total\{[^}]*path="ws"[^}]*\} [1-9]/);
    expect(text).toMatch(/gochat_conversation_load_duration_seconds_count\{[^}]*\} [1-9]/);
    expect(text).toMatch(/gochat_cache_misses_total\{[^}]*cache="conversations_full"[^}]*\} [1-9]/);
    expect(text).toMatch(/gochat_ws_connections\{[^}]*\} [1-9]/);
  });
});
