// Who may send in a conversation, read in the same statement as the sender's membership: both
// store paths (the batch store's first request, the single save) and the REST send's early check
// run this one statement, so every path refuses alike and the batch store spends no extra round
// trip on it. The order of the checks decides which code a sender hears when several apply.
import { ConflictError, ForbiddenError, type RepoError } from '../errors.ts';
import type { RepoCtx } from '../context.ts';
import { bool, num, rows, type Row } from '../sql.ts';
import { checkId } from '../validate.ts';
import type { Id } from '../types.ts';
import { BLOCK_BETWEEN } from '../friends/block-sql.ts';

export type SendRefusalCode = 'not_member' | 'group_dissolved' | 'blocked' | 'not_friends' | 'muted' | 'group_muted';

/**
 * One row per (conversation, sender) pair that is a membership: role, whether a mute applies at
 * `now` (no end, or an end after it), and what the conversation says: dissolved, mute-all, a 1:1
 * whose users are no longer friends, a block between a 1:1's two users.
 */
export function sendRulesStatement(pairs: readonly (readonly [Id, Id])[], now: unknown): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT cm.conversation_id, cm.user_id, cm.role, (cm.muted = 1 OR cm.muted_until > ?) AS muted_now,
                 c.mute_all, c.dissolved_at IS NOT NULL AS dissolved, (c.type = 1 AND c.unfriended_at IS NOT NULL) AS unfriended,
                 (c.type = 1 AND EXISTS (SELECT 1 FROM conversation_members peer
                    WHERE peer.conversation_id = cm.conversation_id AND peer.user_id <> cm.user_id AND ${BLOCK_BETWEEN('cm.user_id', 'peer.user_id')})) AS blocked
            FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
           WHERE (cm.conversation_id, cm.user_id) IN (${pairs.map(() => '(?, ?)').join(', ')})`,
    params: [now, ...pairs.flat()],
  };
}

/** Why `senderId` may not send in `conversationId` (its row of sendRulesStatement, or none), or undefined. */
export function sendRefusal(row: Row | undefined, conversationId: Id, senderId: Id): { code: SendRefusalCode; message: string } | undefined {
  if (!row) return { code: 'not_member', message: `user ${senderId} is not a member of conversation ${conversationId}` };
  if (bool(row.dissolved)) return { code: 'group_dissolved', message: `conversation ${conversationId} was dissolved` };
  if (num(row.blocked) > 0) return { code: 'blocked', message: `a block stands between the users of conversation ${conversationId}` };
  if (num(row.unfriended) > 0) return { code: 'not_friends', message: `the users of conversation ${conversationId} are not friends any more` };
  if (num(row.muted_now) > 0) return { code: 'muted', message: `user ${senderId} is muted in conversation ${conversationId}` };
  if (bool(row.mute_all) && row.role === 'member') return { code: 'group_muted', message: `conversation ${conversationId} is muted for members` };
  return undefined;
}

/** A refusal as the single save throws it. */
export function sendRefusalError(refusal: { code: SendRefusalCode; message: string }): RepoError {
  return refusal.code === 'group_dissolved' ? new ConflictError('group_dissolved', refusal.message) : new ForbiddenError(refusal.code, refusal.message);
}

/** The early check of a send that does not go through the store at once (REST): the same rules, one query. */
export async function getSendRefusal(ctx: RepoCtx, conversationId: Id, senderId: Id): Promise<{ code: SendRefusalCode; message: string } | null> {
  checkId('conversationId', conversationId);
  checkId('senderId', senderId);
  const statement = sendRulesStatement([[conversationId, senderId]], new Date());
  const [row] = await rows(ctx.em, statement.sql, statement.params);
  return sendRefusal(row, conversationId, senderId) ?? null;
}
