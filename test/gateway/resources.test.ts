// Users, conversations, members, messages and the world conversation through HTTP, with the
// rule each route enforces broken on purpose: wrong user, guest, non-member, non-admin.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.ts';
import { repoCtx, saveMessage } from '../../repo/index.ts';
import { buildGateway, call, errorOf, guestUser, registerUser, type TestUser } from './helpers.ts';

let gw: FastifyInstance;
let config: Config;
beforeAll(async () => {
  ({ app: gw, config } = await buildGateway());
});
afterAll(async () => {
  await gw?.close();
});

const store = (conversationId: string, senderId: string, content: string) =>
  saveMessage(repoCtx(gw.orm, gw.redis), { conversationId, senderId, clientMsgId: `c-${crypto.randomUUID()}`, messageType: 1, content });

async function group(owner: TestUser, members: TestUser[], name = 'team'): Promise<string> {
  const res = await call(gw, { method: 'POST', url: '/conversations', token: owner.token, payload: { name, member_ids: members.map((m) => m.id) } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('users', () => {
  it('reads and updates the profile, finds users by id and by name', async () => {
    const u = await registerUser(gw, 'prof');
    const put = await call(gw, { method: 'PUT', url: '/users/profile', token: u.token, payload: { nickname: 'Ann', avatar_url: 'https://example.com/a.png' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ nickname: 'Ann', avatar_url: 'https://example.com/a.png' });
    const cleared = await call(gw, { method: 'PUT', url: '/users/profile', token: u.token, payload: { avatar_url: null } });
    expect(cleared.json()).toMatchObject({ nickname: 'Ann', avatar_url: null });

    const other = await registerUser(gw, 'look');
    const byId = await call(gw, { method: 'GET', url: `/users/${u.id}`, token: other.token });
    expect(byId.json()).toMatchObject({ id: u.id, username: u.username });
    expect(JSON.stringify(byId.json())).not.toMatch(/password/i);

    const found = await call(gw, { method: 'GET', url: `/users/search?q=${u.username}&limit=5`, token: other.token });
    expect(found.statusCode).toBe(200);
    expect(found.json<{ users: { id: string }[] }>().users.map((x) => x.id)).toContain(u.id);
  });

  it('answers 404 for an unknown user', async () => {
    const u = await registerUser(gw);
    const res = await call(gw, { method: 'GET', url: '/users/9223372036854775000', token: u.token });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});

describe('groups and members', () => {
  it('creates a group, lists it, and shows it only to members', async () => {
    const [owner, bob, eve] = await Promise.all([registerUser(gw, 'own'), registerUser(gw, 'bob'), registerUser(gw, 'eve')]);
    const id = await group(owner, [bob]);
    const detail = await call(gw, { method: 'GET', url: `/conversations/${id}`, token: bob.token });
    expect(detail.json()).toMatchObject({ conversation: { id, type: 2, owner_id: owner.id, member_count: 2 }, membership: { role: 'member' } });

    const list = await call(gw, { method: 'GET', url: '/conversations?limit=50', token: owner.token });
    expect(list.json<{ conversations: { conversation: { id: string } }[] }>().conversations.map((c) => c.conversation.id)).toContain(id);

    const outsider = await call(gw, { method: 'GET', url: `/conversations/${id}`, token: eve.token });
    expect(outsider.statusCode).toBe(403);
    expect(errorOf(outsider).code).toBe('NOT_CONVERSATION_MEMBER');
    expect((await call(gw, { method: 'GET', url: `/conversations/${id}/members`, token: eve.token })).statusCode).toBe(403);
    expect((await call(gw, { method: 'GET', url: '/conversations/9223372036854775000', token: eve.token })).statusCode).toBe(404);
  });

  it('refuses group creation by guests and with unknown members', async () => {
    const g = await guestUser(gw);
    const res = await call(gw, { method: 'POST', url: '/conversations', token: g.token, payload: { name: 'g', member_ids: [] } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const u = await registerUser(gw);
    const bad = await call(gw, { method: 'POST', url: '/conversations', token: u.token, payload: { name: 'g', member_ids: ['9223372036854775000'] } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('body.member_ids');
  });

  it('lets owner and admins manage members, members only leave', async () => {
    const [owner, admin, m1, m2, newcomer] = await Promise.all([registerUser(gw, 'o'), registerUser(gw, 'a'), registerUser(gw, 'm'), registerUser(gw, 'm'), registerUser(gw, 'n')]);
    const id = await group(owner, [admin, m1, m2]);

    // A plain member cannot add, remove or change roles.
    expect((await call(gw, { method: 'POST', url: `/conversations/${id}/members`, token: m1.token, payload: { user_ids: [newcomer.id] } })).statusCode).toBe(403);
    expect((await call(gw, { method: 'DELETE', url: `/conversations/${id}/members/${m2.id}`, token: m1.token })).statusCode).toBe(403);
    expect((await call(gw, { method: 'PUT', url: `/conversations/${id}/members/${m2.id}/role`, token: m1.token, payload: { role: 'admin' } })).statusCode).toBe(403);

    expect((await call(gw, { method: 'PUT', url: `/conversations/${id}/members/${admin.id}/role`, token: owner.token, payload: { role: 'admin' } })).statusCode).toBe(204);
    // An admin adds and removes members but not other admins or the owner, and sets no roles.
    const added = await call(gw, { method: 'POST', url: `/conversations/${id}/members`, token: admin.token, payload: { user_ids: [newcomer.id, m1.id] } });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ added: [newcomer.id] });
    expect((await call(gw, { method: 'DELETE', url: `/conversations/${id}/members/${m2.id}`, token: admin.token })).statusCode).toBe(204);
    expect((await call(gw, { method: 'DELETE', url: `/conversations/${id}/members/${owner.id}`, token: admin.token })).statusCode).toBe(403);
    expect((await call(gw, { method: 'PUT', url: `/conversations/${id}/members/${m1.id}/role`, token: admin.token, payload: { role: 'admin' } })).statusCode).toBe(403);

    // A member leaves; the last owner cannot.
    expect((await call(gw, { method: 'DELETE', url: `/conversations/${id}/members/${m1.id}`, token: m1.token })).statusCode).toBe(204);
    expect((await call(gw, { method: 'GET', url: `/conversations/${id}`, token: m1.token })).statusCode).toBe(403);
    const ownerLeaves = await call(gw, { method: 'DELETE', url: `/conversations/${id}/members/${owner.id}`, token: owner.token });
    expect(ownerLeaves.statusCode).toBe(409);

    const members = await call(gw, { method: 'GET', url: `/conversations/${id}/members?limit=2`, token: newcomer.token });
    const page = members.json<{ members: { user_id: string; role: string }[]; next_after_user_id: string | null }>();
    expect(page.members).toHaveLength(2);
    const rest = await call(gw, { method: 'GET', url: `/conversations/${id}/members?after_user_id=${page.next_after_user_id}`, token: newcomer.token });
    const all = [...page.members, ...rest.json<{ members: { user_id: string; role: string }[] }>().members];
    expect(new Map(all.map((m) => [m.user_id, m.role]))).toEqual(new Map([[owner.id, 'owner'], [admin.id, 'admin'], [newcomer.id, 'member']]));
  });
});

describe('messages', () => {
  it('pages history by seq, marks read, and shows unread counts in the list', async () => {
    const [a, b, eve] = await Promise.all([registerUser(gw, 'ha'), registerUser(gw, 'hb'), registerUser(gw, 'he')]);
    const id = await group(a, [b]);
    for (let i = 1; i <= 5; i++) await store(id, a.id, `m${i}`);

    const latest = await call(gw, { method: 'GET', url: `/conversations/${id}/messages?limit=2`, token: b.token });
    expect(latest.statusCode).toBe(200);
    const l = latest.json<{ messages: { seq: number; content: string }[]; has_more: boolean }>();
    expect(l.messages.map((m) => m.seq)).toEqual([4, 5]);
    expect(l.has_more).toBe(true);
    const before = await call(gw, { method: 'GET', url: `/conversations/${id}/messages?before_seq=4&limit=10`, token: b.token });
    expect(before.json<{ messages: { seq: number }[]; has_more: boolean }>()).toMatchObject({ has_more: false });
    expect(before.json<{ messages: { seq: number }[] }>().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    const after = await call(gw, { method: 'GET', url: `/conversations/${id}/messages?after_seq=3`, token: b.token });
    expect(after.json<{ messages: { content: string }[] }>().messages.map((m) => m.content)).toEqual(['m4', 'm5']);
    const both = await call(gw, { method: 'GET', url: `/conversations/${id}/messages?after_seq=1&before_seq=3`, token: b.token });
    expect(both.statusCode).toBe(400);

    const listed = async () => (await call(gw, { method: 'GET', url: '/conversations?limit=100', token: b.token }))
      .json<{ conversations: { conversation: { id: string }; unread_count: number; last_message: { content: string } | null }[] }>()
      .conversations.find((c) => c.conversation.id === id);
    expect(await listed()).toMatchObject({ unread_count: 5, last_message: { content: 'm5' } });
    const read = await call(gw, { method: 'POST', url: `/conversations/${id}/read`, token: b.token, payload: { seq: 3 } });
    expect(read.json()).toEqual({ conversation_id: id, last_read_seq: 3 });
    expect(await listed()).toMatchObject({ unread_count: 2, last_read_seq: 3 });
    // Every member's read pointer, for read receipts after a reload.
    const members = (await call(gw, { method: 'GET', url: `/conversations/${id}/members`, token: a.token })).json<{ members: { user_id: string; last_read_seq: number }[] }>().members;
    expect(members.find((m) => m.user_id === b.id)?.last_read_seq).toBe(3);
    expect((await call(gw, { method: 'POST', url: `/conversations/${id}/read`, token: b.token, payload: { seq: 99 } })).statusCode).toBe(400);

    expect((await call(gw, { method: 'GET', url: `/conversations/${id}/messages`, token: eve.token })).statusCode).toBe(403);
    expect((await call(gw, { method: 'POST', url: `/conversations/${id}/read`, token: eve.token, payload: { seq: 1 } })).statusCode).toBe(403);
  });

  it('lets only the sender recall, within the window', async () => {
    const [a, b] = await Promise.all([registerUser(gw, 'ra'), registerUser(gw, 'rb')]);
    const id = await group(a, [b]);
    const saved = await store(id, a.id, 'oops');
    const byOther = await call(gw, { method: 'DELETE', url: `/messages/${saved.messageId}`, token: b.token });
    expect(byOther.statusCode).toBe(403);
    expect(errorOf(byOther).code).toBe('FORBIDDEN');
    const recalled = await call(gw, { method: 'DELETE', url: `/messages/${saved.messageId}`, token: a.token });
    expect(recalled.statusCode).toBe(200);
    expect(recalled.json()).toMatchObject({ message_id: saved.messageId, recalled: true, content: '' });
    const history = await call(gw, { method: 'GET', url: `/conversations/${id}/messages`, token: b.token });
    expect(history.json<{ messages: { recalled: boolean; content: string }[] }>().messages[0]).toMatchObject({ recalled: true, content: '' });
    expect((await call(gw, { method: 'DELETE', url: '/messages/9223372036854775000', token: a.token })).statusCode).toBe(404);
  });

  it('refuses a recall after the window', async () => {
    const { app: strict } = await buildGateway({ RECALL_WINDOW_MS: '0' });
    try {
      const [a, b] = await Promise.all([registerUser(strict, 'wa'), registerUser(strict, 'wb')]);
      const created = await call(strict, { method: 'POST', url: '/conversations', token: a.token, payload: { name: 'w', member_ids: [b.id] } });
      const saved = await saveMessage(repoCtx(strict.orm, strict.redis), { conversationId: created.json<{ id: string }>().id, senderId: a.id, clientMsgId: `w-${crypto.randomUUID()}`, messageType: 1, content: 'late' });
      await new Promise((r) => setTimeout(r, 20));
      const res = await call(strict, { method: 'DELETE', url: `/messages/${saved.messageId}`, token: a.token });
      expect(res.statusCode).toBe(403);
    } finally {
      await strict.close();
    }
  });

  it('sends through the upstream pipeline: a stored client_msg_id answers 201 at once, a new one 201 or 202', async () => {
    const [a, b, eve] = await Promise.all([registerUser(gw, 'sa'), registerUser(gw, 'sb'), registerUser(gw, 'se')]);
    const id = await group(a, [b]);
    const saved = await store(id, a.id, 'first');
    const stored = (await saveMessage(repoCtx(gw.orm, gw.redis), { conversationId: id, senderId: a.id, clientMsgId: 'again-1', messageType: 1, content: 'hello' }));
    const resend = await call(gw, { method: 'POST', url: `/conversations/${id}/messages`, token: a.token, payload: { client_msg_id: 'again-1', content: 'hello' } });
    expect(resend.statusCode).toBe(201);
    expect(resend.json()).toMatchObject({ message_id: stored.messageId, seq: saved.seq + 1, client_msg_id: 'again-1' });

    const fresh = await call(gw, { method: 'POST', url: `/conversations/${id}/messages`, token: a.token, payload: { client_msg_id: `n-${Date.now()}`, content: 'new' } });
    expect([201, 202]).toContain(fresh.statusCode);

    const outsider = await call(gw, { method: 'POST', url: `/conversations/${id}/messages`, token: eve.token, payload: { client_msg_id: 'x1', content: 'hi' } });
    expect(outsider.statusCode).toBe(403);
    expect(errorOf(outsider).code).toBe('NOT_CONVERSATION_MEMBER');
    const tooBig = await call(gw, { method: 'POST', url: `/conversations/${id}/messages`, token: a.token, payload: { client_msg_id: 'x2', content: 'é'.repeat(config.chat.maxContentBytes / 2 + 1) } });
    expect(tooBig.statusCode).toBe(400);
    expect(errorOf(tooBig).field).toBe('body.content');
  }, 20_000);
});

describe('world conversation', () => {
  it('is readable and writable by every account, guests included', async () => {
    const [g, u] = await Promise.all([guestUser(gw), registerUser(gw, 'wu')]);
    const world = await call(gw, { method: 'GET', url: '/conversations/world', token: g.token });
    expect(world.statusCode).toBe(200);
    const { conversation, membership } = world.json<{ conversation: { id: string; type: number }; membership: { role: string } }>();
    expect(conversation.type).toBe(3);
    expect(membership.role).toBe('member');
    await store(conversation.id, u.id, 'hello world');
    const history = await call(gw, { method: 'GET', url: `/conversations/${conversation.id}/messages?limit=5`, token: g.token });
    expect(history.statusCode).toBe(200);
    expect(history.json<{ messages: { content: string }[] }>().messages.map((m) => m.content)).toContain('hello world');
    const cid = `g-${Date.now()}`;
    const sent = await call(gw, { method: 'POST', url: `/conversations/${conversation.id}/messages`, token: g.token, payload: { client_msg_id: cid, content: 'guest here' } });
    expect([201, 202]).toContain(sent.statusCode);
    // Its members are not managed by hand.
    expect((await call(gw, { method: 'DELETE', url: `/conversations/${conversation.id}/members/${u.id}`, token: u.token })).statusCode).toBe(403);
  }, 20_000);
});

describe('health and docs', () => {
  it('reports liveness, readiness of every dependency, and serves the OpenAPI document', async () => {
    expect((await gw.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await gw.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { mysql: { ok: true }, redis: { ok: true }, kafka: { ok: true }, temporal: { ok: true } } });
    const doc = await gw.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/auth/login', '/conversations/{id}/messages', '/friends/requests/{id}', '/messages/{id}']));
    expect((await gw.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});
