// Per-message receipts from the members' pointers: a message at `seq` is delivered to a member
// whose delivered (or read) pointer reached it, and read by one whose read pointer did. One
// aggregate query over the conversation's members, whatever their number.
import type { RepoCtx } from '../context.ts';
import { idOrNull, num, rows } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';

export interface MessageReceipts {
  /** Members other than the sender who were members when it was sent (and still are). */
  of: number;
  delivered: number;
  read: number;
  /** One of those members (the only one in a 1:1 conversation); null when there is none. */
  someMember: Id | null;
}

/**
 * Receipts of a message of `senderId` at `seq`, sent at `sentAt` (ms). Members who joined later
 * are left out: their pointers start at the seq they joined at, which says nothing about this
 * message reaching them.
 */
export async function getMessageReceipts(ctx: RepoCtx, conversationId: Id, seq: number, senderId: Id, sentAt: number): Promise<MessageReceipts> {
  checkId('conversationId', conversationId);
  checkId('senderId', senderId);
  checkInt('seq', seq, 1, Number.MAX_SAFE_INTEGER);
  checkInt('sentAt', sentAt, 0, Number.MAX_SAFE_INTEGER);
  const [row] = await rows(
    ctx.em,
    `SELECT COUNT(*) AS members,
            COALESCE(SUM(GREATEST(COALESCE(urp.last_delivered_seq_id, 0), COALESCE(urp.last_read_seq_id, 0)) >= ?), 0) AS delivered,
            COALESCE(SUM(COALESCE(urp.last_read_seq_id, 0) >= ?), 0) AS rd,
            MAX(cm.user_id) AS some_member
       FROM conversation_members cm
       LEFT JOIN user_read_pointers urp ON urp.user_id = cm.user_id AND urp.conversation_id = cm.conversation_id
      WHERE cm.conversation_id = ? AND cm.user_id <> ? AND cm.joined_at <= ?`,
    [seq, seq, conversationId, senderId, new Date(sentAt)],
  );
  return {
    of: num(row?.members ?? 0),
    delivered: num(row?.delivered ?? 0),
    read: num(row?.rd ?? 0),
    someMember: idOrNull(row?.some_member),
  };
}
