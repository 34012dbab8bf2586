// Reading reactions: per message the kinds, their counts and whether the viewer is among them,
// for a whole page in one query; and which messages a reconnecting device holds had their
// reactions changed while it was away.
import type { ReactionCount } from '../../contract/index.ts';
import type { Em } from '../orm.ts';
import type { RepoCtx } from '../context.ts';
import { bool, idOf, marks, num, rows } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkIds, checkInt } from '../validate.ts';

/** How far back (in seqs) below the client's last seq the search for changed reactions looks. */
const REACTION_SCAN_SEQS = 1000;

/**
 * The reactions of each message, kinds in the order they were first given; messages without
 * any are absent. One query for all of them.
 */
export async function selectReactions(em: Em, viewerId: Id, messageIds: Id[]): Promise<Map<Id, ReactionCount[]>> {
  const out = new Map<Id, ReactionCount[]>();
  if (messageIds.length === 0) return out;
  const found = await rows(
    em,
    `SELECT message_id, emoji, COUNT(*) AS n, MAX(user_id = ?) AS me, MIN(created_at) AS first_at
       FROM message_reactions WHERE message_id IN (${marks(messageIds.length)})
      GROUP BY message_id, emoji ORDER BY message_id, first_at, emoji`,
    [viewerId, ...messageIds],
  );
  for (const r of found) {
    const id = idOf(r.message_id);
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push({ emoji: r.emoji as string, count: num(r.n), me: bool(num(r.me)) });
  }
  return out;
}

/** The reactions of a page of messages as `viewerId` sees them (history, sync). */
export async function getReactions(ctx: RepoCtx, viewerId: Id, messageIds: Id[]): Promise<Map<Id, ReactionCount[]>> {
  checkId('viewerId', viewerId);
  return selectReactions(ctx.em, viewerId, checkIds('messageIds', messageIds, 1000));
}

/**
 * Messages at or below `maxSeq` (among the last REACTION_SCAN_SEQS) whose reactions changed at or
 * after `since`, with their reactions now (an empty list: the last one was taken back) and
 * version. Recalled and deleted messages are left out: they show no reactions.
 */
export async function getReactedSince(
  ctx: RepoCtx,
  viewerId: Id,
  conversationId: Id,
  maxSeq: number,
  since: number,
): Promise<{ messageId: Id; seq: number; reactions: ReactionCount[]; version: number }[]> {
  checkId('viewerId', viewerId);
  checkId('conversationId', conversationId);
  checkInt('maxSeq', maxSeq, 0, Number.MAX_SAFE_INTEGER);
  checkInt('since', since, 0, Number.MAX_SAFE_INTEGER);
  if (maxSeq === 0) return [];
  const changed = await rows(
    ctx.em,
    `SELECT v.message_id, v.seq_id, v.version FROM message_reaction_versions v
       JOIN messages m ON m.id = v.message_id AND m.recalled = 0 AND m.deleted = 0
      WHERE v.conversation_id = ? AND v.seq_id > ? AND v.seq_id <= ? AND v.changed_at >= ? AND v.version > 0 ORDER BY v.seq_id`,
    [conversationId, Math.max(0, maxSeq - REACTION_SCAN_SEQS), maxSeq, new Date(since)],
  );
  if (changed.length === 0) return [];
  const reactions = await selectReactions(ctx.em, viewerId, changed.map((r) => idOf(r.message_id)));
  return changed.map((r) => ({ messageId: idOf(r.message_id), seq: num(r.seq_id), reactions: reactions.get(idOf(r.message_id)) ?? [], version: num(r.version) }));
}
