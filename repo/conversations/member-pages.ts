// Member ids of a large conversation in pages, for the Temporal fan-out: a page is a key range
// of the primary key (conversation_id, user_id), so pages can be pushed side by side, and the
// page bounds are read in one pass over that index.
import type { RepoCtx } from '../context.ts';
import { idOf, rows } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';

/** Most bounds one call returns: pages of 1,000 over a million members. */
const MAX_BOUNDS = 1000;

/**
 * Member ids in (afterUserId, upToUserId] in id order, at most `limit` (no upper bound when
 * `upToUserId` is null).
 */
export async function getMemberIdsBetween(ctx: RepoCtx, conversationId: Id, afterUserId: Id | null, upToUserId: Id | null, limit: number): Promise<Id[]> {
  checkId('conversationId', conversationId);
  const after = afterUserId === null ? '0' : checkId('afterUserId', afterUserId);
  checkInt('limit', limit, 1, 1_000_000);
  const upTo = upToUserId === null ? undefined : checkId('upToUserId', upToUserId);
  const found = await rows(
    ctx.em,
    `SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id > ?${upTo === undefined ? '' : ' AND user_id <= ?'} ORDER BY user_id LIMIT ?`,
    upTo === undefined ? [conversationId, after, limit] : [conversationId, after, upTo, limit],
  );
  return found.map((r) => idOf(r.user_id));
}

/**
 * The last member id of every full page of `every` members after `afterUserId`, except a page
 * that would end on the conversation's last member: the pages (after, b1], (b1, b2], …,
 * (bn, end) cover every member above `afterUserId`, none of them empty.
 */
export async function getMemberPageBounds(ctx: RepoCtx, conversationId: Id, afterUserId: Id, every: number): Promise<Id[]> {
  checkId('conversationId', conversationId);
  checkId('afterUserId', afterUserId);
  checkInt('every', every, 1, 1_000_000);
  const found = await rows(
    ctx.em,
    `SELECT user_id FROM (
       SELECT user_id, ROW_NUMBER() OVER (ORDER BY user_id) AS rn, COUNT(*) OVER () AS total
         FROM conversation_members WHERE conversation_id = ? AND user_id > ?
     ) pages WHERE rn % ? = 0 AND rn < total ORDER BY user_id LIMIT ?`,
    [conversationId, afterUserId, every, MAX_BOUNDS],
  );
  return found.map((r) => idOf(r.user_id));
}
