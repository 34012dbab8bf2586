// Blocks and unfriending in the repo: a block (either direction) refuses friend requests and 1:1
// sends on both store paths and hides presence; unfriending refuses 1:1 sends but keeps the
// history, and a new accepted request opens the same conversation again. Each refusal in a batch
// stores nothing and leaves the rest of the batch alone.
import { describe, expect, it } from 'vitest';
import {
  blockedAmong, blockUser, createFriendRequest, createGroupConversation, createSingleConversation, getMessagesAfterSeq,
  getSendRefusal, listBlocks, listFriendIds, removeFriendship, saveMessage, saveMessagesAcross, unblockUser, updateFriendRequest,
  type SaveMessageInput,
} from '../../repo/index.ts';
import { setupFixture } from '../repo/fixture.ts';

const f = await setupFixture();

let n = 0;
const input = (conversationId: string, senderId: string): SaveMessageInput =>
  ({ conversationId, senderId, clientMsgId: `so-${Date.now()}-${n++}`, messageType: 1, content: `text ${n}` });
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

/** Two friends (through an accepted request) and their 1:1 conversation. */
async function friends() {
  const [a, b] = await f.users(2);
  const r = await createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: b!.id });
  await updateFriendRequest(f.ctx(), r.id, 1);
  const { conversation } = await createSingleConversation(f.ctx(), a!.id, b!.id);
  return { a: a!.id, b: b!.id, conversationId: conversation.id };
}

async function batch(conversationId: string, inputs: SaveMessageInput[]) {
  const out = await saveMessagesAcross(f.ctx(), new Map([[conversationId, inputs]]));
  return out.get(conversationId)!.results.map(codeOf);
}

describe('blocks', () => {
  it('are idempotent, listed for the blocker only, and refuse a blocked pair nothing else', async () => {
    const [a, b, c] = await f.users(3);
    expect(await blockUser(f.ctx(), a!.id, b!.id)).toBe(true);
    expect(await blockUser(f.ctx(), a!.id, b!.id)).toBe(false);
    expect(await blockUser(f.ctx(), a!.id, c!.id)).toBe(true);
    // Listed in user-id order (the fixture may create users in any order).
    const [first, second] = [b!.id, c!.id].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
    expect((await listBlocks(f.ctx(), a!.id)).map((x) => x.user.id)).toEqual([first, second]);
    expect((await listBlocks(f.ctx(), a!.id, { afterUserId: first!, limit: 1 })).map((x) => x.user.id)).toEqual([second]);
    expect(await listBlocks(f.ctx(), b!.id)).toEqual([]);
    expect([...(await blockedAmong(f.ctx(), b!.id, [a!.id, c!.id]))]).toEqual([a!.id]);
    expect(await unblockUser(f.ctx(), a!.id, b!.id)).toBe(true);
    expect(await unblockUser(f.ctx(), a!.id, b!.id)).toBe(false);
    expect(await blockedAmong(f.ctx(), b!.id, [a!.id])).toEqual(new Set());
  });

  it('refuses bad input, self and unknown users, storing nothing', async () => {
    const [a] = await f.users(1);
    await expect(blockUser(f.ctx(), a!.id, a!.id)).rejects.toMatchObject({ field: 'blockedId' });
    await expect(blockUser(f.ctx(), a!.id, 'x')).rejects.toMatchObject({ field: 'blockedId' });
    await expect(blockUser(f.ctx(), a!.id, '999999999999')).rejects.toMatchObject({ entity: 'user' });
    expect(await f.count('SELECT COUNT(*) AS n FROM user_blocks WHERE blocker_id = ?', [a!.id])).toBe(0);
  });

  it('refuse friend requests in both directions until unblocked', async () => {
    const [a, b] = await f.users(2);
    await blockUser(f.ctx(), a!.id, b!.id);
    await expect(createFriendRequest(f.ctx(), { requesterId: b!.id, targetId: a!.id })).rejects.toMatchObject({ code: 'blocked' });
    await expect(createFriendRequest(f.ctx(), { requesterId: a!.id, targetId: b!.id })).rejects.toMatchObject({ code: 'blocked' });
    expect(await f.count('SELECT COUNT(*) AS n FROM friendship_requests WHERE requester_id IN (?, ?)', [a!.id, b!.id])).toBe(0);
    await unblockUser(f.ctx(), a!.id, b!.id);
    expect((await createFriendRequest(f.ctx(), { requesterId: b!.id, targetId: a!.id })).status).toBe(0);
  });

  it('refuse 1:1 sends both ways on both store paths, leave groups and the rest of a batch alone, and lift on unblock', async () => {
    const { a, b, conversationId } = await friends();
    const group = await createGroupConversation(f.ctx(), { ownerId: a, name: 'g', memberIds: [b] });
    await blockUser(f.ctx(), a, b);
    expect(await batch(conversationId, [input(conversationId, b), input(conversationId, a)])).toEqual(['blocked', 'blocked']);
    await expect(saveMessage(f.ctx(), input(conversationId, b))).rejects.toMatchObject({ code: 'blocked' });
    expect(await getSendRefusal(f.ctx(), conversationId, b)).toMatchObject({ code: 'blocked' });
    const across = await saveMessagesAcross(f.ctx(), new Map([[conversationId, [input(conversationId, b)]], [group.id, [input(group.id, b)]]]));
    expect(across.get(conversationId)!.results.map(codeOf)).toEqual(['blocked']);
    expect(across.get(group.id)!.results.map(codeOf)).toEqual(['ok']);
    expect(await f.count('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [conversationId])).toBe(0);

    await unblockUser(f.ctx(), a, b);
    expect(await batch(conversationId, [input(conversationId, b)])).toEqual(['ok']);
    expect(await getSendRefusal(f.ctx(), conversationId, b)).toBeNull();
  });

  it('hide presence both ways: neither hears of the other, other friends still do', async () => {
    const { a, b } = await friends();
    const [c] = await f.users(1);
    const r = await createFriendRequest(f.ctx(), { requesterId: a, targetId: c!.id });
    await updateFriendRequest(f.ctx(), r.id, 1);
    await blockUser(f.ctx(), b, a);
    expect(await listFriendIds(f.ctx(), a)).toEqual([c!.id]);
    expect(await listFriendIds(f.ctx(), b)).toEqual([]);
    await unblockUser(f.ctx(), b, a);
    expect((await listFriendIds(f.ctx(), a)).sort()).toEqual([b, c!.id].sort());
  });
});

describe('unfriending', () => {
  it('ends the friendship both ways, refuses 1:1 sends and keeps the history; a new accepted request reopens the same conversation', async () => {
    const { a, b, conversationId } = await friends();
    await saveMessage(f.ctx(), input(conversationId, a));
    expect(await removeFriendship(f.ctx(), b, a)).toBe(true);
    expect(await removeFriendship(f.ctx(), b, a)).toBe(false);
    expect(await listFriendIds(f.ctx(), a)).toEqual([]);
    expect(await listFriendIds(f.ctx(), b)).toEqual([]);
    expect(await batch(conversationId, [input(conversationId, a), input(conversationId, b)])).toEqual(['not_friends', 'not_friends']);
    await expect(saveMessage(f.ctx(), input(conversationId, b))).rejects.toMatchObject({ code: 'not_friends' });
    expect(await getMessagesAfterSeq(f.ctx(), conversationId, 0, 10)).toHaveLength(1);

    const again = await createFriendRequest(f.ctx(), { requesterId: b, targetId: a });
    await updateFriendRequest(f.ctx(), again.id, 1);
    expect((await createSingleConversation(f.ctx(), a, b)).conversation.id).toBe(conversationId);
    expect(await batch(conversationId, [input(conversationId, b)])).toEqual(['ok']);
    expect((await getMessagesAfterSeq(f.ctx(), conversationId, 0, 10)).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('a block outranks not being friends', async () => {
    const { a, b, conversationId } = await friends();
    await removeFriendship(f.ctx(), a, b);
    await blockUser(f.ctx(), b, a);
    expect(await batch(conversationId, [input(conversationId, a)])).toEqual(['blocked']);
  });
});
