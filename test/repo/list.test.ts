import { describe, expect, it } from 'vitest';
import {
  addMembers, cacheKeys, createGroupConversation, getConversation, createSingleConversation,
  getUserConversationsWithDetails, recallMessage, removeMembers, saveMessage, setMemberRole,
  updateReadPointer, updateUserProfile, type RepoCtx,
} from '../../repo/index.ts';
import { deleteMessage, setMemberMuted } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const queries: string[] = [];
const f = await setupFixture({ debug: ['query'], logger: (message: string) => queries.push(message) });

async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
  queries.length = 0;
  const result = await work();
  return { result, count: queries.filter((q) => q.includes('[query]')).length };
}

const send = (ctx: RepoCtx, conversationId: string, senderId: string, clientMsgId: string, content = 'hello') =>
  saveMessage(ctx, { conversationId, senderId, clientMsgId, messageType: 1, content });

describe('getUserConversationsWithDetails', () => {
  it('issues the same number of SQL queries for 1 and for 200 conversations', async () => {
    const [one, many, peer] = await f.users(3);
    const make = async (owner: string, i: number) => {
      const c = await createGroupConversation(f.ctx(), { ownerId: owner, name: `g${i}`, memberIds: [peer!.id] });
      await send(f.ctx(), c.id, peer!.id, `${owner}-${i}`);
    };
    await make(one!.id, 0);
    for (let i = 0; i < 200; i++) await make(many!.id, i);

    const small = await countQueries(() => getUserConversationsWithDetails(f.ctx(), one!.id, 0, 500));
    const large = await countQueries(() => getUserConversationsWithDetails(f.ctx(), many!.id, 0, 500));
    expect(small.result).toHaveLength(1);
    expect(large.result).toHaveLength(200);
    expect(small.count).toBe(1);
    expect(large.count).toBe(small.count);
    expect(large.result.every((d) => d.unreadCount === 1 && d.lastMessage?.sender.id === peer!.id)).toBe(true);

    // Served from the cache afterwards: no SQL at all.
    const cached = await countQueries(() => getUserConversationsWithDetails(f.ctx(), many!.id, 0, 500));
    expect(cached.count).toBe(0);
    expect(cached.result).toEqual(large.result);
    // With the version keys gone from Redis, one query checks them all.
    // (one UNLINK per key: on a Redis Cluster the conversations' keys lie in different slots)
    await Promise.all(large.result.map((d) => f.redis.unlink(cacheKeys.conversationVersion(d.conversation.id))));
    expect((await countQueries(() => getUserConversationsWithDetails(f.ctx(), many!.id, 0, 500))).count).toBe(1);
  }, 120_000);

  it('returns conversation, membership, last message with sender, unread count; newest activity first; paged', async () => {
    const [me, alice, bob] = await f.users(3);
    const g = await createGroupConversation(f.ctx(), { ownerId: me!.id, name: 'team', memberIds: [alice!.id, bob!.id] });
    const { conversation: single } = await createSingleConversation(f.ctx(), me!.id, alice!.id);
    await send(f.ctx(), single.id, alice!.id, 's1', 'psst');
    await send(f.ctx(), g.id, bob!.id, 'g1', 'one');
    await send(f.ctx(), g.id, me!.id, 'g2', 'mine');

    const list = await getUserConversationsWithDetails(f.ctx(), me!.id, 0, 10);
    expect(list.map((d) => d.conversation.id)).toEqual([g.id, single.id]);
    expect(list[0]).toMatchObject({
      conversation: { type: 2, name: 'team', memberCount: 3, lastSeq: 2, ownerId: me!.id },
      membership: { role: 'owner', muted: false },
      lastMessage: { seq: 2, content: 'mine', sender: { id: me!.id, username: me!.username } },
      unreadCount: 1,
    });
    expect(list[1]).toMatchObject({ conversation: { type: 1 }, membership: { role: 'member' }, unreadCount: 1, lastMessage: { content: 'psst' } });
    expect((await getUserConversationsWithDetails(f.ctx(), me!.id, 1, 1)).map((d) => d.conversation.id)).toEqual([single.id]);
    await expect(getUserConversationsWithDetails(f.ctx(), me!.id, -1, 10)).rejects.toMatchObject({ field: 'offset' });
    await expect(getUserConversationsWithDetails(f.ctx(), 'x', 0, 10)).rejects.toMatchObject({ field: 'userId' });
  });
});

describe('caches are fresh after every write path', () => {
  it('sees each write on the next read of the list and its unread counts', async () => {
    const [me, alice, bob, carol] = await f.users(4);
    const g = await createGroupConversation(f.ctx(), { ownerId: alice!.id, name: 'c', memberIds: [me!.id, bob!.id] });
    const read = async () => {
      const [entry] = (await getUserConversationsWithDetails(f.ctx(), me!.id, 0, 50)).filter((d) => d.conversation.id === g.id);
      return { entry, unread: entry?.unreadCount };
    };
    expect((await read()).unread).toBe(0);

    // new message (conversation-wide write)
    const m1 = await send(f.ctx(), g.id, bob!.id, 'c1', 'first');
    expect(await read()).toMatchObject({ entry: { unreadCount: 1, lastMessage: { content: 'first' } }, unread: 1 });
    const m2 = await send(f.ctx(), g.id, bob!.id, 'c2', 'second');
    expect((await read()).unread).toBe(2);

    // delete and recall
    await deleteMessage(f.ctx(), m1.messageId);
    expect((await read()).unread).toBe(1);
    await recallMessage(f.ctx(), m2.messageId, bob!.id);
    expect(await read()).toMatchObject({ entry: { unreadCount: 0, lastMessage: { recalled: true, content: '' } }, unread: 0 });

    // read pointer (per-user write)
    await send(f.ctx(), g.id, bob!.id, 'c3', 'third');
    expect((await read()).unread).toBe(1);
    await updateReadPointer(f.ctx(), me!.id, g.id, 3);
    expect(await read()).toMatchObject({ entry: { unreadCount: 0, lastReadSeq: 3 }, unread: 0 });

    // profile of the last sender
    await updateUserProfile(f.ctx(), bob!.id, { nickname: 'Bobby', avatarUrl: 'https://x/b.png' });
    expect((await read()).entry?.lastMessage?.sender).toMatchObject({ nickname: 'Bobby', avatarUrl: 'https://x/b.png' });

    // membership, role and mute
    await addMembers(f.ctx(), g.id, [carol!.id]);
    expect((await read()).entry?.conversation.memberCount).toBe(4);
    await setMemberRole(f.ctx(), g.id, me!.id, 'admin');
    expect((await read()).entry?.membership.role).toBe('admin');
    await setMemberMuted(f.ctx(), g.id, me!.id, true);
    expect((await read()).entry?.membership.muted).toBe(true);
    await removeMembers(f.ctx(), g.id, [carol!.id]);
    expect((await read()).entry?.conversation.memberCount).toBe(3);
    await removeMembers(f.ctx(), g.id, [me!.id]);
    expect((await read()).entry).toBeUndefined();
    expect((await read()).unread).toBeUndefined();

    // joining a new conversation
    const { conversation: single } = await createSingleConversation(f.ctx(), me!.id, carol!.id);
    expect((await getUserConversationsWithDetails(f.ctx(), me!.id, 0, 50)).map((d) => d.conversation.id)).toContain(single.id);
  });

  it('keeps the TTLs of seed 003', async () => {
    const [me] = await f.users(1);
    const g = await createGroupConversation(f.ctx(), { ownerId: me!.id, name: 'ttl' });
    await getUserConversationsWithDetails(f.ctx(), me!.id, 0, 10);
    await getConversation(f.ctx(), g.id);
    const ttl = async (key: string) => f.redis.ttl(key);
    expect(await ttl(cacheKeys.conversationsFull(me!.id))).toBeGreaterThan(3500);
    expect(await ttl(cacheKeys.unread(me!.id))).toBeGreaterThan(590);
    expect(await ttl(cacheKeys.unread(me!.id))).toBeLessThanOrEqual(600);
    expect(await ttl(cacheKeys.conversationBasic(g.id))).toBeGreaterThan(1790);
  });
});
