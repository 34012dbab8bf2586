// What decides whether a notification still goes out, read for one user and a batch of messages
// at the moment of sending: the user's membership, read and delivered pointers and
// do-not-disturb in each conversation, which of the messages were recalled or deleted since,
// and which senders the user has blocked. Three indexed statements, whatever the batch size.
import type { RepoCtx } from '../context.ts';
import { bool, idOf, num, rows } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkIds } from '../validate.ts';

export interface PushConversationState {
  type: number;
  name: string | null;
  doNotDisturb: boolean;
  /** Seq the user has read up to. */
  lastReadSeq: number;
  /** Seq the user's devices reported holding (read implies delivered). */
  lastDeliveredSeq: number;
}

export interface PushAudience {
  /** The conversations the user is still a member of; one they left is absent. */
  conversations: Map<Id, PushConversationState>;
  /** Messages of the batch that are recalled or deleted (or gone). */
  withdrawn: Set<Id>;
  /** Senders of the batch the user has blocked. */
  blockedSenders: Set<Id>;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export async function getPushAudience(ctx: RepoCtx, userId: Id, batch: { conversationId: Id; messageId: Id; senderId: Id }[]): Promise<PushAudience> {
  checkId('userId', userId);
  const conversationIds = checkIds('conversationIds', batch.map((b) => b.conversationId));
  const messageIds = checkIds('messageIds', batch.map((b) => b.messageId));
  const senderIds = checkIds('senderIds', batch.map((b) => b.senderId));
  if (messageIds.length === 0) return { conversations: new Map(), withdrawn: new Set(), blockedSenders: new Set() };
  const states = await rows(
    ctx.em,
    `SELECT cm.conversation_id, c.type, c.name, cm.do_not_disturb,
            COALESCE(rp.last_read_seq_id, 0) AS last_read, COALESCE(rp.last_delivered_seq_id, 0) AS last_delivered
       FROM conversation_members cm
       JOIN conversations c ON c.id = cm.conversation_id
       LEFT JOIN user_read_pointers rp ON rp.user_id = cm.user_id AND rp.conversation_id = cm.conversation_id
      WHERE cm.user_id = ? AND cm.conversation_id IN (${placeholders(conversationIds.length)})`,
    [userId, ...conversationIds],
  );
  const present = await rows(ctx.em, `SELECT id FROM messages WHERE id IN (${placeholders(messageIds.length)}) AND recalled = 0 AND deleted = 0`, messageIds);
  const blocks = await rows(ctx.em, `SELECT blocked_id FROM user_blocks WHERE blocker_id = ? AND blocked_id IN (${placeholders(senderIds.length)})`, [userId, ...senderIds]);
  const conversations = new Map<Id, PushConversationState>();
  for (const r of states) {
    const lastRead = num(r.last_read);
    conversations.set(idOf(r.conversation_id), {
      type: num(r.type),
      name: typeof r.name === 'string' ? r.name : null,
      doNotDisturb: bool(r.do_not_disturb),
      lastReadSeq: lastRead,
      lastDeliveredSeq: Math.max(lastRead, num(r.last_delivered)),
    });
  }
  const kept = new Set(present.map((r) => idOf(r.id)));
  return {
    conversations,
    withdrawn: new Set(messageIds.filter((id) => !kept.has(id))),
    blockedSenders: new Set(blocks.map((r) => idOf(r.blocked_id))),
  };
}
