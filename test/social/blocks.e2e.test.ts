// Blocks and unfriending end to end: a gateway process, a logic worker, a Temporal worker and
// real sockets. A block refuses friend requests and 1:1 sends (WebSocket and REST) with BLOCKED
// whoever set it, hides presence both ways and is undone by unblocking; unfriending refuses 1:1
// sends with NOT_FRIENDS, keeps the history, and a new accepted request reopens the same
// conversation. Bad input and unknown users are refused.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, registerUser, type Frame, type User, type WsClient } from '../realtime/clients.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { settle } from '../reactions/helpers.ts';

const suite = clusterForSuite({ gateways: 1 });
let rest: string;
let ws: string;

beforeAll(() => {
  [rest] = suite.rest as [string];
  [ws] = suite.ws as [string];
});


const restSend = (user: User, conversationId: string) =>
  api<{ code?: string; seq?: number }>(rest, 'POST', `/conversations/${conversationId}/messages`, user.token, { client_msg_id: `so-${randomUUID()}`, content: 'hi' });

/** A WebSocket send and its answer: the ack, or the error frame with its client_msg_id. */
async function wsSend(c: WsClient, conversationId: string): Promise<Frame> {
  const cmid = `sw-${randomUUID()}`;
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content: 'hi' });
  return c.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_msg_id === cmid);
}

const friendsOf = async (user: User) =>
  (await api<{ friends: { user: { id: string }; online: boolean }[] }>(rest, 'GET', '/friends', user.token)).body.friends;

describe('blocking', () => {
  it('refuses the blocked side\'s (and the blocker\'s) 1:1 sends and friend requests with BLOCKED until unblocked', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ba'), registerUser(rest, 'bb')]);
    const conversationId = await befriend(rest, a, b);
    const [ca, cb] = await Promise.all([suite.connect(ws, a), suite.connect(ws, b)]);
    expect((await wsSend(cb, conversationId)).type).toBe('ack');

    expect((await api(rest, 'PUT', `/blocks/${b.id}`, a.token)).status).toBe(204);
    expect((await api(rest, 'PUT', `/blocks/${b.id}`, a.token)).status).toBe(204);
    expect(await wsSend(cb, conversationId)).toMatchObject({ type: 'error', code: 'BLOCKED' });
    expect(await wsSend(ca, conversationId)).toMatchObject({ type: 'error', code: 'BLOCKED' });
    const refused = await restSend(b, conversationId);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BLOCKED');
    // A block leaves the friendship as it is; unfriending still works, and a request either way is refused alike.
    const removed = await api(rest, 'DELETE', `/friends/${a.id}`, b.token);
    expect(removed.status).toBe(204);
    for (const [from, to] of [[b, a], [a, b]] as const) {
      const req = await api<{ code: string }>(rest, 'POST', '/friends/requests', from.token, { target_user_id: to.id });
      expect(req.status).toBe(403);
      expect(req.body.code).toBe('BLOCKED');
    }
    // The history stays readable for both.
    for (const u of [a, b]) expect((await api(rest, 'GET', `/conversations/${conversationId}/messages`, u.token)).status).toBe(200);

    const list = await api<{ blocks: { user: { id: string }; since: number }[]; next_after_user_id: string | null }>(rest, 'GET', '/blocks', a.token);
    expect(list.body.blocks.map((x) => x.user.id)).toEqual([b.id]);
    expect((await api<{ blocks: unknown[] }>(rest, 'GET', '/blocks', b.token)).body.blocks).toEqual([]);

    expect((await api(rest, 'DELETE', `/blocks/${b.id}`, a.token)).status).toBe(204);
    expect((await api(rest, 'DELETE', `/blocks/${b.id}`, a.token)).status).toBe(204);
    expect((await api<{ blocks: unknown[] }>(rest, 'GET', '/blocks', a.token)).body.blocks).toEqual([]);
    const reopened = await befriend(rest, b, a);
    expect(reopened).toBe(conversationId);
    expect((await wsSend(cb, conversationId)).type).toBe('ack');
  });

  it('turns down the blocked user\'s pending request to the blocker, as a plain rejection', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ra'), registerUser(rest, 'rb')]);
    const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', b.token, { target_user_id: a.id });
    expect(req.status).toBe(201);
    const pending = () => api<{ requests: { id: string }[] }>(rest, 'GET', '/friends/requests?direction=incoming', a.token);
    expect((await pending()).body.requests.map((r) => r.id)).toContain(req.body.id);
    expect((await api(rest, 'PUT', `/blocks/${b.id}`, a.token)).status).toBe(204);
    expect((await pending()).body.requests.map((r) => r.id)).not.toContain(req.body.id);
    // The requester sees a rejection like any other; blocking again changes nothing.
    const answered = await api<{ requests: { id: string; status: string }[] }>(rest, 'GET', '/friends/requests?direction=outgoing&status=rejected', b.token);
    expect(answered.body.requests.map((r) => r.id)).toContain(req.body.id);
    expect((await api(rest, 'PUT', `/blocks/${b.id}`, a.token)).status).toBe(204);
  });

  it('the blocker\'s own request sent before the block can be rejected but not accepted', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'pa'), registerUser(rest, 'pb')]);
    const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', b.token, { target_user_id: a.id });
    expect((await api(rest, 'PUT', `/blocks/${a.id}`, b.token)).status).toBe(204);
    const accept = await api<{ code: string }>(rest, 'PUT', `/friends/requests/${req.body.id}`, a.token, { action: 1 });
    expect(accept.status).toBe(403);
    expect(accept.body.code).toBe('BLOCKED');
    expect((await api(rest, 'PUT', `/friends/requests/${req.body.id}`, a.token, { action: 2 })).status).toBe(200);
  });

  it('hides presence both ways: no presence event, offline in the friend list', async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'oa'), registerUser(rest, 'ob'), registerUser(rest, 'oc')]);
    await befriend(rest, a, b);
    await befriend(rest, a, c);
    expect((await api(rest, 'PUT', `/blocks/${a.id}`, b.token)).status).toBe(204);
    const ca = await suite.connect(ws, a);
    await Promise.all([suite.connect(ws, b), suite.connect(ws, c)]);
    const presenceOf = (id: string) => ca.all((f) => f.type === 'event' && (f.event as { type: string; userId?: string }).type === 'presence' && (f.event as { userId: string }).userId === id);
    await ca.next(() => presenceOf(c.id).length > 0);
    await settle(ca);
    expect(presenceOf(b.id)).toEqual([]);
    const seen = new Map((await friendsOf(a)).map((x) => [x.user.id, x.online]));
    expect(seen).toEqual(new Map([[b.id, false], [c.id, true]]));
    expect((await friendsOf(b)).map((x) => x.online)).toEqual([false]);
    expect((await api(rest, 'DELETE', `/blocks/${a.id}`, b.token)).status).toBe(204);
    expect((await friendsOf(b)).map((x) => x.online)).toEqual([true]);
  });

  it('tells nobody of typing in a blocked or unfriended 1:1, and refuses nothing', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ta'), registerUser(rest, 'tb')]);
    const conversationId = await befriend(rest, a, b);
    const cb = await suite.connect(ws, b);
    const typingOf = (c: WsClient) => c.all((f) => f.type === 'event' && (f.event as { type: string; userId?: string }).type === 'typing' && (f.event as { userId: string }).userId === a.id);
    // A start per connection every 2 s: each step types from a connection of its own.
    const typeFromA = async () => {
      const ca = await suite.connect(ws, a);
      ca.send({ type: 'typing', conversation_id: conversationId, state: 'start' });
      return ca;
    };
    expect((await api(rest, 'PUT', `/blocks/${a.id}`, b.token)).status).toBe(204);
    const blocked = await typeFromA();
    await settle(blocked, cb);
    expect(typingOf(cb)).toEqual([]);
    expect(blocked.all((f) => f.type === 'error')).toEqual([]);

    expect((await api(rest, 'DELETE', `/blocks/${a.id}`, b.token)).status).toBe(204);
    await typeFromA();
    await cb.next(() => typingOf(cb).length > 0);

    expect((await api(rest, 'DELETE', `/friends/${a.id}`, b.token)).status).toBe(204);
    const starts = () => typingOf(cb).filter((f) => (f.event as { state: string }).state === 'start').length;
    const before = starts();
    const unfriended = await typeFromA();
    await settle(unfriended, cb);
    expect(starts()).toBe(before);
  });

  it('refuses blocking yourself, unknown users and malformed ids', async () => {
    const a = await registerUser(rest, 'ea');
    const self = await api<{ code: string; field: string }>(rest, 'PUT', `/blocks/${a.id}`, a.token);
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ code: 'VALIDATION_ERROR', field: 'params.user_id' });
    const unknown = await api<{ code: string }>(rest, 'PUT', '/blocks/999999999999', a.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect((await api<{ code: string }>(rest, 'PUT', '/blocks/abc', a.token)).body.code).toBe('VALIDATION_ERROR');
    expect((await api(rest, 'GET', '/blocks?limit=0', a.token)).status).toBe(400);
    expect((await api(rest, 'GET', '/blocks')).status).toBe(401);
  });
});

describe('unfriending', () => {
  it('ends the friendship both ways; 1:1 sends get NOT_FRIENDS, history stays; a new accepted request reopens the same conversation', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ua'), registerUser(rest, 'ub')]);
    const conversationId = await befriend(rest, a, b);
    const cb = await suite.connect(ws, b);
    expect((await wsSend(cb, conversationId)).type).toBe('ack');

    expect((await api(rest, 'DELETE', `/friends/${b.id}`, a.token)).status).toBe(204);
    const again = await api<{ code: string }>(rest, 'DELETE', `/friends/${b.id}`, a.token);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('NOT_FOUND');
    expect(await friendsOf(a)).toEqual([]);
    expect(await friendsOf(b)).toEqual([]);
    expect(await wsSend(cb, conversationId)).toMatchObject({ type: 'error', code: 'NOT_FRIENDS' });
    const refused = await restSend(a, conversationId);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_FRIENDS');
    const history = await api<{ messages: unknown[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, a.token);
    expect(history.body.messages).toHaveLength(1);

    expect(await befriend(rest, b, a)).toBe(conversationId);
    expect(await wsSend(cb, conversationId)).toMatchObject({ type: 'ack', seq: 2 });
    expect((await restSend(a, conversationId)).body.seq).toBe(3);
  });

  it('refuses unfriending yourself or a malformed id', async () => {
    const a = await registerUser(rest, 'fa');
    expect((await api<{ code: string }>(rest, 'DELETE', `/friends/${a.id}`, a.token)).body.code).toBe('VALIDATION_ERROR');
    expect((await api<{ code: string }>(rest, 'DELETE', '/friends/0', a.token)).body.code).toBe('VALIDATION_ERROR');
  });
});
