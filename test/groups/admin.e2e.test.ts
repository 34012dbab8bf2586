// Group administration end to end: a gateway process, a logic worker, a Temporal worker and real
// sockets. Rename, avatar, announcement, mute-all and ownership reach every member's devices as
// `group_updated`; dissolving as `group_dissolved`, mutes as `member_muted`. Sends are refused
// with the documented codes (WebSocket and REST) while a rule holds and pass once it no longer
// does; role rules and bad input are refused; each member's settings shape GET /conversations.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createGroup, registerUser, type Frame, type User, type WsClient } from '../realtime/clients.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { eventsOf, post } from '../reactions/helpers.ts';

const suite = clusterForSuite({ gateways: 1 });
let rest: string;
let ws: string;

beforeAll(() => {
  [rest] = suite.rest as [string];
  [ws] = suite.ws as [string];
});

type Body = Record<string, unknown> & { code?: string; field?: string };
const call = (user: User, method: string, path: string, body?: unknown) => api<Body>(rest, method, path, user.token, body);

/** Owner, admin and two members, and the group. */
async function team() {
  const [owner, admin, m1, m2] = await Promise.all(['go', 'gad', 'gm', 'gn'].map((p) => registerUser(rest, p)));
  const id = await createGroup(rest, owner!, [admin!, m1!, m2!]);
  expect((await call(owner!, 'PUT', `/conversations/${id}/members/${admin!.id}/role`, { role: 'admin' })).status).toBe(204);
  return { id, owner: owner!, admin: admin!, m1: m1!, m2: m2! };
}

async function wsSend(c: WsClient, conversationId: string): Promise<Frame> {
  const cmid = `gw-${randomUUID()}`;
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content: 'hi' });
  return c.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_msg_id === cmid);
}

const restSend = (user: User, conversationId: string) => call(user, 'POST', `/conversations/${conversationId}/messages`, { client_msg_id: `gr-${randomUUID()}`, content: 'hi' });

function expectRefused(r: { status: number; body: Body }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.body.code).toBe(code);
}

describe('group changes', () => {
  it('rename, avatar and announcement by the owner or an admin reach every member as group_updated', async () => {
    const t = await team();
    const sockets = await Promise.all([t.owner, t.m1, t.m2].map((u) => suite.connect(ws, u)));
    const r = await call(t.admin, 'PATCH', `/conversations/${t.id}`, { name: 'renamed', avatar_url: 'https://cdn.example/g.png', announcement: '  read the rules  ' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: t.id, name: 'renamed', avatar_url: 'https://cdn.example/g.png', announcement: 'read the rules', mute_all: false, dissolved: false });
    const expected = { type: 'group_updated', conversationId: t.id, byUserId: t.admin.id, name: 'renamed', avatarUrl: 'https://cdn.example/g.png', announcement: 'read the rules', ownerId: t.owner.id, muteAll: false };
    for (const c of sockets) {
      await c.next(() => eventsOf(c, 'group_updated', t.id).length > 0);
      expect(eventsOf(c, 'group_updated', t.id)[0]).toEqual(expected);
    }
    const cleared = await call(t.owner, 'PATCH', `/conversations/${t.id}`, { announcement: '', avatar_url: null });
    expect(cleared.body).toMatchObject({ name: 'renamed', avatar_url: null, announcement: null });
    expect((await call(t.m1, 'GET', `/conversations/${t.id}`)).body).toMatchObject({ conversation: { name: 'renamed', announcement: null } });
  });

  it('refuses members, non-members, other conversation types and bad input', async () => {
    const t = await team();
    const outsider = await registerUser(rest, 'gx');
    expectRefused(await call(t.m1, 'PATCH', `/conversations/${t.id}`, { name: 'x' }), 403, 'FORBIDDEN');
    expectRefused(await call(outsider, 'PATCH', `/conversations/${t.id}`, { name: 'x' }), 403, 'NOT_CONVERSATION_MEMBER');
    expectRefused(await call(t.owner, 'PATCH', '/conversations/999999999999', { name: 'x' }), 404, 'NOT_FOUND');
    const world = await call(t.owner, 'GET', '/conversations/world');
    const worldId = (world.body.conversation as { id: string }).id;
    expectRefused(await call(t.owner, 'PATCH', `/conversations/${worldId}`, { name: 'x' }), 403, 'FORBIDDEN');
    for (const body of [{}, { name: '' }, { name: '   ' }, { nickname: 'x' }, { avatar_url: 'ftp://x' }, { announcement: 'a'.repeat(2001) }]) {
      expectRefused(await call(t.owner, 'PATCH', `/conversations/${t.id}`, body), 400, 'VALIDATION_ERROR');
    }
    expectRefused(await call(t.m1, 'PUT', `/conversations/${t.id}/mute-all`, { enabled: true }), 403, 'FORBIDDEN');
    expectRefused(await call(t.owner, 'PUT', `/conversations/${t.id}/mute-all`, { enabled: 'yes' }), 400, 'VALIDATION_ERROR');
  });

  it('ownership goes from the owner to a member, who then administers; the old owner becomes an admin', async () => {
    const t = await team();
    const outsider = await registerUser(rest, 'gy');
    const c = await suite.connect(ws, t.m2);
    expectRefused(await call(t.admin, 'PUT', `/conversations/${t.id}/owner`, { user_id: t.m1.id }), 403, 'FORBIDDEN');
    expectRefused(await call(t.owner, 'PUT', `/conversations/${t.id}/owner`, { user_id: outsider.id }), 404, 'NOT_FOUND');
    expectRefused(await call(t.owner, 'PUT', `/conversations/${t.id}/owner`, { user_id: t.owner.id }), 400, 'VALIDATION_ERROR');
    expectRefused(await call(t.owner, 'PUT', `/conversations/${t.id}/owner`, {}), 400, 'VALIDATION_ERROR');
    const r = await call(t.owner, 'PUT', `/conversations/${t.id}/owner`, { user_id: t.m1.id });
    expect(r.status).toBe(200);
    expect(r.body.owner_id).toBe(t.m1.id);
    await c.next(() => eventsOf(c, 'group_updated', t.id).length > 0);
    expect(eventsOf(c, 'group_updated', t.id)[0]).toMatchObject({ ownerId: t.m1.id, byUserId: t.owner.id });
    const roles = await api<{ members: { user_id: string; role: string }[] }>(rest, 'GET', `/conversations/${t.id}/members`, t.m1.token);
    expect(new Map(roles.body.members.map((m) => [m.user_id, m.role])).get(t.owner.id)).toBe('admin');
    expect(roles.body.members.find((m) => m.user_id === t.m1.id)?.role).toBe('owner');
    expectRefused(await call(t.owner, 'DELETE', `/conversations/${t.id}`), 403, 'FORBIDDEN');
  });
});

describe('mutes', () => {
  it('a timed mute refuses the member\'s sends until it ends; unmute lifts a mute without an end', async () => {
    const t = await team();
    const [cm, co] = await Promise.all([suite.connect(ws, t.m1), suite.connect(ws, t.owner)]);
    const muted = await call(t.admin, 'PUT', `/conversations/${t.id}/members/${t.m1.id}/mute`, { duration_seconds: 2 });
    expect(muted.status).toBe(200);
    expect(muted.body).toMatchObject({ user_id: t.m1.id, muted: true });
    expect(muted.body.muted_until as number).toBeGreaterThan(Date.now());
    await co.next(() => eventsOf(co, 'member_muted', t.id).length > 0);
    expect(eventsOf(co, 'member_muted', t.id)[0]).toEqual({ type: 'member_muted', conversationId: t.id, userId: t.m1.id, byUserId: t.admin.id, muted: true, mutedUntil: muted.body.muted_until });
    expect(await wsSend(cm, t.id)).toMatchObject({ type: 'error', code: 'MUTED' });
    expectRefused(await restSend(t.m1, t.id), 403, 'MUTED');
    expect((await call(t.m1, 'GET', `/conversations/${t.id}`)).body.membership).toMatchObject({ muted: true, muted_until: muted.body.muted_until });
    await new Promise((r) => setTimeout(r, Math.max(0, (muted.body.muted_until as number) - Date.now()) + 200));
    expect((await wsSend(cm, t.id)).type).toBe('ack');
    expect((await call(t.m1, 'GET', `/conversations/${t.id}`)).body.membership).toMatchObject({ muted: false, muted_until: null });

    expect((await call(t.owner, 'PUT', `/conversations/${t.id}/members/${t.m1.id}/mute`, {})).body).toEqual({ user_id: t.m1.id, muted: true, muted_until: null });
    expect(await wsSend(cm, t.id)).toMatchObject({ type: 'error', code: 'MUTED' });
    expect((await call(t.admin, 'DELETE', `/conversations/${t.id}/members/${t.m1.id}/mute`)).body).toEqual({ user_id: t.m1.id, muted: false, muted_until: null });
    expect((await wsSend(cm, t.id)).type).toBe('ack');
  });

  it('follows the role rules: nobody mutes the owner, only the owner mutes an admin, members mute nobody', async () => {
    const t = await team();
    const outsider = await registerUser(rest, 'gz');
    const mute = (by: User, target: User, body: unknown = { duration_seconds: 60 }) => call(by, 'PUT', `/conversations/${t.id}/members/${target.id}/mute`, body);
    expectRefused(await mute(t.admin, t.owner), 403, 'FORBIDDEN');
    expectRefused(await mute(t.m1, t.m2), 403, 'FORBIDDEN');
    expectRefused(await call(t.m1, 'DELETE', `/conversations/${t.id}/members/${t.m2.id}/mute`), 403, 'FORBIDDEN');
    const admin2 = t.m2;
    expect((await call(t.owner, 'PUT', `/conversations/${t.id}/members/${admin2.id}/role`, { role: 'admin' })).status).toBe(204);
    expectRefused(await mute(t.admin, admin2), 403, 'FORBIDDEN');
    expect((await mute(t.owner, t.admin)).status).toBe(200);
    expectRefused(await mute(t.owner, t.owner), 400, 'VALIDATION_ERROR');
    expectRefused(await mute(t.owner, outsider), 404, 'NOT_FOUND');
    for (const body of [{ duration_seconds: 0 }, { duration_seconds: 1.5 }, { duration_seconds: 366 * 24 * 3600 + 1 }, { until: 5 }]) {
      expectRefused(await mute(t.owner, t.m1, body), 400, 'VALIDATION_ERROR');
    }
  });

  it('mute-all refuses members (GROUP_MUTED) but not the owner or admins, until turned off', async () => {
    const t = await team();
    const [cm, ca, co] = await Promise.all([suite.connect(ws, t.m1), suite.connect(ws, t.admin), suite.connect(ws, t.owner)]);
    const on = await call(t.admin, 'PUT', `/conversations/${t.id}/mute-all`, { enabled: true });
    expect(on.body.mute_all).toBe(true);
    await cm.next(() => eventsOf(cm, 'group_updated', t.id).length > 0);
    expect(eventsOf(cm, 'group_updated', t.id)[0]).toMatchObject({ muteAll: true, byUserId: t.admin.id });
    expect(await wsSend(cm, t.id)).toMatchObject({ type: 'error', code: 'GROUP_MUTED' });
    expectRefused(await restSend(t.m1, t.id), 403, 'GROUP_MUTED');
    expect((await wsSend(ca, t.id)).type).toBe('ack');
    expect((await wsSend(co, t.id)).type).toBe('ack');
    expect((await call(t.owner, 'PUT', `/conversations/${t.id}/mute-all`, { enabled: false })).body.mute_all).toBe(false);
    expect((await wsSend(cm, t.id)).type).toBe('ack');
  });
});

describe('dissolving', () => {
  it('members hear group_dissolved; history stays readable; sends and changes get GROUP_DISSOLVED; members may still leave', async () => {
    const t = await team();
    await post(rest, t.m1, t.id, 'before');
    const cm = await suite.connect(ws, t.m1);
    expectRefused(await call(t.admin, 'DELETE', `/conversations/${t.id}`), 403, 'FORBIDDEN');
    const gone = await call(t.owner, 'DELETE', `/conversations/${t.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.dissolved).toBe(true);
    await cm.next(() => eventsOf(cm, 'group_dissolved', t.id).length > 0);
    expect(eventsOf(cm, 'group_dissolved', t.id)[0]).toEqual({ type: 'group_dissolved', conversationId: t.id, byUserId: t.owner.id });
    expect(await wsSend(cm, t.id)).toMatchObject({ type: 'error', code: 'GROUP_DISSOLVED' });
    expectRefused(await restSend(t.owner, t.id), 409, 'GROUP_DISSOLVED');
    const history = await api<{ messages: { content: string }[] }>(rest, 'GET', `/conversations/${t.id}/messages`, t.m2.token);
    expect(history.body.messages.map((m) => m.content)).toEqual(['before']);
    expectRefused(await call(t.owner, 'PATCH', `/conversations/${t.id}`, { name: 'x' }), 409, 'GROUP_DISSOLVED');
    expectRefused(await call(t.owner, 'DELETE', `/conversations/${t.id}`), 409, 'GROUP_DISSOLVED');
    expectRefused(await call(t.owner, 'PUT', `/conversations/${t.id}/members/${t.m1.id}/mute`, {}), 409, 'GROUP_DISSOLVED');
    expectRefused(await call(t.owner, 'POST', `/conversations/${t.id}/members`, { user_ids: [(await registerUser(rest, 'gq')).id] }), 409, 'GROUP_DISSOLVED');
    expect((await call(t.m2, 'DELETE', `/conversations/${t.id}/members/${t.m2.id}`)).status).toBe(204);
  });
});

describe('conversation settings', () => {
  interface Item { conversation: { id: string }; membership: { do_not_disturb: boolean; pinned: boolean } }
  const list = async (user: User) => (await api<{ conversations: Item[] }>(rest, 'GET', '/conversations?limit=100', user.token)).body.conversations;
  const ids = async (user: User, only: string[]) => (await list(user)).map((i) => i.conversation.id).filter((id) => only.includes(id));

  it('pin lists first, hide leaves out until a new message, do-not-disturb is reported; each only for the member who set it', async () => {
    const [me, other] = await Promise.all([registerUser(rest, 'sa'), registerUser(rest, 'sb')]);
    const groups: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await createGroup(rest, other, [me], `s${i}`);
      await post(rest, other, id, `m${i}`);
      groups.push(id);
    }
    const [g1, g2, g3] = groups as [string, string, string];
    expect(await ids(me, groups)).toEqual([g3, g2, g1]);

    const pinned = await call(me, 'PUT', `/conversations/${g1}/settings`, { pinned: true, do_not_disturb: true });
    expect(pinned.body).toEqual({ do_not_disturb: true, pinned: true, hidden: false });
    expect(await ids(me, groups)).toEqual([g1, g3, g2]);
    expect((await list(me)).find((i) => i.conversation.id === g1)?.membership).toMatchObject({ do_not_disturb: true, pinned: true });
    expect(await ids(other, groups)).toEqual([g3, g2, g1]);
    expect((await call(me, 'GET', `/conversations/${g1}`)).body.membership).toMatchObject({ do_not_disturb: true, pinned: true });
    expect((await call(other, 'GET', `/conversations/${g1}`)).body.membership).toMatchObject({ do_not_disturb: false, pinned: false });

    expect((await call(me, 'PUT', `/conversations/${g3}/settings`, { hidden: true })).body).toMatchObject({ hidden: true });
    expect(await ids(me, groups)).toEqual([g1, g2]);
    await post(rest, other, g3, 'back');
    expect(await ids(me, groups)).toEqual([g1, g3, g2]);
    expect((await call(me, 'PUT', `/conversations/${g1}/settings`, { pinned: false })).body).toEqual({ do_not_disturb: true, pinned: false, hidden: false });
    expect(await ids(me, groups)).toEqual([g3, g2, g1]);
  });

  it('refuses non-members and bad input', async () => {
    const [me, other] = await Promise.all([registerUser(rest, 'sc'), registerUser(rest, 'sd')]);
    const id = await createGroup(rest, other, []);
    expectRefused(await call(me, 'PUT', `/conversations/${id}/settings`, { pinned: true }), 403, 'NOT_CONVERSATION_MEMBER');
    for (const body of [{}, { pinned: 'yes' }, { muted: true }]) expectRefused(await call(other, 'PUT', `/conversations/${id}/settings`, body), 400, 'VALIDATION_ERROR');
  });
});
