// Delivery receipts end to end: two gateway processes, a logic worker, a Temporal worker (for
// the 1:1 conversation of two friends), real sockets. A `delivered` frame moves the member's
// delivered pointer forward only and never past the last seq; receipts count delivered and
// read per message for members only; reading implies delivery; the other members of a small
// conversation hear a moved pointer, coalesced; the SDK reports what it receives by itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { DELIVERED_EVENT_MAX_MEMBERS } from '../../contract/index.ts';
import type { GoChatEvents } from '../../sdk/src/index.ts';
import { uniqueName } from '../helpers/config.ts';
import type { WsClient} from '../realtime/clients.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { waitFor } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { newClient } from '../sdk/clients.ts';
import { errorsOf, eventsOf, post, settle } from './helpers.ts';

const suite = clusterForSuite({ gateways: 2 });
const { connect } = suite;
let gw1: string;
let gw2: string;
let rest: string;

interface Member {
  user_id: string;
  last_read_seq: number;
  last_delivered_seq: number;
}
interface Receipts {
  message_id: string;
  seq: number;
  sender_id: string;
  of: number;
  delivered: number;
  read: number;
  peer?: { user_id: string; delivered: boolean; read: boolean };
}
interface DeliveredEvent {
  type: 'delivered';
  conversationId: string;
  userId: string;
  seq: number;
}

async function pointersOf(viewer: User, conversationId: string, userId: string): Promise<[number, number]> {
  const r = await api<{ members: Member[] }>(rest, 'GET', `/conversations/${conversationId}/members`, viewer.token);
  expect(r.status).toBe(200);
  const m = r.body.members.find((x) => x.user_id === userId)!;
  return [m.last_read_seq, m.last_delivered_seq];
}

const receipts = (viewer: User, conversationId: string, messageId: string) =>
  api<Receipts & { code?: string }>(rest, 'GET', `/conversations/${conversationId}/messages/${messageId}/receipts`, viewer.token);
const delivered = (c: WsClient, conversationId: string, seq: number) => c.send({ type: 'delivered', conversation_id: conversationId, seq });

beforeAll(() => {
  [gw1, gw2] = suite.ws as [string, string];
  rest = suite.rest[0]!;
});

describe('the delivered frame', () => {
  it('moves the delivered pointer forward only, and never past the last seq', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'da'), registerUser(rest, 'db')]);
    const conversationId = await createGroup(rest, a, [b]);
    for (let i = 0; i < 3; i++) await post(rest, a, conversationId);
    const cb = await connect(gw2, b);

    delivered(cb, conversationId, 2);
    await waitFor('pointer at 2', async () => (await pointersOf(a, conversationId, b.id))[1] === 2);
    delivered(cb, conversationId, 1);
    await settle(cb);
    expect(await pointersOf(a, conversationId, b.id)).toEqual([0, 2]);
    delivered(cb, conversationId, 99);
    await waitFor('pointer at the last seq', async () => (await pointersOf(a, conversationId, b.id))[1] === 3);
    await settle(cb);
    expect(await pointersOf(a, conversationId, b.id)).toEqual([0, 3]);
    expect(errorsOf(cb)).toEqual([]);
  });

  it('is refused for a non-member with an error marked as its answer', async () => {
    const [a, outsider] = await Promise.all([registerUser(rest, 'dna'), registerUser(rest, 'dno')]);
    const conversationId = await createGroup(rest, a, []);
    await post(rest, a, conversationId);
    const co = await connect(gw1, outsider);
    delivered(co, conversationId, 1);
    expect(await co.next((f) => f.type === 'error')).toMatchObject({ code: 'NOT_CONVERSATION_MEMBER', reply_to: 'delivered' });
    delivered(co, '18446744073709551615', 1);
    await waitFor('second refusal', () => errorsOf(co).length === 2);
    expect(errorsOf(co)[1]).toMatchObject({ code: 'NOT_FOUND', reply_to: 'delivered' });
  });

  it('is heard by the other members of a small conversation, at most once a second per member and gateway', async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'dea'), registerUser(rest, 'deb'), registerUser(rest, 'dec')]);
    const conversationId = await createGroup(rest, a, [b, c]);
    for (let i = 0; i < 5; i++) await post(rest, a, conversationId);
    const [ca, cc, cb1, cb2] = await Promise.all([connect(gw1, a), connect(gw2, c), connect(gw1, b), connect(gw2, b)]);
    // Five reports that each move the pointer, within half a second.
    for (let seq = 1; seq <= 5; seq++) {
      delivered(cb1, conversationId, seq);
      await new Promise((r) => setTimeout(r, 60));
    }
    for (const x of [ca, cc]) await waitFor('the last pointer', () => eventsOf<DeliveredEvent>(x, 'delivered', conversationId).at(-1)?.seq === 5, 5000);
    // The other device reports what is already stored: nothing to announce.
    delivered(cb2, conversationId, 5);
    await settle(ca, cc, cb1, cb2);
    for (const x of [ca, cc]) {
      const heard = eventsOf<DeliveredEvent>(x, 'delivered', conversationId);
      // One at once, one with the latest value at the end of the second.
      expect(heard).toEqual([{ type: 'delivered', conversationId, userId: b.id, seq: 1 }, { type: 'delivered', conversationId, userId: b.id, seq: 5 }]);
    }
    expect(eventsOf(cb1, 'delivered', conversationId)).toEqual([]);
    expect(eventsOf(cb2, 'delivered', conversationId)).toEqual([]);
  });

  it(`is not announced in conversations of more than ${DELIVERED_EVENT_MAX_MEMBERS} members`, async () => {
    const users = await Promise.all(Array.from({ length: DELIVERED_EVENT_MAX_MEMBERS + 1 }, (_, i) => registerUser(rest, `dl${i}`)));
    const [a, b] = users as [User, User];
    const conversationId = await createGroup(rest, a, users.slice(1));
    await post(rest, a, conversationId);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    delivered(cb, conversationId, 1);
    await waitFor('pointer moved', async () => (await pointersOf(a, conversationId, b.id))[1] === 1);
    await settle(ca, cb);
    expect(eventsOf(ca, 'delivered', conversationId)).toEqual([]);
  });
});

describe('receipts', () => {
  it('count delivered and read among the other members of a group; reading implies delivered; members only', async () => {
    const [a, b, c, d, outsider] = await Promise.all(['ga', 'gb', 'gc', 'gd', 'go'].map((p) => registerUser(rest, p)));
    const conversationId = await createGroup(rest, a!, [b!, c!, d!]);
    const elsewhere = await createGroup(rest, outsider!, []);
    const m1 = await post(rest, a!, conversationId, 'one');
    const m2 = await post(rest, a!, conversationId, 'two');
    const cb = await connect(gw2, b!);
    delivered(cb, conversationId, 2);
    expect((await api(rest, 'POST', `/conversations/${conversationId}/read`, c!.token, { seq: 1 })).status).toBe(200);
    await waitFor('b delivered', async () => (await pointersOf(a!, conversationId, b!.id))[1] === 2);
    // Read implies delivered.
    expect(await pointersOf(a!, conversationId, c!.id)).toEqual([1, 1]);

    const first = await receipts(a!, conversationId, m1.message_id);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ conversation_id: conversationId, message_id: m1.message_id, seq: 1, sender_id: a!.id, of: 3, delivered: 2, read: 1 });
    // Any member may ask, not only the sender.
    expect((await receipts(d!, conversationId, m2.message_id)).body).toMatchObject({ seq: 2, of: 3, delivered: 1, read: 0 });

    const refused = await receipts(outsider!, conversationId, m1.message_id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_CONVERSATION_MEMBER');
    const wrong = await receipts(outsider!, elsewhere, m1.message_id);
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('NOT_FOUND');
  });

  it('say delivered and read as flags for the other member of a 1:1 conversation', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'pa'), registerUser(rest, 'pb')]);
    const request = await api<{ id: string }>(rest, 'POST', '/friends/requests', a.token, { target_user_id: b.id });
    expect(request.status).toBe(201);
    const answer = await api<{ conversation_id: string }>(rest, 'PUT', `/friends/requests/${request.body.id}`, b.token, { action: 1 });
    const conversationId = answer.body.conversation_id;
    const m = await post(rest, a, conversationId);
    expect((await receipts(a, conversationId, m.message_id)).body).toMatchObject({ of: 1, delivered: 0, read: 0, peer: { user_id: b.id, delivered: false, read: false } });

    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    delivered(cb, conversationId, m.seq);
    // In a 1:1 conversation the sender hears it.
    await ca.next((f) => f.type === 'event' && (f.event as DeliveredEvent).type === 'delivered' && (f.event as DeliveredEvent).seq === m.seq);
    expect((await receipts(b, conversationId, m.message_id)).body.peer).toEqual({ user_id: b.id, delivered: true, read: false });
    expect((await api(rest, 'POST', `/conversations/${conversationId}/read`, b.token, { seq: m.seq })).status).toBe(200);
    expect((await receipts(a, conversationId, m.message_id)).body).toMatchObject({ of: 1, delivered: 1, read: 1, peer: { user_id: b.id, delivered: true, read: true } });
  });
});

describe('the SDK', () => {
  it('reports what it receives, live and by sync, in batches rather than one report per message', async () => {
    const [alice, bob] = [newClient(rest), newClient(suite.rest[1]!)];
    try {
      await Promise.all([alice.register(uniqueName('sda').slice(0, 32), 'correct-horse-9'), bob.register(uniqueName('sdb').slice(0, 32), 'correct-horse-9')]);
      const { data } = await alice.rest.POST('/conversations', { body: { name: 'receipts', member_ids: [bob.userId!] } });
      const conversationId = data!.id;
      // Sent while bob is away: he gets it by sync when he reconnects.
      await Promise.all([alice.connect(), bob.connect()]);
      await bob.close();
      const first = await alice.send(conversationId, 'while bob is away');
      expect((await alice.receipts(conversationId, first.message_id)).delivered).toBe(0);
      await bob.connect();
      await waitFor('delivered by sync', async () => (await alice.receipts(conversationId, first.message_id)).delivered === 1);

      const heard: GoChatEvents['delivered'][] = [];
      alice.on('delivered', (e) => heard.push(e));
      const sent = [];
      for (let i = 0; i < 8; i++) sent.push(await alice.send(conversationId, `live ${i}`));
      const last = sent.at(-1)!;
      await waitFor('delivered live', () => heard.at(-1)?.seq === last.seq, 10_000);
      expect(heard.every((e) => e.userId === bob.userId)).toBe(true);
      expect(heard.length).toBeLessThan(sent.length);
      expect(await alice.receipts(conversationId, last.message_id)).toMatchObject({ of: 1, delivered: 1, read: 0 });
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });
});
