// Replies and mentions in the repo: both store paths check references the same way (refused
// ones store nothing, the rest of the batch is unaffected), readers attach the quote as it is
// now, and the conversation list counts unread mentions per member.
import { describe, expect, it } from 'vitest';
import {
  createGroupConversation, editMessage, getMessagesAfterSeq, getUserConversationsWithDetails,
  recallMessage, saveMessage, saveMessagesAcross, updateReadPointer, type SaveMessageInput,
} from '../../repo/index.ts';
import { MessageReferenceError } from '../../repo/messages/references.ts';
import { setupFixture } from '../repo/fixture.ts';

const f = await setupFixture();

async function group(n = 3) {
  const [owner, ...others] = await f.users(n);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'replies', memberIds: others.map((u) => u.id) });
  return { id: conversation.id, owner: owner!, members: others };
}
let n = 0;
const input = (conversationId: string, senderId: string, extra: Partial<SaveMessageInput> = {}): SaveMessageInput =>
  ({ conversationId, senderId, clientMsgId: `rp-${Date.now()}-${n++}`, messageType: 1, content: `text ${n}`, ...extra });
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

async function listItem(userId: string, conversationId: string) {
  const list = await getUserConversationsWithDetails(f.ctx(), userId, 0, 50);
  return list.find((i) => i.conversation.id === conversationId)!;
}

describe('references in a batch save', () => {
  it('refuses bad replies and mentions one by one, stores the rest with gap-free seqs and their quotes', async () => {
    const g = await group(3);
    const other = await group(2);
    const outsider = await f.user();
    const quoted = await saveMessage(f.ctx(), input(g.id, g.members[0]!.id, { content: 'x'.repeat(150) }));
    const foreign = await saveMessage(f.ctx(), input(other.id, other.owner.id));
    const [m1, m2] = g.members;
    const reply = input(g.id, m1!.id, { replyToId: quoted.messageId, mentions: [m2!.id, m2!.id] });
    const out = await saveMessagesAcross(f.ctx(), new Map([[g.id, [
      reply,
      input(g.id, m1!.id, { replyToId: foreign.messageId }),
      input(g.id, m1!.id, { replyToId: '999999999999' }),
      input(g.id, m1!.id, { mentions: [outsider.id] }),
      input(g.id, m1!.id, { mentionAll: true }),
      input(g.id, g.owner.id, { mentionAll: true }),
    ]]]));
    const results = out.get(g.id)!.results;
    expect(results.map(codeOf)).toEqual(['ok', 'reply_not_found', 'reply_not_found', 'mention_not_member', 'mention_all_forbidden', 'ok']);
    const [first, , , , , last] = results as [(typeof results)[number], ...(typeof results)[number][]];
    expect(first.ok && first.saved).toMatchObject({
      seq: 2, mentions: [m2!.id], replyTo: { messageId: quoted.messageId, senderId: m1!.id, preview: 'x'.repeat(100), recalled: false },
    });
    expect(last?.ok && last.saved).toMatchObject({ seq: 3, mentionAll: true });
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [g.id])).toBe(3);

    // A repeat of the reply is answered with the original and its quote.
    const again = await saveMessagesAcross(f.ctx(), new Map([[g.id, [{ ...reply, replyToId: null, mentions: [] }]]]));
    expect(again.get(g.id)!.results[0]).toMatchObject({ ok: true, saved: { duplicate: true, replyTo: { messageId: quoted.messageId }, mentions: [m2!.id] } });
  });

  it('refuses the same way on the single-message path', async () => {
    const g = await group(2);
    const other = await group(2);
    const foreign = await saveMessage(f.ctx(), input(other.id, other.owner.id));
    await expect(saveMessage(f.ctx(), input(g.id, g.members[0]!.id, { replyToId: foreign.messageId }))).rejects.toBeInstanceOf(MessageReferenceError);
    await expect(saveMessage(f.ctx(), input(g.id, g.members[0]!.id, { mentionAll: true }))).rejects.toMatchObject({ code: 'mention_all_forbidden' });
    const ok = await saveMessage(f.ctx(), input(g.id, g.owner.id, { mentionAll: true, mentions: [g.members[0]!.id] }));
    expect(ok).toMatchObject({ seq: 1, mentionAll: true, mentions: [g.members[0]!.id] });
  });
});

describe('quotes as readers see them', () => {
  it('show the quoted message as it is now: edited, then recalled', async () => {
    const g = await group(2);
    const quoted = await saveMessage(f.ctx(), input(g.id, g.owner.id, { content: 'before' }));
    await saveMessage(f.ctx(), input(g.id, g.members[0]!.id, { replyToId: quoted.messageId }));
    const quoteOfReply = async () => (await getMessagesAfterSeq(f.ctx(), g.id, 1, 10))[0]!.replyTo;
    expect(await quoteOfReply()).toEqual({ messageId: quoted.messageId, senderId: g.owner.id, preview: 'before', recalled: false });
    await editMessage(f.ctx(), quoted.messageId, g.owner.id, 'after', { windowMs: 60_000 });
    expect(await quoteOfReply()).toMatchObject({ preview: 'after', recalled: false });
    await recallMessage(f.ctx(), quoted.messageId, g.owner.id);
    expect(await quoteOfReply()).toEqual({ messageId: quoted.messageId, senderId: g.owner.id, preview: '', recalled: true });
  });
});

describe('mention counts in the conversation list', () => {
  it('count unread mentions of each member (by id or @all), not own or recalled ones, and reset on read', async () => {
    const g = await group(3);
    const [a, b] = g.members;
    // Cached before the mentions: the list must not serve the stale counts.
    expect((await listItem(a!.id, g.id)).mentionCount).toBe(0);
    await saveMessage(f.ctx(), input(g.id, g.owner.id, { mentions: [a!.id] }));
    await saveMessage(f.ctx(), input(g.id, g.owner.id, { mentionAll: true }));
    await saveMessage(f.ctx(), input(g.id, b!.id));
    const recalled = await saveMessage(f.ctx(), input(g.id, b!.id, { mentions: [a!.id] }));
    await recallMessage(f.ctx(), recalled.messageId, b!.id);
    await saveMessage(f.ctx(), input(g.id, a!.id, { mentions: [a!.id] }));
    expect(await listItem(a!.id, g.id)).toMatchObject({ unreadCount: 3, mentionCount: 2 });
    expect(await listItem(b!.id, g.id)).toMatchObject({ unreadCount: 3, mentionCount: 1 });
    expect(await listItem(g.owner.id, g.id)).toMatchObject({ mentionCount: 0 });
    await updateReadPointer(f.ctx(), a!.id, g.id, 1);
    expect(await listItem(a!.id, g.id)).toMatchObject({ mentionCount: 1 });
    await updateReadPointer(f.ctx(), a!.id, g.id, 5);
    expect(await listItem(a!.id, g.id)).toMatchObject({ unreadCount: 0, mentionCount: 0 });
  });
});
