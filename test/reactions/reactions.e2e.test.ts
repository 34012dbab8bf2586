// Reactions end to end: two gateway processes, a logic worker, real sockets. A reaction over REST
// reaches every device of every member on both gateways; history shows counts and the viewer's
// own; repeats change nothing; kinds are bounded; bad emoji, non-members and recalled messages
// are refused with nothing stored; a device that was away learns the current reactions by sync.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_REACTION_KINDS, type ReactionCount, type WireMessage } from '../../contract/index.ts';
import type { GoChatEvents } from '../../sdk/src/index.ts';
import { uniqueName } from '../helpers/config.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { waitFor } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { newClient } from '../sdk/clients.ts';
import { errorsOf, eventsOf, post, reactionPath, settle, type ReactionEvent } from './helpers.ts';

const suite = clusterForSuite({ gateways: 2 });
const { connect } = suite;
let gw1: string;
let gw2: string;
let rest: string;
let rest2: string;

interface Answer {
  conversation_id: string;
  message_id: string;
  seq: number;
  changed: boolean;
  version: number;
  reactions: ReactionCount[];
}

const react = (user: User, conversationId: string, messageId: string, emoji: string, method: 'PUT' | 'DELETE' = 'PUT', via = rest) =>
  api<Answer & { code?: string; field?: string; message?: string }>(via, method, reactionPath(conversationId, messageId, emoji), user.token);

async function history(user: User, conversationId: string): Promise<WireMessage[]> {
  const r = await api<{ messages: WireMessage[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, user.token);
  expect(r.status).toBe(200);
  return r.body.messages;
}

const reactionsIn = (messages: WireMessage[], messageId: string) => messages.find((m) => m.message_id === messageId)?.reactions;

beforeAll(() => {
  [gw1, gw2] = suite.ws as [string, string];
  [rest, rest2] = suite.rest as [string, string];
});

describe('reactions over REST', () => {
  it("reach every device of every member on both gateways, the reactor's own included", async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'xa'), registerUser(rest, 'xb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const m = await post(rest, a, conversationId);
    const [a1, b1, b2] = await Promise.all([connect(gw2, a), connect(gw1, b), connect(gw2, b)]);

    const added = await react(b, conversationId, m.message_id, '👍');
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ conversation_id: conversationId, message_id: m.message_id, seq: m.seq, changed: true, version: 1, reactions: [{ emoji: '👍', count: 1, me: true }] });
    const expected: ReactionEvent = { type: 'reaction', conversationId, messageId: m.message_id, seq: m.seq, userId: b.id, emoji: '👍', op: 'add', counts: [{ emoji: '👍', count: 1 }], version: 1 };
    for (const c of [a1, b1, b2]) {
      await waitFor('reaction event', () => eventsOf(c, 'reaction', conversationId).length >= 1);
      expect(eventsOf<ReactionEvent>(c, 'reaction', conversationId)[0]).toEqual(expected);
    }

    const removed = await react(b, conversationId, m.message_id, '👍', 'DELETE', rest2);
    expect(removed.body).toMatchObject({ changed: true, version: 2, reactions: [] });
    for (const c of [a1, b1, b2]) {
      await waitFor('removal event', () => eventsOf(c, 'reaction', conversationId).length >= 2);
      expect(eventsOf<ReactionEvent>(c, 'reaction', conversationId)[1]).toEqual({ ...expected, op: 'remove', counts: [], version: 2 });
    }
  });

  it('show in history with their counts and whether the viewer reacted; adding twice or taking back one never given changes nothing', async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'ha'), registerUser(rest, 'hb'), registerUser(rest, 'hc')]);
    const conversationId = await createGroup(rest, a, [b, c]);
    const m1 = await post(rest, a, conversationId, 'one');
    const m2 = await post(rest, a, conversationId, 'two');
    expect((await react(b, conversationId, m1.message_id, '👍')).status).toBe(200);
    expect((await react(c, conversationId, m1.message_id, '👍')).status).toBe(200);
    expect((await react(c, conversationId, m1.message_id, '🎉')).status).toBe(200);

    const twice = await react(b, conversationId, m1.message_id, '👍');
    expect(twice.body).toMatchObject({ changed: false, version: 3, reactions: [{ emoji: '👍', count: 2, me: true }, { emoji: '🎉', count: 1, me: false }] });
    const never = await react(a, conversationId, m1.message_id, '😀', 'DELETE');
    expect(never.status).toBe(200);
    expect(never.body).toMatchObject({ changed: false, version: 3 });

    const seenByB = await history(b, conversationId);
    expect(reactionsIn(seenByB, m1.message_id)).toEqual([{ emoji: '👍', count: 2, me: true }, { emoji: '🎉', count: 1, me: false }]);
    expect(seenByB.find((x) => x.message_id === m2.message_id)).not.toHaveProperty('reactions');
    expect(reactionsIn(await history(a, conversationId), m1.message_id)).toEqual([{ emoji: '👍', count: 2, me: false }, { emoji: '🎉', count: 1, me: false }]);
    expect(reactionsIn(await history(c, conversationId), m1.message_id)).toEqual([{ emoji: '👍', count: 2, me: true }, { emoji: '🎉', count: 1, me: true }]);
  });

  it(`allow ${MAX_REACTION_KINDS} kinds on a message and refuse another with REACTION_LIMIT`, async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ka'), registerUser(rest, 'kb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const m = await post(rest, a, conversationId);
    const kinds = [...'😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗😚😙😋'].slice(0, MAX_REACTION_KINDS + 1);
    expect(new Set(kinds).size).toBe(MAX_REACTION_KINDS + 1);
    for (const emoji of kinds.slice(0, MAX_REACTION_KINDS)) expect((await react(a, conversationId, m.message_id, emoji)).status).toBe(200);
    const over = await react(b, conversationId, m.message_id, kinds.at(-1)!);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('REACTION_LIMIT');
    // More of a kind already there is fine.
    expect((await react(b, conversationId, m.message_id, kinds[0]!)).status).toBe(200);
    const shown = reactionsIn(await history(b, conversationId), m.message_id)!;
    expect(shown).toHaveLength(MAX_REACTION_KINDS);
    expect(shown[0]).toEqual({ emoji: kinds[0], count: 2, me: true });
    expect(shown.map((r) => r.emoji)).not.toContain(kinds.at(-1));
  });

  it('refuse what is not one emoji with VALIDATION_ERROR on params.emoji, storing and announcing nothing', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ea'), registerUser(rest, 'eb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const m = await post(rest, a, conversationId);
    const cb = await connect(gw2, b);
    for (const bad of ['a', ':+1:', '👍👍', '❤', '👍 ', 'x🏽']) {
      const r = await react(a, conversationId, m.message_id, bad);
      expect(r.status, bad).toBe(400);
      expect(r.body, bad).toMatchObject({ code: 'VALIDATION_ERROR', field: 'params.emoji' });
      expect(r.body.message).toContain('emoji');
    }
    const tooLong = await react(a, conversationId, m.message_id, '👍'.repeat(60));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('VALIDATION_ERROR');
    await settle(cb);
    expect(eventsOf(cb, 'reaction', conversationId)).toEqual([]);
    expect(reactionsIn(await history(a, conversationId), m.message_id)).toBeUndefined();
  });

  it('refuse a non-member with NOT_CONVERSATION_MEMBER, and a message of another conversation with NOT_FOUND', async () => {
    const [a, b, outsider] = await Promise.all([registerUser(rest, 'na'), registerUser(rest, 'nb'), registerUser(rest, 'no')]);
    const conversationId = await createGroup(rest, a, [b]);
    const elsewhere = await createGroup(rest, b, []);
    const m = await post(rest, a, conversationId);
    const refused = await react(outsider, conversationId, m.message_id, '👍');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_CONVERSATION_MEMBER');
    const wrongConversation = await react(b, elsewhere, m.message_id, '👍');
    expect(wrongConversation.status).toBe(404);
    expect(wrongConversation.body.code).toBe('NOT_FOUND');
    expect((await react(b, '18446744073709551615', m.message_id, '👍')).body.code).toBe('NOT_FOUND');
    expect(reactionsIn(await history(a, conversationId), m.message_id)).toBeUndefined();
  });

  it('refuse changes to a recalled message with MESSAGE_RECALLED, and show it without reactions', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ra'), registerUser(rest, 'rb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const m = await post(rest, a, conversationId);
    expect((await react(b, conversationId, m.message_id, '👍')).status).toBe(200);
    expect((await api(rest, 'DELETE', `/messages/${m.message_id}`, a.token)).status).toBe(200);
    for (const method of ['PUT', 'DELETE'] as const) {
      const r = await react(b, conversationId, m.message_id, '👍', method);
      expect(r.status, method).toBe(409);
      expect(r.body.code, method).toBe('MESSAGE_RECALLED');
    }
    const shown = (await history(b, conversationId)).find((x) => x.message_id === m.message_id)!;
    expect(shown).toMatchObject({ recalled: true, content: '' });
    expect(shown).not.toHaveProperty('reactions');
  });
});

describe('a device that was away', () => {
  it('gets the current reactions of the messages it holds by sync with since, and of new messages with them', async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'oa'), registerUser(rest, 'ob'), registerUser(rest, 'oc')]);
    const conversationId = await createGroup(rest, a, [b, c]);
    const m1 = await post(rest, a, conversationId, 'one');
    const m2 = await post(rest, a, conversationId, 'two');
    const cb = await connect(gw1, b);
    cb.send({ type: 'sync', conversations: { [conversationId]: 0 } });
    await cb.next((f) => f.type === 'sync');
    const lastSeen = Date.now();
    await cb.close();

    await react(a, conversationId, m1.message_id, '👍');
    await react(c, conversationId, m1.message_id, '🎉');
    await react(c, conversationId, m1.message_id, '🎉', 'DELETE');
    await react(c, conversationId, m2.message_id, '❤️');
    await react(c, conversationId, m2.message_id, '❤️', 'DELETE');
    const m3 = await post(rest, a, conversationId, 'three');
    await react(b, conversationId, m3.message_id, '😂', 'PUT', rest2);

    const back = await connect(gw2, b);
    back.send({ type: 'sync', conversations: { [conversationId]: 2 }, since: lastSeen });
    const sync = await back.next((f) => f.type === 'sync');
    expect(sync.messages).toEqual([expect.objectContaining({ message_id: m3.message_id, reactions: [{ emoji: '😂', count: 1, me: true }] })]);
    expect(sync.reacted).toEqual([
      { message_id: m1.message_id, seq: 1, reactions: [{ emoji: '👍', count: 1, me: false }], version: 3 },
      { message_id: m2.message_id, seq: 2, reactions: [], version: 2 },
    ]);
    expect(errorsOf(back)).toEqual([]);

    // Without `since`, messages after the seq still come with their reactions now.
    back.send({ type: 'sync', conversations: { [conversationId]: 0 } });
    await waitFor('second sync', () => back.all((f) => f.type === 'sync').length === 2);
    const full = back.all((f) => f.type === 'sync')[1]!;
    expect(full).not.toHaveProperty('reacted');
    expect((full.messages as WireMessage[]).map((x) => x.reactions)).toEqual([[{ emoji: '👍', count: 1, me: false }], undefined, [{ emoji: '😂', count: 1, me: true }]]);
  });
});

describe('the SDK', () => {
  it('reacts, takes back, and applies reaction events to the held messages', async () => {
    const [alice, bob] = [newClient(rest), newClient(rest2)];
    try {
      await Promise.all([alice.register(uniqueName('sxa').slice(0, 32), 'correct-horse-9'), bob.register(uniqueName('sxb').slice(0, 32), 'correct-horse-9')]);
      const { data } = await alice.rest.POST('/conversations', { body: { name: 'reactions', member_ids: [bob.userId!] } });
      const conversationId = data!.id;
      await Promise.all([alice.connect(), bob.connect()]);
      const heard: GoChatEvents['reaction'][] = [];
      alice.on('reaction', (e) => heard.push(e));
      const sent = await alice.send(conversationId, 'react to me');
      await waitFor('bob holds it', () => bob.messages(conversationId).some((m) => m.message_id === sent.message_id));

      expect(await bob.react(conversationId, sent.message_id, '👍')).toEqual([{ emoji: '👍', count: 1, me: true }]);
      expect(bob.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions).toEqual([{ emoji: '👍', count: 1, me: true }]);
      await waitFor('alice sees it', () => alice.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions?.[0]?.count === 1);
      expect(alice.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions).toEqual([{ emoji: '👍', count: 1, me: false }]);
      expect(heard[0]).toMatchObject({ conversationId, messageId: sent.message_id, change: { userId: bob.userId, emoji: '👍', op: 'add' } });

      await alice.react(conversationId, sent.message_id, '👍');
      await waitFor('bob sees two', () => bob.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions?.[0]?.count === 2);
      expect(bob.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions).toEqual([{ emoji: '👍', count: 2, me: true }]);

      await bob.unreact(conversationId, sent.message_id, '👍');
      await alice.unreact(conversationId, sent.message_id, '👍');
      await waitFor('none left', () => !bob.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions);
      await waitFor('none left for alice', () => !alice.messages(conversationId).find((m) => m.message_id === sent.message_id)?.reactions);
      await expect(bob.react(conversationId, sent.message_id, 'thumbs up')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });
});
