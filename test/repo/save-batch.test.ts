import { describe, expect, it } from 'vitest';
import { createGroupConversation, getConversation, saveMessage, type SaveMessageInput } from '../../repo/index.ts';
import { saveMessages, setMemberMuted } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture({ pool: { min: 0, max: 20 } });

async function group(n = 3) {
  const [owner, ...others] = await f.users(n);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'batch', memberIds: others.map((u) => u.id) });
  return { conversation, members: [owner!, ...others] };
}
const input = (conversationId: string, senderId: string, clientMsgId: string, content = clientMsgId): SaveMessageInput => ({ conversationId, senderId, clientMsgId, messageType: 1, content });

describe('saveMessages (a batch of one conversation)', () => {
  it('stores a batch with consecutive seqs after the existing ones and moves the conversation', async () => {
    const { conversation, members } = await group();
    await saveMessage(f.ctx(), input(conversation.id, members[0]!.id, 'before'));
    const results = await saveMessages(f.ctx(), conversation.id, members.map((m, i) => input(conversation.id, m.id, `b${i}`)));
    expect(results.map((r) => r.ok && r.saved.seq)).toEqual([2, 3, 4]);
    expect(results.every((r) => r.ok && !r.saved.duplicate)).toBe(true);
    const after = await getConversation(f.ctx(), conversation.id);
    expect(after?.lastSeq).toBe(4);
    const last = results[2];
    expect(after?.lastMessageId).toBe(last?.ok ? last.saved.messageId : null);
  });

  it('keeps seqs gap-free when batches and single saves race in one conversation', async () => {
    const { conversation, members } = await group(4);
    const work = Array.from({ length: 10 }, (_, b) =>
      b % 2 === 0
        ? saveMessages(f.ctx(), conversation.id, Array.from({ length: 15 }, (_, i) => input(conversation.id, members[i % 4]!.id, `r${b}-${i}`)))
        : saveMessage(f.ctx(), input(conversation.id, members[b % 4]!.id, `s${b}`)).then((s) => [{ ok: true as const, saved: s }]),
    );
    const seqs = (await Promise.all(work)).flat().map((r) => (r.ok ? r.saved.seq : -1));
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 5 * 15 + 5 }, (_, i) => i + 1));
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(80);
  });

  it('answers repeats (stored before or twice in the batch) with the original and writes them once', async () => {
    const { conversation, members } = await group();
    const first = await saveMessage(f.ctx(), input(conversation.id, members[0]!.id, 'old'));
    const results = await saveMessages(f.ctx(), conversation.id, [
      input(conversation.id, members[0]!.id, 'old', 'changed'),
      input(conversation.id, members[1]!.id, 'twice'),
      input(conversation.id, members[1]!.id, 'twice', 'again'),
    ]);
    expect(results[0]).toEqual({ ok: true, saved: { ...first, duplicate: true } });
    expect(results[1]).toMatchObject({ ok: true, saved: { seq: 2, duplicate: false } });
    const firstTwice = results[1];
    expect(results[2]).toEqual({ ok: true, saved: { ...(firstTwice?.ok ? firstTwice.saved : {}), duplicate: true } });
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(2);
  });

  it('refuses non-members, muted members, bad input and reused ids one by one, storing the rest', async () => {
    const { conversation, members } = await group();
    const [outsider] = await f.users(1);
    const other = await createGroupConversation(f.ctx(), { ownerId: members[0]!.id, name: 'other' });
    await saveMessage(f.ctx(), input(other.id, members[0]!.id, 'elsewhere'));
    await setMemberMuted(f.ctx(), conversation.id, members[2]!.id, true);
    const results = await saveMessages(f.ctx(), conversation.id, [
      input(conversation.id, outsider!.id, 'x1'),
      input(conversation.id, members[2]!.id, 'x2'),
      input(conversation.id, members[1]!.id, 'x3', 'x'.repeat(200)),
      input(conversation.id, members[0]!.id, 'elsewhere'),
      input(conversation.id, members[1]!.id, 'fine'),
    ], { maxContentBytes: 100 });
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['not_member', 'muted', 'invalid_input', 'client_msg_id_reused', 'ok']);
    expect(results[4]).toMatchObject({ ok: true, saved: { seq: 1 } });
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversation.id])).toBe(1);
  });

  it('refuses every message of an unknown conversation', async () => {
    const [u] = await f.users(1);
    const results = await saveMessages(f.ctx(), '999999999999', [input('999999999999', u!.id, 'nowhere')]);
    expect(results).toEqual([{ ok: false, code: 'not_found', message: 'conversation 999999999999 not found' }]);
  });
});
