import type { RepoCtx } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { idOf, inTransaction, ms, msOrNull, num, rows, run, type Row } from '../sql.ts';
import type { FriendRequestStatus, FriendRequestView, FriendView, Id } from '../types.ts';
import { checkId, checkInt, checkOptionalString } from '../validate.ts';
import { toUserView } from '../users/users.ts';
import { singlePairKey } from '../conversations/queries.ts';
import { blockedWith } from './blocks.ts';
import { BLOCK_BETWEEN } from './block-sql.ts';
import { REQUEST_MESSAGE_MAX } from './friend-request.entity.ts';

const COLUMNS = 'id, requester_id, target_id, message, status, created_at, handled_at';

function toRequestView(r: Row): FriendRequestView {
  return {
    id: idOf(r.id),
    requesterId: idOf(r.requester_id),
    targetId: idOf(r.target_id),
    message: (r.message as string | null) ?? null,
    status: num(r.status) as FriendRequestStatus,
    createdAt: ms(r.created_at),
    handledAt: msOrNull(r.handled_at),
  };
}

async function selectRequest(em: Em, id: Id, lock = false): Promise<FriendRequestView | null> {
  const [row] = await rows(em, `SELECT ${COLUMNS} FROM friendship_requests WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toRequestView(row) : null;
}

/**
 * Locks both users' rows (in id order, so two opposite requests cannot deadlock): the
 * pending/friends checks and the insert then see no concurrent request of the same pair.
 */
async function lockPair(tem: Em, a: Id, b: Id): Promise<void> {
  const found = await rows(tem, 'SELECT id FROM users WHERE id IN (?, ?) ORDER BY id FOR UPDATE', [a, b]);
  const ids = new Set(found.map((r) => idOf(r.id)));
  for (const id of [a, b]) if (!ids.has(id)) throw new NotFoundError('user', id);
}

export async function createFriendRequest(ctx: RepoCtx, input: { requesterId: Id; targetId: Id; message?: string | null }): Promise<FriendRequestView> {
  const requesterId = checkId('requesterId', input.requesterId);
  const targetId = checkId('targetId', input.targetId);
  const message = checkOptionalString('message', input.message, { max: REQUEST_MESSAGE_MAX });
  if (requesterId === targetId) throw new ConflictError('self_request', 'a user cannot send a friend request to themselves');
  return inTransaction(ctx.em, async (tem) => {
    await lockPair(tem, requesterId, targetId);
    // Answered alike whoever blocked whom: the blocked side learns no more than the code.
    if ((await blockedWith(tem, requesterId, [targetId])).size > 0) throw new ForbiddenError('blocked', `a block stands between users ${requesterId} and ${targetId}`);
    const [friends] = await rows(tem, 'SELECT 1 AS ok FROM friendships WHERE user_id = ? AND friend_id = ?', [requesterId, targetId]);
    if (friends) throw new ConflictError('already_friends', `users ${requesterId} and ${targetId} are already friends`);
    const [pending] = await rows(
      tem,
      `SELECT id FROM friendship_requests
        WHERE status = 0 AND ((requester_id = ? AND target_id = ?) OR (requester_id = ? AND target_id = ?)) LIMIT 1`,
      [requesterId, targetId, targetId, requesterId],
    );
    if (pending) throw new ConflictError('request_pending', `friend request ${idOf(pending.id)} between users ${requesterId} and ${targetId} is still pending`);
    const now = new Date();
    const res = await run(tem, 'INSERT INTO friendship_requests (requester_id, target_id, message, status, created_at) VALUES (?, ?, ?, 0, ?)', [requesterId, targetId, message, now]);
    return { id: res.insertId, requesterId, targetId, message, status: 0, createdAt: now.getTime(), handledAt: null };
  });
}

export async function getFriendRequest(ctx: RepoCtx, id: Id): Promise<FriendRequestView | null> {
  checkId('requestId', id);
  return selectRequest(ctx.em, id);
}

/**
 * Moves a pending request to accepted (1), rejected (2) or expired (3). Accepting stores the
 * friendship in both directions in the same transaction. With `actorId`, accept and reject must
 * come from the target.
 */
export async function updateFriendRequest(ctx: RepoCtx, id: Id, status: 1 | 2 | 3, opts: { actorId?: Id } = {}): Promise<FriendRequestView> {
  checkId('requestId', id);
  checkInt('status', status, 1, 3);
  const actorId = opts.actorId === undefined ? undefined : checkId('actorId', opts.actorId);
  return inTransaction(ctx.em, async (tem) => {
    const request = await selectRequest(tem, id, true);
    if (!request) throw new NotFoundError('friend_request', id);
    if (actorId !== undefined && status !== 3 && actorId !== request.targetId) {
      throw new ForbiddenError('not_target', `only user ${request.targetId} can answer friend request ${id}`);
    }
    if (request.status !== 0) throw new ConflictError('request_not_pending', `friend request ${id} is no longer pending (status ${request.status})`);
    const now = new Date();
    await run(tem, 'UPDATE friendship_requests SET status = ?, handled_at = ? WHERE id = ?', [status, now, id]);
    if (status === 1) {
      await run(
        tem,
        'INSERT IGNORE INTO friendships (user_id, friend_id, created_at) VALUES (?, ?, ?), (?, ?, ?)',
        [request.requesterId, request.targetId, now, request.targetId, request.requesterId, now],
      );
      // Friends again: their 1:1 conversation (if they had one) takes messages again.
      await run(tem, 'UPDATE conversations SET unfriended_at = NULL WHERE pair_key = ? AND unfriended_at IS NOT NULL', [singlePairKey(request.requesterId, request.targetId)]);
    }
    return { ...request, status, handledAt: now.getTime() };
  });
}

type ListOpts = { status?: FriendRequestStatus; limit?: number; beforeId?: Id };

async function listRequests(ctx: RepoCtx, column: 'target_id' | 'requester_id', userId: Id, opts: ListOpts): Promise<FriendRequestView[]> {
  checkId('userId', userId);
  const status = opts.status === undefined ? 0 : checkInt('status', opts.status, 0, 3);
  const limit = opts.limit === undefined ? 50 : checkInt('limit', opts.limit, 1, 500);
  const before = opts.beforeId === undefined ? '18446744073709551615' : checkId('beforeId', opts.beforeId);
  const found = await rows(
    ctx.em,
    `SELECT ${COLUMNS} FROM friendship_requests WHERE ${column} = ? AND status = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    [userId, status, before, limit],
  );
  return found.map(toRequestView);
}

/** Newest first; page with `beforeId` = the last id of the previous page. */
export function listIncomingRequests(ctx: RepoCtx, userId: Id, opts: ListOpts = {}): Promise<FriendRequestView[]> {
  return listRequests(ctx, 'target_id', userId, opts);
}

export function listOutgoingRequests(ctx: RepoCtx, userId: Id, opts: ListOpts = {}): Promise<FriendRequestView[]> {
  return listRequests(ctx, 'requester_id', userId, opts);
}

/** Friends in user-id order with their profile; page with `afterUserId`. */
export function listFriends(ctx: RepoCtx, userId: Id, opts: { limit?: number; afterUserId?: Id } = {}): Promise<FriendView[]> {
  return listRelated(ctx, { table: 'friendships', owner: 'user_id', other: 'friend_id' }, userId, opts);
}

/**
 * The users a row of `table` links `userId` to (its `owner` column) through its `other` column,
 * in user-id order with their profile and the row's time; page with `afterUserId`.
 */
export async function listRelated(
  ctx: RepoCtx,
  relation: { table: 'friendships' | 'user_blocks'; owner: string; other: string },
  userId: Id,
  opts: { limit?: number; afterUserId?: Id } = {},
): Promise<FriendView[]> {
  checkId('userId', userId);
  const limit = opts.limit === undefined ? 100 : checkInt('limit', opts.limit, 1, 1000);
  const after = opts.afterUserId === undefined ? '0' : checkId('afterUserId', opts.afterUserId);
  const { table, owner, other } = relation;
  const found = await rows(
    ctx.em,
    `SELECT u.id, u.username, u.nickname, u.avatar_url, u.is_guest, u.created_at, u.updated_at, r.created_at AS since
       FROM ${table} r JOIN users u ON u.id = r.${other}
      WHERE r.${owner} = ? AND r.${other} > ? ORDER BY r.${other} LIMIT ?`,
    [userId, after, limit],
  );
  return found.map((r) => ({ user: toUserView(r), since: ms(r.since) }));
}

/**
 * The friends who hear this user's presence: every friend but those with a block between the
 * two (either way). One primary-key range scan plus a key lookup per friend.
 */
export async function listFriendIds(ctx: RepoCtx, userId: Id): Promise<Id[]> {
  checkId('userId', userId);
  const found = await rows(ctx.em, `SELECT f.friend_id FROM friendships f WHERE f.user_id = ? AND NOT ${BLOCK_BETWEEN('f.user_id', 'f.friend_id')} ORDER BY f.friend_id`, [userId]);
  return found.map((r) => idOf(r.friend_id));
}

/**
 * Ends a friendship in both directions. Their 1:1 conversation stays (history readable by both)
 * but refuses sends until they are friends again. Returns false when they were not friends.
 */
export async function removeFriendship(ctx: RepoCtx, userId: Id, friendId: Id): Promise<boolean> {
  checkId('userId', userId);
  checkId('friendId', friendId);
  return inTransaction(ctx.em, async (tem) => {
    const res = await run(tem, 'DELETE FROM friendships WHERE (user_id = ? AND friend_id = ?) OR (user_id = ? AND friend_id = ?)', [userId, friendId, friendId, userId]);
    if (res.affectedRows === 0) return false;
    await run(tem, 'UPDATE conversations SET unfriended_at = ? WHERE pair_key = ?', [new Date(), singlePairKey(userId, friendId)]);
    return true;
  });
}

