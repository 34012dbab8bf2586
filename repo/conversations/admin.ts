// Group administration (rename, avatar, announcement, mute-all, dissolve) and member mutes. Who
// may do what is the gateway's rule (gateway/services/groups.ts); here every change happens under
// the conversation's row lock and bumps its version, so cached lists and views are rebuilt.
import type { RepoCtx } from '../context.ts';
import { bumpUserGenerations, bumpVersions, publishVersions } from '../cache.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { inTransaction, run } from '../sql.ts';
import type { ConversationView, Id } from '../types.ts';
import { checkId, checkOptionalString } from '../validate.ts';
import { ANNOUNCEMENT_MAX_CHARS } from '../../contract/index.ts';
import { CONVERSATION_NAME_MAX } from './conversation.entity.ts';
import { selectConversation } from './queries.ts';

export interface GroupPatch {
  name?: string;
  avatarUrl?: string | null;
  announcement?: string | null;
}

/** Locks a group that is not dissolved. */
async function lockOpenGroup(tem: Em, conversationId: Id): Promise<ConversationView> {
  const conversation = await selectConversation(tem, conversationId, true);
  if (!conversation) throw new NotFoundError('conversation', conversationId);
  if (conversation.type !== 2) throw new ConflictError('single_conversation_fixed', `conversation ${conversationId} is not a group`);
  if (conversation.dissolvedAt !== null) throw new ConflictError('group_dissolved', `conversation ${conversationId} was dissolved`);
  return conversation;
}

/** Changes the group under its lock with `sql` (SET clause); returns the conversation after. */
async function changeGroup(ctx: RepoCtx, conversationId: Id, set: string, params: unknown[]): Promise<ConversationView> {
  checkId('conversationId', conversationId);
  const { view, bumps } = await inTransaction(ctx.em, async (tem) => {
    await lockOpenGroup(tem, conversationId);
    await run(tem, `UPDATE conversations SET ${set} WHERE id = ?`, [...params, conversationId]);
    const changed = await bumpVersions(tem, [conversationId]);
    return { view: (await selectConversation(tem, conversationId))!, bumps: changed };
  });
  await publishVersions(ctx.redis, bumps);
  return view;
}

/** Name, avatar and announcement; fields left out stay as they are. */
export async function updateGroup(ctx: RepoCtx, conversationId: Id, patch: GroupPatch): Promise<ConversationView> {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (patch.name !== undefined) {
    const name = checkOptionalString('name', patch.name, { max: CONVERSATION_NAME_MAX });
    if (!name) throw new ValidationError('name', 'must not be empty');
    sets.push('name = ?');
    params.push(name);
  }
  if (patch.avatarUrl !== undefined) {
    sets.push('avatar_url = ?');
    params.push(checkOptionalString('avatarUrl', patch.avatarUrl, { max: 512 }));
  }
  if (patch.announcement !== undefined) {
    sets.push('announcement = ?');
    params.push(checkOptionalString('announcement', patch.announcement, { max: ANNOUNCEMENT_MAX_CHARS }));
  }
  if (sets.length === 0) throw new ValidationError('patch', 'nothing to change');
  return changeGroup(ctx, conversationId, sets.join(', '), params);
}

export function setMuteAll(ctx: RepoCtx, conversationId: Id, enabled: boolean): Promise<ConversationView> {
  return changeGroup(ctx, conversationId, 'mute_all = ?', [enabled ? 1 : 0]);
}

/** Once: members and history stay, sends and administration are refused after. */
export function dissolveGroup(ctx: RepoCtx, conversationId: Id): Promise<ConversationView> {
  return changeGroup(ctx, conversationId, 'dissolved_at = ?', [new Date()]);
}

/**
 * Mutes a member until `until` (null: without an end), or unmutes (`until` undefined). Returns
 * false when the user is not a member. Only that member's view of the conversation changes.
 */
export async function setMemberMute(ctx: RepoCtx, conversationId: Id, userId: Id, mute: { until: Date | null } | null): Promise<boolean> {
  checkId('conversationId', conversationId);
  checkId('userId', userId);
  const [muted, until] = mute === null ? [0, null] : mute.until === null ? [1, null] : [0, mute.until];
  const found = await inTransaction(ctx.em, async (tem) => {
    await lockOpenGroup(tem, conversationId);
    const res = await run(tem, 'UPDATE conversation_members SET muted = ?, muted_until = ? WHERE conversation_id = ? AND user_id = ?', [muted, until, conversationId, userId]);
    return res.affectedRows > 0 || (await memberExists(tem, conversationId, userId));
  });
  if (found) await bumpUserGenerations(ctx.redis, [userId]);
  return found;
}

async function memberExists(em: Em, conversationId: Id, userId: Id): Promise<boolean> {
  const res = await em.execute<unknown[]>('SELECT 1 FROM conversation_members WHERE conversation_id = ? AND user_id = ?', [conversationId, userId]);
  return res.length > 0;
}
