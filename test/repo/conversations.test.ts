import { describe, expect, it } from 'vitest';
import {
  addMembers, createGroupConversation, createSingleConversation, getConversation, getMemberIds, getMembers,
  getMembership, removeMembers, setMemberRole, ConflictError, NotFoundError,
} from '../../repo/index.ts';
import { setMemberMuted } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('conversations', () => {
  it('keeps exactly one single conversation per pair, also when created concurrently from both sides', async () => {
    const [a, b] = await f.users(2);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? createSingleConversation(f.ctx(), a!.id, b!.id) : createSingleConversation(f.ctx(), b!.id, a!.id))));
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const c = results[0]!.conversation;
    expect(c).toMatchObject({ type: 1, memberCount: 2, ownerId: null, lastSeq: 0 });
    expect((await getMemberIds(f.ctx(), c.id)).sort()).toEqual([a!.id, b!.id].sort());
    await expect(addMembers(f.ctx(), c.id, [(await f.user()).id])).rejects.toMatchObject({ reason: 'single_conversation_fixed' });
    await expect(createSingleConversation(f.ctx(), a!.id, a!.id)).rejects.toMatchObject({ field: 'userB' });
    await expect(createSingleConversation(f.ctx(), a!.id, '999999999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a group with its creator as owner and reads it through the cache', async () => {
    const [owner, m1, m2] = await f.users(3);
    const g = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'Team', memberIds: [m1!.id, m2!.id, owner!.id] });
    expect(g).toMatchObject({ type: 2, name: 'Team', ownerId: owner!.id, memberCount: 3 });
    expect(await getMembership(f.ctx(), g.id, owner!.id)).toMatchObject({ role: 'owner', muted: false });
    expect(await getMembership(f.ctx(), g.id, m1!.id)).toMatchObject({ role: 'member' });
    expect(await getMembership(f.ctx(), g.id, '999999999999')).toBeNull();
    expect(await getConversation(f.ctx(), g.id)).toEqual(g);
    expect(await getConversation(f.ctx(), g.id)).toEqual(g);
    expect(await getConversation(f.ctx(), '999999999999')).toBeNull();
    await expect(createGroupConversation(f.ctx(), { ownerId: owner!.id, name: '' })).rejects.toMatchObject({ field: 'name' });
    await expect(createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'x', memberIds: ['999999999999'] })).rejects.toMatchObject({ entity: 'user' });
    await expect(createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'x', memberIds: [m1!.id, m2!.id], maxMembers: 2 })).rejects.toMatchObject({ reason: 'capacity_exceeded' });
    expect(await f.count('SELECT COUNT(*) AS n FROM conversations WHERE owner_id = ?', [owner!.id])).toBe(1);
  });

  it('adds members in batches with the capacity checked and member_count kept right under concurrency', async () => {
    const [owner] = await f.users(1);
    const g = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'big' });
    const joiners = await f.users(30);
    const results = await Promise.allSettled(joiners.map((u) => addMembers(f.ctx(), g.id, [u.id], { maxMembers: 21 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r).reason instanceof ConflictError)).toBe(true);
    expect((await getConversation(f.ctx(), g.id))?.memberCount).toBe(21);
    expect(await f.count('SELECT COUNT(*) AS n FROM conversation_members WHERE conversation_id = ?', [g.id])).toBe(21);
    const again = await addMembers(f.ctx(), g.id, [owner!.id], { maxMembers: 21 });
    expect(again).toEqual({ added: [], memberCount: 21 });
    await expect(addMembers(f.ctx(), g.id, ['999999999999'])).rejects.toMatchObject({ entity: 'user' });
    await expect(addMembers(f.ctx(), '999999999999', [owner!.id])).rejects.toMatchObject({ entity: 'conversation' });
    await expect(addMembers(f.ctx(), g.id, [owner!.id], { role: 'king' as 'admin' })).rejects.toMatchObject({ field: 'role' });
  });

  it('pages members, removes them, changes roles and mutes', async () => {
    const [owner, ...rest] = await f.users(6);
    const g = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'm', memberIds: rest.map((u) => u.id) });
    const all = [owner!.id, ...rest.map((u) => u.id)].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
    const page1 = await getMembers(f.ctx(), g.id, { limit: 4 });
    const page2 = await getMembers(f.ctx(), g.id, { limit: 4, afterUserId: page1.at(-1)!.userId });
    expect([...page1, ...page2].map((m) => m.userId)).toEqual(all);
    expect(await getMemberIds(f.ctx(), g.id, { limit: 2 })).toEqual(all.slice(0, 2));

    expect(await removeMembers(f.ctx(), g.id, [rest[0]!.id, '999999999999'])).toEqual({ removed: [rest[0]!.id], memberCount: 5 });
    await expect(removeMembers(f.ctx(), g.id, [owner!.id])).rejects.toMatchObject({ reason: 'last_owner' });

    expect(await setMemberRole(f.ctx(), g.id, rest[1]!.id, 'admin')).toMatchObject({ role: 'admin' });
    await expect(setMemberRole(f.ctx(), g.id, owner!.id, 'member')).rejects.toMatchObject({ reason: 'last_owner' });
    expect(await setMemberRole(f.ctx(), g.id, rest[2]!.id, 'owner')).toMatchObject({ role: 'owner' });
    expect(await getMembership(f.ctx(), g.id, owner!.id)).toMatchObject({ role: 'admin' });
    expect((await getConversation(f.ctx(), g.id))?.ownerId).toBe(rest[2]!.id);
    await expect(setMemberRole(f.ctx(), g.id, rest[0]!.id, 'admin')).rejects.toMatchObject({ entity: 'member' });

    expect(await setMemberMuted(f.ctx(), g.id, rest[3]!.id, true)).toMatchObject({ muted: true });
    await expect(setMemberMuted(f.ctx(), g.id, rest[0]!.id, true)).rejects.toBeInstanceOf(NotFoundError);
  });
});
