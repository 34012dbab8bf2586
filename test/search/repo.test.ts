// searchMessages across conversations takes one of three ways: the user's conversations named in
// the full-text match as one group, the ones too large for the group searched one by one beside
// it, or, for a user in too many large conversations, the membership join alone. All must answer
// the same, leaving out conversations the user has left.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createGroupConversation, removeMembers, searchMessages } from '../../repo/index.ts';
import { run } from '../../repo/sql.ts';
import { saveMessages } from '../helpers/repo-state.ts';
import { setupFixture } from '../repo/fixture.ts';

const f = await setupFixture();

/** Makes a conversation count as holding that many more messages (the plan reads last_seq). */
const grow = (conversationId: string, by: number) => run(f.orm.em.fork(), 'UPDATE conversations SET last_seq = last_seq + ? WHERE id = ?', [by, conversationId]);

describe('searchMessages across conversations', () => {
  it('answers the same whichever way it narrows to the user\'s conversations', async () => {
    const [alice, bob] = await f.users(2);
    const group = (name: string) => createGroupConversation(f.ctx(), { ownerId: bob!.id, name, memberIds: [alice!.id] });
    const [small, large] = [await group('small'), await group('large')];
    const m = `zq${randomBytes(5).toString('hex')}`;
    const store = async (conversationId: string, content: string) => {
      const [r] = await saveMessages(f.ctx(), conversationId, [{ conversationId, senderId: bob!.id, clientMsgId: `r-${randomBytes(6).toString('hex')}`, messageType: 1, content }]);
      if (!r?.ok) throw new Error('not stored');
      return r.saved.messageId;
    };
    const inSmall = await store(small.id, `周报 ${m}`);
    const inLarge = await store(large.id, `周报 draft ${m}`);
    const find = async (query: string, opts: { limit?: number; beforeId?: string } = {}) =>
      (await searchMessages(f.ctx(), { userId: alice!.id, query, limit: opts.limit ?? 10, ...(opts.beforeId ? { beforeId: opts.beforeId } : {}) })).map((x) => x.id);
    const expectAll = async () => {
      expect(await find(`周报 ${m}`)).toEqual([inLarge, inSmall]);
      expect(await find(`draft ${m}`)).toEqual([inLarge]);
      expect(await find(`周报 ${m}`, { limit: 1 })).toEqual([inLarge]);
      expect(await find(`周报 ${m}`, { beforeId: inLarge })).toEqual([inSmall]);
    };

    // Both small: one group.
    await expectAll();
    // One too large for the group: searched on its own beside the group of the other, the pages merged.
    await grow(large.id, 60_000);
    await expectAll();
    // More too large conversations than are searched one by one: the join alone narrows.
    for (let i = 0; i < 8; i++) await grow((await group(`big ${i}`)).id, 60_000);
    await expectAll();

    // Leaving a conversation takes it out of the search, on every way.
    await removeMembers(f.ctx(), large.id, [alice!.id]);
    expect(await find(`周报 ${m}`)).toEqual([inSmall]);
    await removeMembers(f.ctx(), small.id, [alice!.id]);
    expect(await find(`周报 ${m}`)).toEqual([]);
    expect((await searchMessages(f.ctx(), { userId: bob!.id, query: `周报 ${m}`, limit: 10 })).map((x) => x.id)).toEqual([inLarge, inSmall]);
  });
});
