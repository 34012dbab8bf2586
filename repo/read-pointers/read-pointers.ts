import type { RepoCtx } from '../context.ts';
import { bumpUserGenerations } from '../cache.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { inTransaction, num, rows, run } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';

/** Unread, besides being after the pointer: not sent by the user (the ?), not deleted, not recalled. */
export const UNREAD_RULE = 'm.sender_id <> ? AND m.deleted = 0 AND m.recalled = 0';

/**
 * Moves the pointer forward only, and never past the conversation's last seq (a client cannot
 * mark as read what does not exist yet).
 */
export async function updateReadPointer(ctx: RepoCtx, userId: Id, conversationId: Id, seq: number): Promise<{ lastReadSeq: number; moved: boolean }> {
  checkId('userId', userId);
  checkId('conversationId', conversationId);
  checkInt('seq', seq, 0, Number.MAX_SAFE_INTEGER);
  const result = await inTransaction(ctx.em, async (tem) => {
    const [conv] = await rows(tem, 'SELECT last_seq FROM conversations WHERE id = ?', [conversationId]);
    if (!conv) throw new NotFoundError('conversation', conversationId);
    const [member] = await rows(tem, 'SELECT 1 AS ok FROM conversation_members WHERE conversation_id = ? AND user_id = ?', [conversationId, userId]);
    if (!member) throw new ForbiddenError('not_member', `user ${userId} is not a member of conversation ${conversationId}`);
    const target = Math.min(seq, num(conv.last_seq));
    const [prev] = await rows(tem, 'SELECT last_read_seq_id FROM user_read_pointers WHERE user_id = ? AND conversation_id = ? FOR UPDATE', [userId, conversationId]);
    if (prev && num(prev.last_read_seq_id) >= target) return { lastReadSeq: num(prev.last_read_seq_id), moved: false };
    // Read implies delivered: the delivered pointer comes along.
    await run(
      tem,
      `INSERT INTO user_read_pointers (user_id, conversation_id, last_read_seq_id, last_delivered_seq_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE last_read_seq_id = VALUES(last_read_seq_id),
         last_delivered_seq_id = GREATEST(last_delivered_seq_id, VALUES(last_delivered_seq_id)), updated_at = VALUES(updated_at)`,
      [userId, conversationId, target, target, new Date()],
    );
    return { lastReadSeq: target, moved: true };
  });
  if (result.moved) await bumpUserGenerations(ctx.redis, [userId]);
  return result;
}


/**
 * Moves a member's delivered pointer forward to `seq`, clamped to the conversation's last seq;
 * the pointer now stored when it moved, null when it did not (a report that does not advance
 * it, the read pointer already there, no pointer row: not a member). Called about once a second
 * per device and conversation, so it is two statements and no transaction: the last seq only
 * grows, and the conditional update is atomic.
 */
export async function advanceDeliveredPointer(ctx: RepoCtx, userId: Id, conversationId: Id, seq: number): Promise<number | null> {
  checkId('userId', userId);
  checkId('conversationId', conversationId);
  checkInt('seq', seq, 0, Number.MAX_SAFE_INTEGER);
  const [conv] = await rows(ctx.em, 'SELECT last_seq FROM conversations WHERE id = ?', [conversationId]);
  if (!conv) throw new NotFoundError('conversation', conversationId);
  const target = Math.min(seq, num(conv.last_seq));
  if (target === 0) return null;
  const res = await run(
    ctx.em,
    `UPDATE user_read_pointers SET last_delivered_seq_id = ?
      WHERE user_id = ? AND conversation_id = ? AND last_delivered_seq_id < ? AND last_read_seq_id < ?`,
    [target, userId, conversationId, target, target],
  );
  return res.affectedRows > 0 ? target : null;
}
