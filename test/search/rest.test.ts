// Message search over REST on the real stack: messages are stored by the repo's two write paths
// (the logic worker's batch store and the single save), then found, paged and refused through
// the gateway. Every text carries a marker no other test uses, since the world conversation and
// the database are shared.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoCtx, saveMessage } from '../../repo/index.ts';
import { call, errorOf, buildGateway, registerUser, type TestUser } from '../gateway/helpers.ts';
import { deleteMessage, saveMessages } from '../helpers/repo-state.ts';

interface Page {
  messages: { message_id: string; conversation_id: string; seq: number; sender_id: string; content: string; recalled: boolean; client_msg_id: string }[];
  has_more: boolean;
  next_before_id: string | null;
}

let gw: FastifyInstance;
beforeAll(async () => {
  ({ app: gw } = await buildGateway());
});
afterAll(async () => {
  await gw?.close();
});

/** A word no other message anywhere holds. */
const marker = () => `zq${randomBytes(5).toString('hex')}`;
const ctx = () => repoCtx(gw.orm, gw.redis);

async function group(owner: TestUser, members: TestUser[]): Promise<string> {
  const res = await call(gw, { method: 'POST', url: '/conversations', token: owner.token, payload: { name: 'search', member_ids: members.map((m) => m.id) } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Stores through the batch path (what the logic worker runs); returns the ids in order. */
async function store(conversationId: string, senderId: string, contents: string[]): Promise<string[]> {
  const results = await saveMessages(ctx(), conversationId, contents.map((content) => ({ conversationId, senderId, clientMsgId: `s-${crypto.randomUUID()}`, messageType: 1, content })));
  return results.map((r) => {
    if (!r.ok) throw new Error(`not stored: ${r.message}`);
    return r.saved.messageId;
  });
}

async function search(user: TestUser, q: string, opts: { conversationId?: string; limit?: number; beforeId?: string } = {}) {
  const query = new URLSearchParams({ q, ...(opts.limit ? { limit: String(opts.limit) } : {}), ...(opts.beforeId ? { before_id: opts.beforeId } : {}) });
  const path = opts.conversationId ? `/conversations/${opts.conversationId}/messages/search` : '/messages/search';
  return call(gw, { method: 'GET', url: `${path}?${query.toString()}`, token: user.token });
}

async function found(user: TestUser, q: string, opts: { conversationId?: string; limit?: number; beforeId?: string } = {}): Promise<Page> {
  const res = await search(user, q, opts);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

const contents = (p: Page) => p.messages.map((m) => m.content);

describe('message search: what matches', () => {
  it('finds Chinese text by a word inside it, and not by characters that are not next to each other', async () => {
    const [a, b] = await Promise.all([registerUser(gw, 'sa'), registerUser(gw, 'sb')]);
    const conv = await group(a, [b]);
    const m = marker();
    await store(conv, a.id, [`这是一条测试消息 ${m}`, `今天天气很好 ${m}`, `消除误会 ${m}`]);

    expect(contents(await found(b, `消息 ${m}`, { conversationId: conv }))).toEqual([`这是一条测试消息 ${m}`]);
    expect(contents(await found(b, `测试消息 ${m}`, { conversationId: conv }))).toEqual([`这是一条测试消息 ${m}`]);
    expect(contents(await found(b, `${m} 天气`))).toEqual([`今天天气很好 ${m}`]);
    // 消 and 息 both occur in "这是一条测试消息", but "息消" is in no message.
    expect(contents(await found(b, `息消 ${m}`, { conversationId: conv }))).toEqual([]);
    expect(contents(await found(b, `明天 ${m}`, { conversationId: conv }))).toEqual([]);
  });

  it('finds every message holding a single CJK character, wherever it stands in the text', async () => {
    const a = await registerUser(gw, 'sc');
    const conv = await group(a, []);
    const m = marker();
    // 消 first, in the middle, last, and alone; 好 holds none of it.
    await store(conv, a.id, [`消除 ${m}`, `取消了 ${m}`, `取消 ${m}`, `消 ${m}`, `好 ${m}`]);
    const page = await found(a, `消 ${m}`, { conversationId: conv });
    expect(contents(page).sort()).toEqual([`消 ${m}`, `消除 ${m}`, `取消 ${m}`, `取消了 ${m}`].sort());
  });

  it('matches English words case-insensitively, by their beginning, whatever the accents and punctuation', async () => {
    const a = await registerUser(gw, 'sd');
    const conv = await group(a, []);
    const m = marker();
    await store(conv, a.id, [`Meeting at the CAFÉ tomorrow, ${m}!`, `meetings are long ${m}`, `the weather is fine ${m}`, `ok ${m}`]);
    expect(contents(await found(a, `MEETING ${m}`, { conversationId: conv })).sort()).toEqual([`Meeting at the CAFÉ tomorrow, ${m}!`, `meetings are long ${m}`].sort());
    expect(contents(await found(a, `cafe ${m}`, { conversationId: conv }))).toEqual([`Meeting at the CAFÉ tomorrow, ${m}!`]);
    // Words InnoDB would drop by default: a stopword and a word under three letters.
    expect(contents(await found(a, `the ${m}`, { conversationId: conv })).sort()).toEqual([`Meeting at the CAFÉ tomorrow, ${m}!`, `the weather is fine ${m}`].sort());
    expect(contents(await found(a, `OK ${m}`, { conversationId: conv }))).toEqual([`ok ${m}`]);
    expect(contents(await found(a, `weather tomorrow ${m}`, { conversationId: conv }))).toEqual([]);
  });

  it('finds mixed Chinese and English text, and messages stored by the one-message save', async () => {
    const a = await registerUser(gw, 'se');
    const conv = await group(a, []);
    const m = marker();
    const saved = await saveMessage(ctx(), { conversationId: conv, senderId: a.id, clientMsgId: `one-${m}`, messageType: 1, content: `${m}发布了新版本Release 2.0` });
    const page = await found(a, `新版本 release ${m}`, { conversationId: conv });
    expect(page.messages.map((x) => x.message_id)).toEqual([saved.messageId]);
  });
});

describe('message search: scope and paging', () => {
  it('answers in the shape history uses, within one conversation or across all of the caller\'s', async () => {
    const [a, b, c] = await Promise.all([registerUser(gw, 'sf'), registerUser(gw, 'sg'), registerUser(gw, 'sh')]);
    const ab = await group(a, [b]);
    const ac = await group(a, [c]);
    const m = marker();
    const [inAb] = await store(ab, b.id, [`hello from ab ${m}`]);
    const [inAc] = await store(ac, c.id, [`hello from ac ${m}`]);

    const everywhere = await found(a, `hello ${m}`);
    expect(everywhere.messages.map((x) => [x.message_id, x.conversation_id])).toEqual([[inAc, ac], [inAb, ab]]);
    expect(everywhere).toMatchObject({ has_more: false, next_before_id: null });
    const history = await call(gw, { method: 'GET', url: `/conversations/${ab}/messages`, token: a.token });
    expect(everywhere.messages[1]).toEqual(history.json<{ messages: unknown[] }>().messages.at(-1));

    expect((await found(a, `hello ${m}`, { conversationId: ab })).messages.map((x) => x.message_id)).toEqual([inAb]);
    // b is in ab only: c's conversation is not searched for b.
    expect((await found(b, `hello ${m}`)).messages.map((x) => x.message_id)).toEqual([inAb]);
  });

  it('pages from newest to oldest with before_id, without gaps or repeats', async () => {
    const a = await registerUser(gw, 'si');
    const conv = await group(a, []);
    const m = marker();
    const ids = await store(conv, a.id, Array.from({ length: 7 }, (_, i) => `第${i}条 page ${m}`));
    const seen: string[] = [];
    let before: string | undefined;
    for (let round = 0; round < 5; round++) {
      const page = await found(a, `page ${m}`, { conversationId: conv, limit: 3, ...(before ? { beforeId: before } : {}) });
      seen.push(...page.messages.map((x) => x.message_id));
      expect(page.has_more).toBe(seen.length < 7);
      if (!page.has_more) {
        expect(page.next_before_id).toBeNull();
        break;
      }
      expect(page.next_before_id).toBe(page.messages.at(-1)!.message_id);
      before = page.next_before_id!;
    }
    expect(seen).toEqual([...ids].reverse());
    const across = await found(a, `page ${m}`, { limit: 7 });
    expect(across.messages.map((x) => x.message_id)).toEqual([...ids].reverse());
    expect(across.has_more).toBe(false);
  });
});

describe('message search: what is never found', () => {
  it('refuses a non-member as history does, and an unknown conversation with 404', async () => {
    const [a, outsider] = await Promise.all([registerUser(gw, 'sj'), registerUser(gw, 'sk')]);
    const conv = await group(a, []);
    const m = marker();
    await store(conv, a.id, [`secret plan ${m}`]);
    const res = await search(outsider, `secret ${m}`, { conversationId: conv });
    const history = await call(gw, { method: 'GET', url: `/conversations/${conv}/messages`, token: outsider.token });
    expect(res.statusCode).toBe(403);
    expect([res.statusCode, errorOf(res).code]).toEqual([history.statusCode, errorOf(history).code]);
    expect(errorOf(res).code).toBe('NOT_CONVERSATION_MEMBER');
    expect((await found(outsider, `secret ${m}`)).messages).toEqual([]);
    const unknown = await search(outsider, 'secret', { conversationId: '9223372036854775000' });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('does not find recalled or deleted messages', async () => {
    const a = await registerUser(gw, 'sl');
    const conv = await group(a, []);
    const m = marker();
    const [kept, recalled, deleted] = await store(conv, a.id, [`draft one ${m}`, `draft two ${m}`, `draft three ${m}`]);
    expect((await found(a, `draft ${m}`)).messages).toHaveLength(3);

    const recall = await call(gw, { method: 'DELETE', url: `/messages/${recalled!}`, token: a.token });
    expect(recall.statusCode).toBe(200);
    await deleteMessage(ctx(), deleted!);
    expect((await found(a, `draft ${m}`)).messages.map((x) => x.message_id)).toEqual([kept]);
    expect((await found(a, `draft ${m}`, { conversationId: conv })).messages.map((x) => x.message_id)).toEqual([kept]);
  });

  it('stops finding a conversation\'s messages once the caller is removed from it', async () => {
    const [owner, member] = await Promise.all([registerUser(gw, 'sm'), registerUser(gw, 'sn')]);
    const conv = await group(owner, [member]);
    const m = marker();
    await store(conv, owner.id, [`roadmap ${m}`]);
    expect((await found(member, `roadmap ${m}`)).messages).toHaveLength(1);

    const removed = await call(gw, { method: 'DELETE', url: `/conversations/${conv}/members/${member.id}`, token: owner.token });
    expect(removed.statusCode).toBeLessThan(300);
    expect((await found(member, `roadmap ${m}`)).messages).toEqual([]);
    const within = await search(member, `roadmap ${m}`, { conversationId: conv });
    expect([within.statusCode, errorOf(within).code]).toEqual([403, 'NOT_CONVERSATION_MEMBER']);
    expect((await found(owner, `roadmap ${m}`)).messages).toHaveLength(1);
  });
});

describe('message search: bad input', () => {
  it('answers 400 VALIDATION_ERROR naming q for an empty, blank, too long or unsearchable text', async () => {
    const a = await registerUser(gw, 'so');
    const conv = await group(a, []);
    for (const q of ['', '   ', 'x'.repeat(101), '消'.repeat(101), '?!…', 'x'.repeat(1001)]) {
      for (const conversationId of [undefined, conv]) {
        const res = await search(a, q, conversationId ? { conversationId } : {});
        expect(res.statusCode, `q=${q.slice(0, 10)}`).toBe(400);
        expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_ERROR', field: 'querystring.q' });
      }
    }
    const missing = await call(gw, { method: 'GET', url: '/messages/search', token: a.token });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([400, 'VALIDATION_ERROR']);
    // 100 characters after trimming are fine.
    expect((await search(a, `  ${'消'.repeat(100)}  `)).statusCode).toBe(200);
  });

  it('answers 400 for a bad limit or before_id', async () => {
    const a = await registerUser(gw, 'sp');
    for (const extra of ['limit=0', 'limit=101', 'limit=x', 'before_id=abc', 'before_id=0', 'before_id=18446744073709551616']) {
      const res = await call(gw, { method: 'GET', url: `/messages/search?q=hello&${extra}`, token: a.token });
      expect(res.statusCode, extra).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_ERROR');
    }
  });
});
