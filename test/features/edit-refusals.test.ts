// The refusals of PATCH /messages/{id}, through the real gateway app (in this process, driven
// with inject) on the real stores: each answers with its documented code and leaves the stored
// message as it was. A second app with MESSAGE_EDIT_WINDOW_SECONDS=1 shows the window.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../config/index.ts';
import type { WireMessage } from '../../contract/index.ts';
import { getMessage, repoCtx, saveMessage } from '../../repo/index.ts';
import { buildGateway, call, errorOf, registerUser, type TestUser } from '../gateway/helpers.ts';

const MAX_BYTES = 100;
let gw: FastifyInstance;
let shortWindow: FastifyInstance;

beforeAll(async () => {
  [{ app: gw }, { app: shortWindow }] = await Promise.all([
    buildGateway({ MAX_MESSAGE_BYTES: String(MAX_BYTES) }),
    buildGateway({ MESSAGE_EDIT_WINDOW_SECONDS: '1' }),
  ]);
});
afterAll(async () => {
  await Promise.all([gw?.close(), shortWindow?.close()]);
});

async function group(app: FastifyInstance, owner: TestUser, members: TestUser[]): Promise<string> {
  const res = await call(app, { method: 'POST', url: '/conversations', token: owner.token, payload: { name: 'edits', member_ids: members.map((m) => m.id) } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function store(app: FastifyInstance, conversationId: string, sender: TestUser, content: string, messageType = 1): Promise<string> {
  const saved = await saveMessage(repoCtx(app.orm, app.redis), { conversationId, senderId: sender.id, clientMsgId: `e-${crypto.randomUUID()}`, messageType, content });
  return saved.messageId;
}

const edit = (app: FastifyInstance, user: TestUser, messageId: string, payload: unknown) =>
  call(app, { method: 'PATCH', url: `/messages/${messageId}`, token: user.token, payload: payload as Record<string, unknown> });

/** The stored row: content and edited_at as written. */
async function stored(app: FastifyInstance, messageId: string) {
  const m = await getMessage(repoCtx(app.orm, app.redis), messageId);
  return { content: m?.content, editedAt: m?.editedAt ?? null };
}

describe('PATCH /messages/{id} refusals', () => {
  let a: TestUser;
  let b: TestUser;
  let conversationId: string;
  beforeAll(async () => {
    [a, b] = await Promise.all([registerUser(gw, 'era'), registerUser(gw, 'erb')]);
    conversationId = await group(gw, a, [b]);
  });

  it.each([
    ['empty content', { content: '' }, 'body.content'],
    ['no content', {}, 'content'],
    ['content not a string', { content: 42 }, 'content'],
    ['an unknown field', { content: 'x', msg_type: 2 }, 'msg_type'],
    ['content over MAX_MESSAGE_BYTES in bytes (fewer characters)', { content: '€'.repeat(40) }, `${MAX_BYTES} bytes`],
  ])('refuses %s with VALIDATION_ERROR and stores nothing', async (_name, payload, mentions) => {
    const id = await store(gw, conversationId, a, 'original');
    const res = await edit(gw, a, id, payload);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_ERROR');
    expect(errorOf(res).message).toContain(mentions);
    expect(await stored(gw, id)).toEqual({ content: 'original', editedAt: null });
  });

  it('refuses a message you did not send with FORBIDDEN', async () => {
    const id = await store(gw, conversationId, a, 'mine');
    const res = await edit(gw, b, id, { content: 'yours now' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await stored(gw, id)).toEqual({ content: 'mine', editedAt: null });
  });

  it('refuses someone outside the conversation with NOT_CONVERSATION_MEMBER, and an unknown message with NOT_FOUND', async () => {
    const outsider = await registerUser(gw, 'ero');
    const id = await store(gw, conversationId, a, 'inside');
    expect(errorOf(await edit(gw, outsider, id, { content: 'x' })).code).toBe('NOT_CONVERSATION_MEMBER');
    const missing = await edit(gw, a, '18446744073709551615', { content: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    expect(await stored(gw, id)).toEqual({ content: 'inside', editedAt: null });
  });

  it('refuses a recalled message with MESSAGE_NOT_EDITABLE', async () => {
    const id = await store(gw, conversationId, a, 'regret');
    expect((await call(gw, { method: 'DELETE', url: `/messages/${id}`, token: a.token })).statusCode).toBe(200);
    const res = await edit(gw, a, id, { content: 'rewritten' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('MESSAGE_NOT_EDITABLE');
    const row = await stored(gw, id);
    expect(row).toEqual({ content: '', editedAt: null });
    const history = await call(gw, { method: 'GET', url: `/conversations/${conversationId}/messages`, token: b.token });
    expect(history.json<{ messages: WireMessage[] }>().messages.find((m) => m.message_id === id)).toMatchObject({ recalled: true, content: '' });
  });

  it('refuses a message that is not text with MESSAGE_NOT_EDITABLE', async () => {
    const id = await store(gw, conversationId, a, '{"sticker":7}', 2);
    const res = await edit(gw, a, id, { content: 'text now' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('MESSAGE_NOT_EDITABLE');
    expect(await stored(gw, id)).toEqual({ content: '{"sticker":7}', editedAt: null });
  });

  it('takes the same content again as a success that changes nothing', async () => {
    const id = await store(gw, conversationId, a, 'same');
    const untouched = await edit(gw, a, id, { content: 'same' });
    expect(untouched.statusCode).toBe(200);
    expect(untouched.json()).not.toHaveProperty('edited_at');
    expect(await stored(gw, id)).toEqual({ content: 'same', editedAt: null });

    const first = await edit(gw, a, id, { content: 'changed' });
    const again = await edit(gw, a, id, { content: 'changed' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await stored(gw, id)).toEqual({ content: 'changed', editedAt: first.json<WireMessage>().edited_at });
  });
});

describe('the edit window', () => {
  it('refuses an edit after MESSAGE_EDIT_WINDOW_SECONDS with EDIT_WINDOW_PASSED, after allowing one within it', async () => {
    const [a, b] = await Promise.all([registerUser(shortWindow, 'ewa'), registerUser(shortWindow, 'ewb')]);
    const conversationId = await group(shortWindow, a, [b]);
    const fresh = await store(shortWindow, conversationId, a, 'quick');
    expect((await edit(shortWindow, a, fresh, { content: 'quick fix' })).statusCode).toBe(200);

    const old = await store(shortWindow, conversationId, a, 'slow');
    await new Promise((r) => setTimeout(r, 1300));
    const res = await edit(shortWindow, a, old, { content: 'too late' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('EDIT_WINDOW_PASSED');
    expect(await stored(shortWindow, old)).toEqual({ content: 'slow', editedAt: null });
  });

  it('is read from MESSAGE_EDIT_WINDOW_SECONDS (default 900 s) and refused when malformed', () => {
    expect(loadConfig({}).chat.editWindowMs).toBe(900_000);
    expect(loadConfig({ MESSAGE_EDIT_WINDOW_SECONDS: '60' }).chat.editWindowMs).toBe(60_000);
    for (const bad of ['-1', 'soon', '1.5', String(8 * 24 * 3600)]) {
      expect(() => loadConfig({ MESSAGE_EDIT_WINDOW_SECONDS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ MESSAGE_EDIT_WINDOW_SECONDS: bad })).toThrow(/MESSAGE_EDIT_WINDOW_SECONDS/);
    }
  });
});
