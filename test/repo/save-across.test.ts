import { describe, expect, it } from 'vitest';
import {
  cacheKeys, createGroupConversation, getConversation, getMessagesAfterSeq, publishVersions, saveMessage, saveMessagesAcross,
  ValidationError, type SaveMessageInput,
} from '../../repo/index.ts';
import { setMemberMuted } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture({ pool: { min: 0, max: 20 } });

async function group(n = 3) {
  const [owner, ...others] = await f.users(n);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'across', memberIds: others.map((u) => u.id) });
  return { conversation, members: [owner!, ...others] };
}
const input = (conversationId: string, senderId: string, clientMsgId: string, content = clientMsgId): SaveMessageInput => ({ conversationId, senderId, clientMsgId, messageType: 1, content });
const seqsOf = (r: { results: { ok: boolean }[] } | undefined) => r?.results.map((x) => ('saved' in x ? (x.saved as { seq: number }).seq : -1));

describe('saveMessagesAcross (one transaction for many conversations)', () => {
  it('stores the messages of many conversations, each with its own gap-free seqs after its existing ones', async () => {
    const groups = await Promise.all(Array.from({ length: 30 }, () => group(2)));
    await saveMessage(f.ctx(), input(groups[0]!.conversation.id, groups[0]!.members[0]!.id, 'before'));
    const batch = new Map(groups.map((g, k) => [g.conversation.id, Array.from({ length: 1 + (k % 3) }, (_, i) => input(g.conversation.id, g.members[i % 2]!.id, `a${k}-${i}`))]));
    const out = await saveMessagesAcross(f.ctx(), batch);
    expect(seqsOf(out.get(groups[0]!.conversation.id))).toEqual([2]);
    expect(seqsOf(out.get(groups[1]!.conversation.id))).toEqual([1, 2]);
    expect(seqsOf(out.get(groups[2]!.conversation.id))).toEqual([1, 2, 3]);
    for (const g of groups) {
      const saved = out.get(g.conversation.id)!;
      expect(saved.conversation).toEqual({ id: g.conversation.id, type: g.conversation.type, memberCount: 2, version: expect.any(Number) as unknown });
      const view = await getConversation(f.ctx(), g.conversation.id);
      const last = saved.results.at(-1)!;
      expect(view?.lastSeq).toBe(last.ok ? last.saved.seq : -1);
      expect(view?.lastMessageId).toBe(last.ok ? last.saved.messageId : null);
      const stored = await getMessagesAfterSeq(f.ctx(), g.conversation.id, 0, 10);
      expect(stored.map((m) => m.id)).toEqual([...(g === groups[0] ? [stored[0]!.id] : []), ...saved.results.map((r) => (r.ok ? r.saved.messageId : ''))]);
    }
  });

  it('reads the member ids of conversations at or under membersUpTo with the store, and of no larger one', async () => {
    const small = await group(3);
    const large = await group(5);
    const out = await saveMessagesAcross(f.ctx(), new Map([
      [small.conversation.id, [input(small.conversation.id, small.members[1]!.id, 'm-small')]],
      [large.conversation.id, [input(large.conversation.id, large.members[2]!.id, 'm-large')]],
    ]), { membersUpTo: 4 });
    expect(out.get(small.conversation.id)!.conversation?.memberIds).toEqual(small.members.map((m) => m.id).sort((a, b) => a.length - b.length || (a < b ? -1 : 1)));
    expect(out.get(large.conversation.id)!.conversation).toEqual({ id: large.conversation.id, type: large.conversation.type, memberCount: 5, version: expect.any(Number) as unknown });
    expect(out.get(large.conversation.id)!.results[0]!.ok).toBe(true);
  });

  it('returns the committed versions and, with deferVersions, leaves publishing them to the caller', async () => {
    const [a, b] = [await group(2), await group(2)];
    const verKey = (id: string) => cacheKeys.conversationVersion(id);
    const versionOf = (id: string) => f.count('SELECT version AS n FROM conversations WHERE id = ?', [id]);
    const before = await versionOf(a.conversation.id);
    const published = await saveMessagesAcross(f.ctx(), new Map([[a.conversation.id, [input(a.conversation.id, a.members[0]!.id, 'v-a')]]]));
    expect(published.get(a.conversation.id)!.conversation?.version).toBe(before + 1);
    expect(await f.redis.get(verKey(a.conversation.id))).toBe(String(before + 1));

    const deferred = await saveMessagesAcross(f.ctx(), new Map([[b.conversation.id, [input(b.conversation.id, b.members[1]!.id, 'v-b')]]]), { deferVersions: true });
    const version = deferred.get(b.conversation.id)!.conversation?.version;
    expect(version).toBe(await versionOf(b.conversation.id));
    expect(await f.redis.get(verKey(b.conversation.id))).toBeNull();
    await publishVersions(f.redis, [{ id: b.conversation.id, version: version! }]);
    expect(await f.redis.get(verKey(b.conversation.id))).toBe(String(version));

    // a repeat writes nothing, so it has no version to publish
    const again = await saveMessagesAcross(f.ctx(), new Map([[b.conversation.id, [input(b.conversation.id, b.members[1]!.id, 'v-b')]]]), { deferVersions: true });
    expect(again.get(b.conversation.id)!.conversation?.version).toBeUndefined();
  });

  it('keeps seqs gap-free while single saves race into the same conversations', async () => {
    const gs = await Promise.all(Array.from({ length: 5 }, () => group(3)));
    const work: Promise<unknown>[] = [];
    for (let b = 0; b < 6; b++) {
      work.push(saveMessagesAcross(f.ctx(), new Map(gs.map((g) => [g.conversation.id, Array.from({ length: 4 }, (_, i) => input(g.conversation.id, g.members[i % 3]!.id, `r${b}-${i}`))]))));
      for (const g of gs) work.push(saveMessage(f.ctx(), input(g.conversation.id, g.members[b % 3]!.id, `s${b}`)));
    }
    await Promise.all(work);
    for (const g of gs) {
      const seqs = (await f.orm.em.fork().execute<{ seq_id: number }[]>('SELECT seq_id FROM messages WHERE conversation_id = ? ORDER BY seq_id', [g.conversation.id])).map((r) => Number(r.seq_id));
      expect(seqs).toEqual(Array.from({ length: 6 * 4 + 6 }, (_, i) => i + 1));
    }
  });

  it('answers repeats (stored before, or twice in the call across conversations) with the original and writes once', async () => {
    const a = await group(2);
    const b = await group(2);
    const before = await saveMessage(f.ctx(), input(a.conversation.id, a.members[0]!.id, 'old'));
    const out = await saveMessagesAcross(f.ctx(), new Map([
      [a.conversation.id, [input(a.conversation.id, a.members[0]!.id, 'old', 'changed'), input(a.conversation.id, a.members[1]!.id, 'twice'), input(a.conversation.id, a.members[1]!.id, 'twice')]],
      [b.conversation.id, [input(b.conversation.id, b.members[0]!.id, 'fresh')]],
    ]));
    const ra = out.get(a.conversation.id)!.results;
    expect(ra[0]).toEqual({ ok: true, saved: { ...before, duplicate: true } });
    expect(ra[1]!.ok && ra[2]!.ok && ra[1]!.saved.messageId === ra[2]!.saved.messageId).toBe(true);
    expect(ra[2]!.ok && ra[2]!.saved.duplicate).toBe(true);
    expect(seqsOf(out.get(a.conversation.id))).toEqual([1, 2, 2]);
    expect(seqsOf(out.get(b.conversation.id))).toEqual([1]);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [a.conversation.id])).toBe(2);
  });

  it('refuses a pair sent to two conversations in one call in the second, as one stored before would be', async () => {
    const a = await group(2);
    const b = await createGroupConversation(f.ctx(), { ownerId: a.members[0]!.id, name: 'same id' });
    const sender = a.members[0]!.id;
    const out = await saveMessagesAcross(f.ctx(), new Map([
      [a.conversation.id, [input(a.conversation.id, sender, 'both')]],
      [b.id, [input(b.id, sender, 'both'), input(b.id, sender, 'own')]],
    ]));
    expect(seqsOf(out.get(a.conversation.id))).toEqual([1]);
    const rb = out.get(b.id)!.results;
    expect(rb[0]).toEqual(expect.objectContaining({ ok: false, code: 'client_msg_id_reused' }));
    expect(seqsOf(out.get(b.id))).toEqual([-1, 1]);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [b.id])).toBe(1);
  });

  it('refuses per message: not a member, muted, unknown conversation, bad input, an id used in another conversation', async () => {
    const a = await group(3);
    const [outsider] = await f.users(1);
    await setMemberMuted(f.ctx(), a.conversation.id, a.members[2]!.id, true);
    const other = await createGroupConversation(f.ctx(), { ownerId: a.members[0]!.id, name: 'other' });
    await saveMessage(f.ctx(), input(other.id, a.members[0]!.id, 'elsewhere'));
    const missing = '99999999999';
    const out = await saveMessagesAcross(f.ctx(), new Map([
      [a.conversation.id, [
        input(a.conversation.id, outsider!.id, 'o'),
        input(a.conversation.id, a.members[2]!.id, 'm'),
        input(a.conversation.id, a.members[1]!.id, 'ok'),
        { ...input(a.conversation.id, a.members[1]!.id, 'bad'), content: 'x'.repeat(70_000) },
        input(a.conversation.id, a.members[0]!.id, 'elsewhere'),
      ]],
      [missing, [input(missing, a.members[0]!.id, 'nowhere')]],
    ]));
    const codes = out.get(a.conversation.id)!.results.map((r) => (r.ok ? `ok:${r.saved.seq}` : r.code));
    expect(codes).toEqual(['not_member', 'muted', 'ok:1', 'invalid_input', 'client_msg_id_reused']);
    expect(out.get(missing)).toEqual({ conversation: null, results: [expect.objectContaining({ ok: false, code: 'not_found' })] });
  });

  it('answers concurrent calls holding the same send once stored, whichever wins the insert', async () => {
    const a = await group(2);
    const b = await group(2);
    const calls = await Promise.all(Array.from({ length: 8 }, (_, k) => saveMessagesAcross(f.ctx(), new Map([
      [a.conversation.id, [input(a.conversation.id, a.members[0]!.id, 'shared')]],
      [b.conversation.id, [input(b.conversation.id, b.members[0]!.id, `own${k}`)]],
    ]))));
    const shared = calls.map((c) => c.get(a.conversation.id)!.results[0]!);
    expect(new Set(shared.map((r) => (r.ok ? r.saved.messageId : 'refused'))).size).toBe(1);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [a.conversation.id])).toBe(1);
    const own = calls.map((c) => c.get(b.conversation.id)!.results[0]!);
    expect(own.every((r) => r.ok)).toBe(true);
    expect(own.map((r) => (r.ok ? r.saved.seq : 0)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses more than 2000 messages in one call', async () => {
    const a = await group(2);
    const many = Array.from({ length: 2001 }, (_, i) => input(a.conversation.id, a.members[0]!.id, `n${i}`));
    await expect(saveMessagesAcross(f.ctx(), new Map([[a.conversation.id, many]]))).rejects.toBeInstanceOf(ValidationError);
  });
});
