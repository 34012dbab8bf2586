// Blocks between users. A block is one-sided as stored (who blocked whom) and two-sided in
// effect: between the pair no friend request or 1:1 message passes and neither sees the other's
// presence. Unblocking restores what the pair had (friendship and conversation are untouched).
import type { RepoCtx } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { idOf, marks, rows, run } from '../sql.ts';
import type { FriendView, Id } from '../types.ts';
import { checkId, checkIds } from '../validate.ts';
import { requireUsers } from '../conversations/queries.ts';
import { listRelated } from './friends.ts';

/** Idempotent; returns false when the block was already there. */
export async function blockUser(ctx: RepoCtx, blockerId: Id, blockedId: Id): Promise<boolean> {
  checkId('blockerId', blockerId);
  checkId('blockedId', blockedId);
  if (blockerId === blockedId) throw new ValidationError('blockedId', 'a user cannot block themselves');
  await requireUsers(ctx.em, [blockerId, blockedId]);
  const res = await run(ctx.em, 'INSERT IGNORE INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)', [blockerId, blockedId, new Date()]);
  return res.affectedRows > 0;
}

/** Idempotent; returns false when there was no such block. */
export async function unblockUser(ctx: RepoCtx, blockerId: Id, blockedId: Id): Promise<boolean> {
  checkId('blockerId', blockerId);
  checkId('blockedId', blockedId);
  const res = await run(ctx.em, 'DELETE FROM user_blocks WHERE blocker_id = ? AND blocked_id = ?', [blockerId, blockedId]);
  return res.affectedRows > 0;
}

/** The users `userId` blocked, in user-id order with their profile and when; page with `afterUserId`. */
export function listBlocks(ctx: RepoCtx, userId: Id, opts: { limit?: number; afterUserId?: Id } = {}): Promise<FriendView[]> {
  return listRelated(ctx, { table: 'user_blocks', owner: 'blocker_id', other: 'blocked_id' }, userId, opts);
}

/** Which of `others` have a block with `userId`, in either direction. */
export async function blockedAmong(ctx: RepoCtx, userId: Id, others: Id[]): Promise<Set<Id>> {
  checkId('userId', userId);
  const ids = checkIds('others', others, 10_000);
  return blockedWith(ctx.em, userId, ids);
}

export async function blockedWith(em: Em, userId: Id, others: Id[]): Promise<Set<Id>> {
  if (others.length === 0) return new Set();
  const found = await rows(
    em,
    `SELECT blocked_id AS other FROM user_blocks WHERE blocker_id = ? AND blocked_id IN (${marks(others.length)})
     UNION SELECT blocker_id AS other FROM user_blocks WHERE blocked_id = ? AND blocker_id IN (${marks(others.length)})`,
    [userId, ...others, userId, ...others],
  );
  return new Set(found.map((r) => idOf(r.other)));
}
