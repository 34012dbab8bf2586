import { describe, expect, it } from 'vitest';
import {
  addMembers, checkMessageIdempotency, createGroupConversation, getConversation, getMessage,
  getMessagesAfterSeq, getMessagesBefore, recallMessage, saveMessage,
  ConflictError, ForbiddenError, ValidationError,
} from '../../repo/index.ts';
import { deleteMessage, saveMessages, setMemberMuted } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture({ pool: { min: 0, max: 30 } });

async function group(memberCount = 1) {
  const [owner, ...others] = await f.users(memberCount);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'g', memberIds: others.map((u) => u.id) });
  return { conversation, owner: owner!, others };
}

const send = (conversationId: string, senderId: string, clientMsgId: string, content = 'hi') =>
  saveMessage(f.ctx(), { conversationId, senderId, clientMsgId, messageType: 1, content });

describe('saveMessage', () => {
  it('gives 200 concurrent saves into one conversation the seqs 1..200, no gaps, no duplicates', async () => {
    const { conversation, owner, others } = await group(5);
    const senders = [owner, ...others];
    const saved = await Promise.all(Array.from({ length: 200 }, (_, i) => send(conversation.id, senders[i % senders.length]!.id, `c${i}`)));
    expect(saved.map((s) => s.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(saved.map((s) => s.messageId)).size).toBe(200);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(200);
    const after = await getConversation(f.ctx(), conversation.id);
    expect(after?.lastSeq).toBe(200);
    expect(after?.lastMessageId).toBe(saved.find((s) => s.seq === 200)?.messageId);
  });

  it('stores one row for concurrent saves with the same clientMsgId and answers all with the original', async () => {
    const { conversation, owner } = await group();
    const results = await Promise.all(Array.from({ length: 20 }, () => send(conversation.id, owner.id, 'same')));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(new Set(results.map((r) => r.seq))).toEqual(new Set([1]));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(1);
    // The seq was not consumed by the losers: the next message gets 2.
    expect((await send(conversation.id, owner.id, 'next')).seq).toBe(2);
  });

  it('answers a later repeat with the original id and seq and writes nothing', async () => {
    const { conversation, owner } = await group();
    const first = await send(conversation.id, owner.id, 'x');
    const again = await send(conversation.id, owner.id, 'x', 'different content');
    expect(again).toEqual({ ...first, duplicate: true });
    expect((await getMessage(f.ctx(), first.messageId))?.content).toBe('hi');
    expect(await checkMessageIdempotency(f.ctx(), owner.id, 'x')).toEqual({ ...first, duplicate: true });
    expect(await checkMessageIdempotency(f.ctx(), owner.id, 'unused')).toBeNull();
  });

  it('refuses a clientMsgId reused in another conversation', async () => {
    const a = await group();
    const b = await createGroupConversation(f.ctx(), { ownerId: a.owner.id, name: 'b' });
    await send(a.conversation.id, a.owner.id, 'k');
    await expect(send(b.id, a.owner.id, 'k')).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses non-members, unknown conversations and bad input, writing nothing', async () => {
    const { conversation } = await group();
    const stranger = await f.user();
    await expect(send(conversation.id, stranger.id, 'a')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(send('999999999999', stranger.id, 'a')).rejects.toMatchObject({ code: 'not_found', entity: 'conversation' });
    await expect(send('abc', stranger.id, 'a')).rejects.toMatchObject({ code: 'invalid_input', field: 'conversationId' });
    await expect(send(conversation.id, stranger.id, 'x'.repeat(65))).rejects.toMatchObject({ field: 'clientMsgId' });
    await expect(saveMessage(f.ctx(), { conversationId: conversation.id, senderId: stranger.id, clientMsgId: 'a', messageType: 1, content: 'é'.repeat(10) }, { maxContentBytes: 10 }))
      .rejects.toMatchObject({ field: 'content' });
    await expect(saveMessage(f.ctx(), { conversationId: conversation.id, senderId: stranger.id, clientMsgId: 'a', messageType: '1' as unknown as number, content: '' }))
      .rejects.toBeInstanceOf(ValidationError);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(0);
    expect((await getConversation(f.ctx(), conversation.id))?.lastSeq).toBe(0);
  });
});

describe('save paths', () => {
  it('refuse a muted member, the one-by-one fallback of a batch included', async () => {
    const { conversation, others } = await group(2);
    const muted = others[0]!;
    await setMemberMuted(f.ctx(), conversation.id, muted.id, true);
    await expect(send(conversation.id, muted.id, 'm1')).rejects.toMatchObject({ code: 'muted' });
    const [r] = await saveMessages(f.ctx(), conversation.id, [{ conversationId: conversation.id, senderId: muted.id, clientMsgId: 'm2', messageType: 1, content: 'x' }]);
    expect(r).toMatchObject({ ok: false, code: 'muted' });
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(0);
  });

  it('tell client_msg_ids apart byte for byte: abc and ABC are two messages', async () => {
    const { conversation, owner } = await group();
    const lower = await send(conversation.id, owner.id, 'abc', 'one');
    const upper = await send(conversation.id, owner.id, 'ABC', 'two');
    expect(upper.messageId).not.toBe(lower.messageId);
    expect(upper).toMatchObject({ duplicate: false, content: 'two', seq: 2 });
  });

  it('answer a repeat with what was stored, whatever the repeat carries', async () => {
    const { conversation, owner } = await group();
    const first = await send(conversation.id, owner.id, 'same', 'original');
    const again = await send(conversation.id, owner.id, 'same', 'changed');
    expect(again).toMatchObject({ messageId: first.messageId, content: 'original', duplicate: true });
    const [batch] = await saveMessages(f.ctx(), conversation.id, [{ conversationId: conversation.id, senderId: owner.id, clientMsgId: 'same', messageType: 1, content: 'changed again' }]);
    expect(batch).toMatchObject({ ok: true, saved: { messageId: first.messageId, content: 'original', duplicate: true } });
  });
});

describe('reading, deleting and recalling messages', () => {
  it('pages by seq in both directions and marks deleted and recalled ones', async () => {
    const { conversation, owner, others } = await group(2);
    const member = others[0]!;
    for (let i = 1; i <= 10; i++) await send(conversation.id, i % 2 ? owner.id : member.id, `m${i}`, `text ${i}`);
    const five = (await getMessagesAfterSeq(f.ctx(), conversation.id, 4, 1))[0]!;
    await deleteMessage(f.ctx(), five.id);
    const six = (await getMessagesAfterSeq(f.ctx(), conversation.id, 5, 1))[0]!;
    const recalled = await recallMessage(f.ctx(), six.id, member.id);
    expect(recalled).toMatchObject({ recalled: true, content: '' });

    const range = await getMessagesAfterSeq(f.ctx(), conversation.id, 3, 4);
    expect(range.map((m) => [m.seq, m.deleted, m.recalled, m.content])).toEqual([
      [4, false, false, 'text 4'], [5, true, false, ''], [6, false, true, ''], [7, false, false, 'text 7'],
    ]);
    expect((await getMessagesBefore(f.ctx(), conversation.id, null, 3)).map((m) => m.seq)).toEqual([10, 9, 8]);
    expect((await getMessagesBefore(f.ctx(), conversation.id, 8, 3)).map((m) => m.seq)).toEqual([7, 6, 5]);
  });

  it('lets only the sender recall, only within the window', async () => {
    const { conversation, owner, others } = await group(2);
    const saved = await send(conversation.id, owner.id, 'r');
    await expect(recallMessage(f.ctx(), saved.messageId, others[0]!.id)).rejects.toMatchObject({ code: 'not_sender' });
    await expect(recallMessage(f.ctx(), saved.messageId, owner.id, { windowMs: 1000, now: saved.createdAt + 5000 }))
      .rejects.toMatchObject({ code: 'recall_window_passed' });
    expect((await getMessage(f.ctx(), saved.messageId))?.recalled).toBe(false);
    expect(await getMessage(f.ctx(), '999999999999')).toBeNull();
  });

  it('accepts a member added later, and seqs keep counting', async () => {
    const { conversation, owner } = await group();
    const late = await f.user();
    await send(conversation.id, owner.id, 'a');
    await addMembers(f.ctx(), conversation.id, [late.id]);
    expect((await send(conversation.id, late.id, 'b')).seq).toBe(2);
  });
});
