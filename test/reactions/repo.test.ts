// The data layer of reactions and delivery receipts on the shared test database: the bound on
// kinds and idempotence under concurrency, one query per page, changes a reconnecting device
// asks for, and the delivered pointer's rules.
import { describe, expect, it } from 'vitest';
import { MAX_REACTION_KINDS } from '../../contract/index.ts';
import {
  addMembers, advanceDeliveredPointer, ConflictError, createGroupConversation, ForbiddenError, getMembers, getMessage, getMessageReceipts,
  getReactedSince, getReactions, NotFoundError, recallMessage, saveMessage, setReaction, updateReadPointer, ValidationError,
  type ReactionInput,
} from '../../repo/index.ts';
import { setupFixture } from '../repo/fixture.ts';

const f = await setupFixture();

/** A group of `n` users (the first owns it) with `messages` messages from the owner. */
async function group(n: number, messages = 1) {
  const users = await f.users(n);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: users[0]!.id, name: 'reactions', memberIds: users.slice(1).map((u) => u.id) });
  const ids: string[] = [];
  for (let i = 0; i < messages; i++) {
    const saved = await saveMessage(f.ctx(), { conversationId: conversation.id, senderId: users[0]!.id, clientMsgId: `r-${crypto.randomUUID()}`, messageType: 1, content: `m${i}` });
    ids.push(saved.messageId);
  }
  return { users, conversationId: conversation.id, ids };
}

const react = (input: Omit<ReactionInput, 'maxKinds' | 'op'> & { op?: 'add' | 'remove' }) => setReaction(f.ctx(), { op: 'add', maxKinds: MAX_REACTION_KINDS, ...input });
const rowsOf = (messageId: string) => f.count('SELECT COUNT(*) AS n FROM message_reactions WHERE message_id = ?', [messageId]);
const EMOJI = ['😀', '😃', '😄', '😁', '😆', '😅', '🤣', '😂', '🙂', '🙃', '😉', '😊', '😇', '🥰', '😍', '🤩', '😘', '😗', '😚', '😙', '😋', '😛', '😜', '🤪', '😝'];

describe('setReaction', () => {
  it('stores one of each kind per user: a second add and a missing remove write nothing', async () => {
    const { users: [a, b], conversationId, ids: [m] } = await group(2);
    const first = await react({ conversationId, messageId: m!, userId: b!.id, emoji: '👍' });
    expect(first).toMatchObject({ changed: true, version: 1, reactions: [{ emoji: '👍', count: 1, me: true }] });
    const again = await react({ conversationId, messageId: m!, userId: b!.id, emoji: '👍' });
    expect(again).toMatchObject({ changed: false, version: 1, reactions: [{ emoji: '👍', count: 1, me: true }] });
    const gone = await react({ conversationId, messageId: m!, userId: a!.id, emoji: '🎉', op: 'remove' });
    expect(gone).toMatchObject({ changed: false, version: 1, reactions: [{ emoji: '👍', count: 1, me: false }] });
    expect(await rowsOf(m!)).toBe(1);
  });

  it('holds the bound on kinds when many users add new kinds at once', async () => {
    const { users, conversationId, ids: [m] } = await group(EMOJI.length);
    const results = await Promise.allSettled(users.map((u, i) => react({ conversationId, messageId: m!, userId: u.id, emoji: EMOJI[i]! })));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r): unknown => r.reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_REACTION_KINDS);
    expect(refused).toHaveLength(EMOJI.length - MAX_REACTION_KINDS);
    for (const err of refused) expect(err).toBeInstanceOf(ConflictError);
    expect(refused.map((e) => (e as ConflictError).reason)).toEqual(Array(EMOJI.length - MAX_REACTION_KINDS).fill('reaction_limit'));
    expect(await f.count('SELECT COUNT(DISTINCT emoji) AS n FROM message_reactions WHERE message_id = ?', [m])).toBe(MAX_REACTION_KINDS);
    // An existing kind is always welcome; the version counted every change.
    const kept = (await getReactions(f.ctx(), users[0]!.id, [m!])).get(m!)!;
    const more = await react({ conversationId, messageId: m!, userId: users.at(-1)!.id, emoji: kept[0]!.emoji });
    expect(more.changed).toBe(true);
    expect(more.version).toBe(MAX_REACTION_KINDS + 1);
  });

  it('stores a concurrent duplicate once', async () => {
    const { users: [, b], conversationId, ids: [m] } = await group(2);
    const results = await Promise.all(Array.from({ length: 8 }, () => react({ conversationId, messageId: m!, userId: b!.id, emoji: '🔥' })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await rowsOf(m!)).toBe(1);
    expect(results.every((r) => r.version === 1)).toBe(true);
  });

  it('refuses a bad emoji, a non-member, a message of another conversation and a recalled message, writing nothing', async () => {
    const { users: [a], conversationId, ids: [m] } = await group(2);
    const other = await group(1);
    const outsider = await f.user('out');
    await expect(react({ conversationId, messageId: m!, userId: a!.id, emoji: ':+1:' })).rejects.toBeInstanceOf(ValidationError);
    await expect(react({ conversationId, messageId: m!, userId: outsider.id, emoji: '👍' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(react({ conversationId: other.conversationId, messageId: m!, userId: other.users[0]!.id, emoji: '👍' })).rejects.toBeInstanceOf(NotFoundError);
    await recallMessage(f.ctx(), m!, a!.id);
    await expect(react({ conversationId, messageId: m!, userId: a!.id, emoji: '👍' })).rejects.toMatchObject({ reason: 'message_recalled' });
    expect(await rowsOf(m!)).toBe(0);
  });
});

describe('reading reactions', () => {
  it('gives a page its reactions in one query, with the viewer\'s own flagged', async () => {
    const { users: [a, b, c], conversationId, ids } = await group(3, 3);
    await react({ conversationId, messageId: ids[0]!, userId: b!.id, emoji: '👍' });
    await react({ conversationId, messageId: ids[0]!, userId: c!.id, emoji: '👍' });
    await react({ conversationId, messageId: ids[0]!, userId: c!.id, emoji: '🎉' });
    await react({ conversationId, messageId: ids[2]!, userId: a!.id, emoji: '❤️' });
    const seen = await getReactions(f.ctx(), b!.id, ids);
    expect(seen.get(ids[0]!)).toEqual([{ emoji: '👍', count: 2, me: true }, { emoji: '🎉', count: 1, me: false }]);
    expect(seen.has(ids[1]!)).toBe(false);
    expect(seen.get(ids[2]!)).toEqual([{ emoji: '❤️', count: 1, me: false }]);
  });

  it('lists the held messages whose reactions changed since a time, removals included', async () => {
    const { users: [a, b], conversationId, ids } = await group(2, 4);
    await react({ conversationId, messageId: ids[0]!, userId: b!.id, emoji: '👍' });
    const since = Date.now() + 5;
    await new Promise((r) => setTimeout(r, 20));
    await react({ conversationId, messageId: ids[0]!, userId: b!.id, emoji: '👍', op: 'remove' });
    await react({ conversationId, messageId: ids[1]!, userId: b!.id, emoji: '😂' });
    await react({ conversationId, messageId: ids[3]!, userId: b!.id, emoji: '😂' });
    const changed = await getReactedSince(f.ctx(), a!.id, conversationId, 3, since);
    expect(changed).toEqual([
      { messageId: ids[0], seq: 1, reactions: [], version: 2 },
      { messageId: ids[1], seq: 2, reactions: [{ emoji: '😂', count: 1, me: false }], version: 1 },
    ]);
  });
});

describe('the delivered pointer', () => {
  it('moves forward only, never past the last seq, and never below the read pointer', async () => {
    const { users: [a, b], conversationId } = await group(2, 3);
    expect(await advanceDeliveredPointer(f.ctx(), b!.id, conversationId, 2)).toBe(2);
    expect(await advanceDeliveredPointer(f.ctx(), b!.id, conversationId, 2)).toBeNull();
    expect(await advanceDeliveredPointer(f.ctx(), b!.id, conversationId, 1)).toBeNull();
    expect(await advanceDeliveredPointer(f.ctx(), b!.id, conversationId, 99)).toBe(3);
    const pointers = async () => Object.fromEntries((await getMembers(f.ctx(), conversationId)).map((m) => [m.userId, [m.lastReadSeq, m.lastDeliveredSeq]]));
    expect((await pointers())[b!.id]).toEqual([0, 3]);
    // Read implies delivered.
    await updateReadPointer(f.ctx(), a!.id, conversationId, 2);
    expect((await pointers())[a!.id]).toEqual([2, 2]);
    expect(await advanceDeliveredPointer(f.ctx(), a!.id, conversationId, 2)).toBeNull();
  });

  it('counts receipts among the members who were there when the message was sent', async () => {
    const { users: [a, b, c], conversationId, ids } = await group(3, 2);
    const late = await f.user('late');
    await addMembers(f.ctx(), conversationId, [late.id]);
    await advanceDeliveredPointer(f.ctx(), b!.id, conversationId, 2);
    await updateReadPointer(f.ctx(), c!.id, conversationId, 1);
    const [first, second] = await Promise.all(ids.map((id) => getMessage(f.ctx(), id)));
    // The member who joined later is not counted, though their pointer starts past both.
    expect(await getMessageReceipts(f.ctx(), conversationId, 1, a!.id, first!.createdAt)).toMatchObject({ of: 2, delivered: 2, read: 1 });
    expect(await getMessageReceipts(f.ctx(), conversationId, 2, a!.id, second!.createdAt)).toMatchObject({ of: 2, delivered: 1, read: 0 });
  });
});
