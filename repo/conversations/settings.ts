// A member's own settings of a conversation: do-not-disturb, pin and hide. They change only that
// member's conversation list, so a write raises that member's cache generation (repo/cache.ts).
import type { RepoCtx } from '../context.ts';
import { bumpUserGenerations } from '../cache.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { bool, msOrNull, rows, run } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId } from '../validate.ts';

export interface ConversationSettings {
  doNotDisturb: boolean;
  /** When pinned (ms; null: not pinned). */
  pinnedAt: number | null;
  /** Left out of the list until a message arrives after the hide. */
  hidden: boolean;
}

/**
 * Fields left out stay as they are. Pinning again keeps the first pin's time; hiding records the
 * conversation's last seq now, and unhiding (or a later message) shows it again.
 */
export async function updateConversationSettings(
  ctx: RepoCtx,
  conversationId: Id,
  userId: Id,
  patch: { doNotDisturb?: boolean; pinned?: boolean; hidden?: boolean },
): Promise<ConversationSettings> {
  checkId('conversationId', conversationId);
  checkId('userId', userId);
  const sets: string[] = [];
  const params: unknown[] = [];
  if (patch.doNotDisturb !== undefined) {
    sets.push('cm.do_not_disturb = ?');
    params.push(patch.doNotDisturb ? 1 : 0);
  }
  if (patch.pinned !== undefined) sets.push(patch.pinned ? 'cm.pinned_at = COALESCE(cm.pinned_at, ?)' : 'cm.pinned_at = NULL');
  if (patch.pinned === true) params.push(new Date());
  if (patch.hidden !== undefined) sets.push(patch.hidden ? 'cm.hidden_seq = c.last_seq' : 'cm.hidden_seq = NULL');
  if (sets.length === 0) throw new ValidationError('patch', 'nothing to change');
  await run(ctx.em, `UPDATE conversation_members cm JOIN conversations c ON c.id = cm.conversation_id SET ${sets.join(', ')} WHERE cm.conversation_id = ? AND cm.user_id = ?`, [...params, conversationId, userId]);
  const [row] = await rows(
    ctx.em,
    'SELECT cm.do_not_disturb, cm.pinned_at, (cm.hidden_seq IS NOT NULL AND c.last_seq <= cm.hidden_seq) AS hidden FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id WHERE cm.conversation_id = ? AND cm.user_id = ?',
    [conversationId, userId],
  );
  if (!row) throw new NotFoundError('member', `${userId} in conversation ${conversationId}`);
  await bumpUserGenerations(ctx.redis, [userId]);
  return { doNotDisturb: bool(row.do_not_disturb), pinnedAt: msOrNull(row.pinned_at), hidden: Number(row.hidden) > 0 };
}
