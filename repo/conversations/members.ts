import { showValue } from '../../contract/index.ts';
import type { RepoCtx } from '../context.ts';
import { bumpUserGenerations, bumpVersions, publishVersions } from '../cache.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { idOf, inTransaction, marks, rows, run } from '../sql.ts';
import type { ConversationView, Id, MemberRole, MemberView } from '../types.ts';
import { checkId, checkIds, checkInt } from '../validate.ts';
import { MEMBER_ROLES } from './member.entity.ts';
import { MEMBER_COLUMNS, toMemberView } from './views.ts';
import { DEFAULT_MAX_MEMBERS, requireUsers, selectConversation } from './queries.ts';

const CHUNK = 1000;

/**
 * Inserts memberships and read pointers. A pointer starts at `pointerSeq` (the conversation's seq
 * when joining): what was said before is readable but not counted as unread.
 */
export async function insertMembers(tem: Em, conversationId: Id, userIds: Id[], role: MemberRole, pointerSeq: number, now: Date): Promise<void> {
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const chunk = userIds.slice(i, i + CHUNK);
    await run(
      tem,
      `INSERT INTO conversation_members (conversation_id, user_id, role, muted, joined_at) VALUES ${chunk.map(() => '(?, ?, ?, 0, ?)').join(', ')}`,
      chunk.flatMap((u) => [conversationId, u, role, now]),
    );
    await run(
      tem,
      `INSERT INTO user_read_pointers (user_id, conversation_id, last_read_seq_id, updated_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE last_read_seq_id = GREATEST(last_read_seq_id, VALUES(last_read_seq_id)), updated_at = VALUES(updated_at)`,
      chunk.flatMap((u) => [u, conversationId, pointerSeq, now]),
    );
  }
}

function checkRole(role: unknown): MemberRole {
  if (typeof role !== 'string' || !(MEMBER_ROLES as readonly string[]).includes(role)) {
    throw new ValidationError('role', `must be one of ${MEMBER_ROLES.join(', ')}, got ${showValue(role)}`);
  }
  return role as MemberRole;
}

async function lockGroup(tem: Em, conversationId: Id): Promise<ConversationView> {
  const conversation = await selectConversation(tem, conversationId, true);
  if (!conversation) throw new NotFoundError('conversation', conversationId);
  if (conversation.type === 1) throw new ConflictError('single_conversation_fixed', `conversation ${conversationId} is a single conversation: its members are fixed`);
  return conversation;
}

async function existingMembers(em: Em, conversationId: Id, userIds: Id[]): Promise<Set<Id>> {
  const found = new Set<Id>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const chunk = userIds.slice(i, i + CHUNK);
    const got = await rows(em, `SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id IN (${marks(chunk.length)})`, [conversationId, ...chunk]);
    for (const r of got) found.add(idOf(r.user_id));
  }
  return found;
}

export async function addMembers(
  ctx: RepoCtx,
  conversationId: Id,
  userIds: Id[],
  opts: { role?: MemberRole; maxMembers?: number } = {},
): Promise<{ added: Id[]; memberCount: number }> {
  checkId('conversationId', conversationId);
  const ids = checkIds('userIds', userIds, 100_000);
  const role = opts.role === undefined ? 'member' : checkRole(opts.role);
  if (role === 'owner') throw new ValidationError('role', 'a group has one owner: use setMemberRole to transfer ownership');
  const maxMembers = opts.maxMembers === undefined ? DEFAULT_MAX_MEMBERS : checkInt('maxMembers', opts.maxMembers, 1, 10_000_000);
  if (ids.length === 0) {
    const c = await selectConversation(ctx.em, conversationId);
    if (!c) throw new NotFoundError('conversation', conversationId);
    return { added: [], memberCount: c.memberCount };
  }
  await requireUsers(ctx.em, ids);
  const { added, memberCount, bumps } = await inTransaction(ctx.em, async (tem) => {
    const conversation = await lockGroup(tem, conversationId);
    const present = await existingMembers(tem, conversationId, ids);
    const fresh = ids.filter((id) => !present.has(id));
    if (conversation.memberCount + fresh.length > maxMembers) {
      throw new ConflictError('capacity_exceeded', `conversation ${conversationId} holds at most ${maxMembers} members: ${conversation.memberCount} + ${fresh.length} is too many`);
    }
    if (fresh.length === 0) return { added: fresh, memberCount: conversation.memberCount, bumps: [] };
    await insertMembers(tem, conversationId, fresh, role, conversation.lastSeq, new Date());
    await run(tem, 'UPDATE conversations SET member_count = member_count + ? WHERE id = ?', [fresh.length, conversationId]);
    return { added: fresh, memberCount: conversation.memberCount + fresh.length, bumps: await bumpVersions(tem, [conversationId]) };
  });
  await publishVersions(ctx.redis, bumps);
  await bumpUserGenerations(ctx.redis, added);
  return { added, memberCount };
}

export async function removeMembers(ctx: RepoCtx, conversationId: Id, userIds: Id[]): Promise<{ removed: Id[]; memberCount: number }> {
  checkId('conversationId', conversationId);
  const ids = checkIds('userIds', userIds, 100_000);
  const { removed, memberCount, bumps } = await inTransaction(ctx.em, async (tem) => {
    const conversation = await lockGroup(tem, conversationId);
    if (conversation.ownerId !== null && ids.includes(conversation.ownerId)) {
      throw new ConflictError('last_owner', `user ${conversation.ownerId} owns conversation ${conversationId}: transfer ownership before removing them`);
    }
    const present = [...(await existingMembers(tem, conversationId, ids))];
    if (present.length === 0) return { removed: present, memberCount: conversation.memberCount, bumps: [] };
    for (let i = 0; i < present.length; i += CHUNK) {
      const chunk = present.slice(i, i + CHUNK);
      await run(tem, `DELETE FROM conversation_members WHERE conversation_id = ? AND user_id IN (${marks(chunk.length)})`, [conversationId, ...chunk]);
    }
    await run(tem, 'UPDATE conversations SET member_count = member_count - ? WHERE id = ?', [present.length, conversationId]);
    return { removed: present, memberCount: conversation.memberCount - present.length, bumps: await bumpVersions(tem, [conversationId]) };
  });
  await publishVersions(ctx.redis, bumps);
  await bumpUserGenerations(ctx.redis, removed);
  return { removed, memberCount };
}

/** Making someone the owner transfers ownership: the previous owner becomes an admin. */
export async function setMemberRole(ctx: RepoCtx, conversationId: Id, userId: Id, role: MemberRole): Promise<MemberView> {
  checkId('conversationId', conversationId);
  checkId('userId', userId);
  const wanted = checkRole(role);
  const { changed, bumps } = await inTransaction(ctx.em, async (tem) => {
    const conversation = await lockGroup(tem, conversationId);
    const member = await selectMember(tem, conversationId, userId);
    if (!member) throw new NotFoundError('member', `${userId} in conversation ${conversationId}`);
    if (member.role === wanted) return { changed: [] as Id[], bumps: [] };
    if (member.role === 'owner') {
      throw new ConflictError('last_owner', `user ${userId} owns conversation ${conversationId}: make another member the owner instead`);
    }
    const changedIds = [userId];
    if (wanted === 'owner') {
      if (conversation.ownerId !== null) {
        await run(tem, "UPDATE conversation_members SET role = 'admin' WHERE conversation_id = ? AND user_id = ?", [conversationId, conversation.ownerId]);
        changedIds.push(conversation.ownerId);
      }
      await run(tem, 'UPDATE conversations SET owner_id = ? WHERE id = ?', [userId, conversationId]);
    }
    await run(tem, 'UPDATE conversation_members SET role = ? WHERE conversation_id = ? AND user_id = ?', [wanted, conversationId, userId]);
    return { changed: changedIds, bumps: await bumpVersions(tem, [conversationId]) };
  });
  await publishVersions(ctx.redis, bumps);
  await bumpUserGenerations(ctx.redis, changed);
  const member = await selectMember(ctx.em, conversationId, userId);
  if (!member) throw new NotFoundError('member', `${userId} in conversation ${conversationId}`);
  return member;
}

async function selectMember(em: Em, conversationId: Id, userId: Id): Promise<MemberView | null> {
  const [row] = await rows(em, `SELECT ${MEMBER_COLUMNS} FROM conversation_members cm WHERE cm.conversation_id = ? AND cm.user_id = ?`, [conversationId, userId]);
  return row ? toMemberView(row) : null;
}

/** Is-member with role: null when the user is not a member. */
export async function getMembership(ctx: RepoCtx, conversationId: Id, userId: Id): Promise<MemberView | null> {
  checkId('conversationId', conversationId);
  checkId('userId', userId);
  return selectMember(ctx.em, conversationId, userId);
}

/** Keyset pages in user-id order (with each member's read and delivered pointers): pass the last user id of a page as `afterUserId`. */
export async function getMembers(ctx: RepoCtx, conversationId: Id, opts: { afterUserId?: Id; limit?: number } = {}): Promise<MemberView[]> {
  checkId('conversationId', conversationId);
  const after = opts.afterUserId === undefined ? '0' : checkId('afterUserId', opts.afterUserId);
  const limit = opts.limit === undefined ? 100 : checkInt('limit', opts.limit, 1, 10_000);
  const found = await rows(
    ctx.em,
    `SELECT ${MEMBER_COLUMNS}, COALESCE(urp.last_read_seq_id, 0) AS last_read_seq,
            GREATEST(COALESCE(urp.last_delivered_seq_id, 0), COALESCE(urp.last_read_seq_id, 0)) AS last_delivered_seq FROM conversation_members cm
       LEFT JOIN user_read_pointers urp ON urp.user_id = cm.user_id AND urp.conversation_id = cm.conversation_id
      WHERE cm.conversation_id = ? AND cm.user_id > ? ORDER BY cm.user_id LIMIT ?`,
    [conversationId, after, limit],
  );
  return found.map(toMemberView);
}

export async function getMemberIds(ctx: RepoCtx, conversationId: Id, opts: { afterUserId?: Id; limit?: number } = {}): Promise<Id[]> {
  checkId('conversationId', conversationId);
  const after = opts.afterUserId === undefined ? '0' : checkId('afterUserId', opts.afterUserId);
  const limit = opts.limit === undefined ? 100_000 : checkInt('limit', opts.limit, 1, 1_000_000);
  const found = await rows(
    ctx.em,
    'SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id > ? ORDER BY user_id LIMIT ?',
    [conversationId, after, limit],
  );
  return found.map((r) => idOf(r.user_id));
}

/**
 * Member ids of several small conversations in one query (the logic worker's fan-out of a
 * batch). Meant for conversations at or under the fan-out threshold: there is no paging.
 */
export async function getMemberIdsOf(ctx: RepoCtx, conversationIds: Id[]): Promise<Map<Id, Id[]>> {
  const ids = checkIds('conversationIds', conversationIds, 10_000);
  const out = new Map<Id, Id[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const found = await rows(ctx.em, `SELECT conversation_id, user_id FROM conversation_members WHERE conversation_id IN (${marks(ids.length)}) ORDER BY conversation_id, user_id`, ids);
  for (const r of found) out.get(idOf(r.conversation_id))?.push(idOf(r.user_id));
  return out;
}
