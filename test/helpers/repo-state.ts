// Repo state the tests set up or read back that no process needs: a muted member, a soft-deleted
// message, a friendship check, a read pointer, a one-conversation batch save. Built from the
// repo's public functions, or SQL followed by the cache invalidation the repo does on such writes.
import { bumpUserGenerations, bumpVersions, publishVersions } from '../../repo/cache.ts';
import {
  getMembership, listFriendIds, NotFoundError, saveMessagesAcross,
  type BatchSaveResult, type Id, type MemberView, type RepoCtx, type SaveMessageInput,
} from '../../repo/index.ts';
import { idOf, inTransaction, num, rows, run } from '../../repo/sql.ts';

export async function areFriends(ctx: RepoCtx, a: Id, b: Id): Promise<boolean> {
  return (await listFriendIds(ctx, a)).includes(b);
}

export async function setMemberMuted(ctx: RepoCtx, conversationId: Id, userId: Id, muted: boolean): Promise<MemberView> {
  const res = await run(ctx.em, 'UPDATE conversation_members SET muted = ? WHERE conversation_id = ? AND user_id = ?', [muted, conversationId, userId]);
  if (res.affectedRows > 0) await bumpUserGenerations(ctx.redis, [userId]);
  const member = await getMembership(ctx, conversationId, userId);
  if (!member) throw new NotFoundError('member', `${userId} in conversation ${conversationId}`);
  return member;
}

/** Soft delete: the row and its seq stay; its content is no longer served. */
export async function deleteMessage(ctx: RepoCtx, messageId: Id): Promise<void> {
  const bumps = await inTransaction(ctx.em, async (tem) => {
    const [row] = await rows(tem, 'SELECT conversation_id FROM messages WHERE id = ? FOR UPDATE', [messageId]);
    if (!row) throw new NotFoundError('message', messageId);
    await run(tem, 'UPDATE messages SET deleted = 1 WHERE id = ?', [messageId]);
    return bumpVersions(tem, [idOf(row.conversation_id)]);
  });
  await publishVersions(ctx.redis, bumps);
}

export async function readPointer(ctx: RepoCtx, userId: Id, conversationId: Id): Promise<number> {
  const [row] = await rows(ctx.em, 'SELECT last_read_seq_id FROM user_read_pointers WHERE user_id = ? AND conversation_id = ?', [userId, conversationId]);
  return row ? num(row.last_read_seq_id) : 0;
}

/** The messages of one conversation, saved as a batch of the cross-conversation save. */
export async function saveMessages(ctx: RepoCtx, conversationId: Id, inputs: SaveMessageInput[], opts: { maxContentBytes?: number } = {}): Promise<BatchSaveResult[]> {
  const saved = (await saveMessagesAcross(ctx, new Map([[conversationId, inputs]]), opts)).get(conversationId);
  if (!saved) throw new Error(`no results for conversation ${conversationId}`);
  return saved.results;
}
