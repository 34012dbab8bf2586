// Recalls a reconnecting client may have missed: messages it already holds (seq <= what it
// knows) that were recalled while it was away. A message can only be recalled within the recall
// window after it was sent, so only messages sent since (last seen - window) can qualify.
import type { RepoCtx } from '../context.ts';
import { idOf, num, rows } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';

/** How far back (in seqs) below the client's last seq the search looks. */
const RECALL_SCAN_SEQS = 1000;

export async function getRecalledSince(ctx: RepoCtx, conversationId: Id, maxSeq: number, sentSince: number): Promise<{ messageId: Id; seq: number }[]> {
  checkId('conversationId', conversationId);
  checkInt('maxSeq', maxSeq, 0, Number.MAX_SAFE_INTEGER);
  checkInt('sentSince', sentSince, 0, Number.MAX_SAFE_INTEGER);
  if (maxSeq === 0) return [];
  const found = await rows(
    ctx.em,
    'SELECT id, seq_id FROM messages WHERE conversation_id = ? AND seq_id > ? AND seq_id <= ? AND recalled = 1 AND created_at >= ? ORDER BY seq_id',
    [conversationId, Math.max(0, maxSeq - RECALL_SCAN_SEQS), maxSeq, new Date(sentSince)],
  );
  return found.map((r) => ({ messageId: idOf(r.id), seq: num(r.seq_id) }));
}
