import { describe, expect, it } from 'vitest';
import {
  addMembers, createGroupConversation, getUserConversationsWithDetails, recallMessage, saveMessage, updateReadPointer,
  ForbiddenError, NotFoundError,
} from '../../repo/index.ts';
import { deleteMessage, readPointer } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

/** The unread count the user's conversation list shows for a conversation. */
async function unreadIn(userId: string, conversationId: string): Promise<number | undefined> {
  const list = await getUserConversationsWithDetails(f.ctx(), userId, 0, 50);
  return list.find((d) => d.conversation.id === conversationId)?.unreadCount;
}

/** Deterministic pseudo-random numbers, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('unread counts', () => {
  it('match a brute-force count over random histories with deletes, recalls and own messages', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = rng(seed);
      const members = await f.users(3);
      const g = await createGroupConversation(f.ctx(), { ownerId: members[0]!.id, name: `r${seed}`, memberIds: members.slice(1).map((u) => u.id) });
      const history: { id: string; seq: number; sender: string; hidden: boolean }[] = [];
      const pointers = new Map(members.map((m) => [m.id, 0]));
      for (let step = 0; step < 60; step++) {
        const who = members[Math.floor(random() * members.length)]!;
        const roll = random();
        if (roll < 0.6 || history.length === 0) {
          const s = await saveMessage(f.ctx(), { conversationId: g.id, senderId: who.id, clientMsgId: `${seed}-${step}`, messageType: 1, content: 'x' });
          history.push({ id: s.messageId, seq: s.seq, sender: who.id, hidden: false });
        } else if (roll < 0.75) {
          const m = history[Math.floor(random() * history.length)]!;
          await deleteMessage(f.ctx(), m.id);
          m.hidden = true;
        } else if (roll < 0.8) {
          const own = history.filter((m) => m.sender === who.id);
          if (own.length > 0) {
            const m = own[Math.floor(random() * own.length)]!;
            await recallMessage(f.ctx(), m.id, who.id);
            m.hidden = true;
          }
        } else {
          const target = Math.floor(random() * (history.length + 3));
          const res = await updateReadPointer(f.ctx(), who.id, g.id, target);
          const expected = Math.max(pointers.get(who.id)!, Math.min(target, history.length));
          expect(res.lastReadSeq).toBe(expected);
          pointers.set(who.id, expected);
        }
        if (step % 10 === 9 || step === 59) {
          for (const m of members) {
            const brute = history.filter((h) => h.seq > pointers.get(m.id)! && h.sender !== m.id && !h.hidden).length;
            const [entry] = await getUserConversationsWithDetails(f.ctx(), m.id, 0, 1);
            expect(entry?.unreadCount).toBe(brute);
          }
        }
      }
    }
  }, 120_000);
});

describe('read pointers', () => {
  it('never move backwards nor past the last seq', async () => {
    const [a, b] = await f.users(2);
    const g = await createGroupConversation(f.ctx(), { ownerId: a!.id, name: 'p', memberIds: [b!.id] });
    for (let i = 0; i < 5; i++) await saveMessage(f.ctx(), { conversationId: g.id, senderId: a!.id, clientMsgId: `p${i}`, messageType: 1, content: 'x' });
    expect(await updateReadPointer(f.ctx(), b!.id, g.id, 3)).toEqual({ lastReadSeq: 3, moved: true });
    expect(await updateReadPointer(f.ctx(), b!.id, g.id, 1)).toEqual({ lastReadSeq: 3, moved: false });
    expect(await updateReadPointer(f.ctx(), b!.id, g.id, 99)).toEqual({ lastReadSeq: 5, moved: true });
    expect(await readPointer(f.ctx(), b!.id, g.id)).toBe(5);
    expect(await unreadIn(b!.id, g.id)).toBe(0);
  });

  it('start a new member at the current seq, and refuse strangers and bad input', async () => {
    const [a, late, stranger] = await f.users(3);
    const g = await createGroupConversation(f.ctx(), { ownerId: a!.id, name: 'q' });
    await saveMessage(f.ctx(), { conversationId: g.id, senderId: a!.id, clientMsgId: 'q1', messageType: 1, content: 'x' });
    await addMembers(f.ctx(), g.id, [late!.id]);
    expect(await readPointer(f.ctx(), late!.id, g.id)).toBe(1);
    expect(await unreadIn(late!.id, g.id)).toBe(0);
    await expect(updateReadPointer(f.ctx(), stranger!.id, g.id, 1)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateReadPointer(f.ctx(), a!.id, '999999999999', 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateReadPointer(f.ctx(), a!.id, g.id, -1)).rejects.toMatchObject({ field: 'seq' });
    await expect(updateReadPointer(f.ctx(), a!.id, g.id, 1.5)).rejects.toMatchObject({ field: 'seq' });
    expect(await readPointer(f.ctx(), stranger!.id, g.id)).toBe(0);
  });
});
