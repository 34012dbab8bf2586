import { describe, expect, it } from 'vitest';
import {
  createFriendRequest, getFriendRequest, listFriendIds, listFriends, listIncomingRequests,
  listOutgoingRequests, updateFriendRequest, ConflictError,
} from '../../repo/index.ts';
import { areFriends } from '../helpers/repo-state.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('friends', () => {
  it('requests, lists both sides, accepts into a friendship both ways', async () => {
    const [a, b] = await f.users(2);
    const r = await createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: b!.id, message: 'hi' });
    expect(r).toMatchObject({ requesterId: a!.id, targetId: b!.id, message: 'hi', status: 0, handledAt: null });
    expect(await getFriendRequest(f.ctx(), r.id)).toEqual(r);
    expect((await listIncomingRequests(f.ctx(), b!.id)).map((x) => x.id)).toEqual([r.id]);
    expect((await listOutgoingRequests(f.ctx(), a!.id)).map((x) => x.id)).toEqual([r.id]);
    await expect(updateFriendRequest(f.ctx(), r.id, 1, { actorId: a!.id })).rejects.toMatchObject({ code: 'not_target' });
    const accepted = await updateFriendRequest(f.ctx(), r.id, 1, { actorId: b!.id });
    expect(accepted.status).toBe(1);
    expect(accepted.handledAt).not.toBeNull();
    expect(await areFriends(f.ctx(), a!.id, b!.id)).toBe(true);
    expect(await areFriends(f.ctx(), b!.id, a!.id)).toBe(true);
    expect(await listFriendIds(f.ctx(), a!.id)).toEqual([b!.id]);
    expect((await listFriends(f.ctx(), b!.id)).map((x) => x.user.id)).toEqual([a!.id]);
    expect(await listIncomingRequests(f.ctx(), b!.id)).toEqual([]);
    expect((await listIncomingRequests(f.ctx(), b!.id, { status: 1 })).map((x) => x.id)).toEqual([r.id]);
    await expect(updateFriendRequest(f.ctx(), r.id, 2)).rejects.toMatchObject({ reason: 'request_not_pending' });
  });

  it('refuses self, duplicates while pending (either direction, also when racing) and existing friends', async () => {
    const [a, b, c] = await f.users(3);
    await expect(createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: a!.id })).rejects.toMatchObject({ reason: 'self_request' });
    const racing = await Promise.allSettled(Array.from({ length: 8 }, () => createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: b!.id })));
    expect(racing.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(racing.filter((x) => x.status === 'rejected').every((x) => (x).reason instanceof ConflictError)).toBe(true);
    await expect(createFriendRequest(f.ctx(), { requesterId: b!.id, targetId: a!.id })).rejects.toMatchObject({ reason: 'request_pending' });
    const first = (await listOutgoingRequests(f.ctx(), a!.id))[0]!;
    await updateFriendRequest(f.ctx(), first.id, 1);
    await expect(createFriendRequest(f.ctx(), { requesterId: b!.id, targetId: a!.id })).rejects.toMatchObject({ reason: 'already_friends' });
    // Rejected and expired requests do not block a new one.
    const r2 = await createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: c!.id });
    await updateFriendRequest(f.ctx(), r2.id, 2);
    const r3 = await createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: c!.id });
    expect((await updateFriendRequest(f.ctx(), r3.id, 3)).status).toBe(3);
    expect(await areFriends(f.ctx(), a!.id, c!.id)).toBe(false);
  });

  it('gives typed errors for unknown ids and bad input, writing nothing', async () => {
    const [a] = await f.users(1);
    await expect(createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: '999999999999' })).rejects.toMatchObject({ code: 'not_found', entity: 'user' });
    await expect(createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: 'nope' })).rejects.toMatchObject({ field: 'targetId' });
    await expect(createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: '1', message: 'm'.repeat(256) })).rejects.toMatchObject({ field: 'message' });
    await expect(updateFriendRequest(f.ctx(), '999999999999', 1)).rejects.toMatchObject({ entity: 'friend_request' });
    await expect(updateFriendRequest(f.ctx(), '1', 7 as 1)).rejects.toMatchObject({ field: 'status' });
    expect(await f.count('SELECT COUNT(*) AS n FROM friendship_requests WHERE requester_id = ?', [a!.id])).toBe(0);
    expect(await getFriendRequest(f.ctx(), '999999999999')).toBeNull();
  });
});
