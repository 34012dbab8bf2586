// Stores a batch of messages of one conversation in one transaction: one row lock, one
// membership query, one multi-row insert, one conversation update. The logic worker saves each
// Kafka batch this way, so a burst in a busy conversation costs a few round trips, not a few
// per message. Seqs stay unique and gap-free; repeats of (sender, clientMsgId) write nothing.
import type { RepoCtx } from '../context.ts';
import { publishVersions } from '../cache.ts';
import { ConflictError, RepoError, ValidationError } from '../errors.ts';
import { bool, idOf, inTransaction, isUniqueViolation, num, rows, run, marks } from '../sql.ts';
import type { Id, SavedMessage, SaveMessageInput } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { CLIENT_MSG_ID_MAX, CONTENT_MAX_BYTES } from './message.entity.ts';
import { saveMessage, storedOf } from './messages.ts';

/** Per input: stored (or found stored before), or refused with the reason. */
export type BatchSaveResult = { ok: true; saved: SavedMessage } | { ok: false; code: 'not_member' | 'muted' | 'not_found' | 'invalid_input' | 'client_msg_id_reused'; message: string };

const MAX_BATCH = 500;

/** Why an input cannot be stored, or undefined when it can be. */
export function validateInput(conversationId: Id, input: SaveMessageInput, maxBytes: number): string | undefined {
  try {
    if (input.conversationId !== conversationId) throw new ValidationError('conversationId', `must be ${conversationId} in this batch`);
    checkId('senderId', input.senderId);
    checkString('clientMsgId', input.clientMsgId, { min: 1, max: CLIENT_MSG_ID_MAX });
    checkInt('messageType', input.messageType, 0, 65_535);
    checkString('content', input.content, { max: CONTENT_MAX_BYTES });
    const bytes = Buffer.byteLength(input.content, 'utf8');
    if (bytes > maxBytes) throw new ValidationError('content', `must be at most ${maxBytes} bytes of UTF-8, got ${bytes}`);
    return undefined;
  } catch (err) {
    if (err instanceof RepoError) return err.message;
    throw err;
  }
}

export const pairKey = (senderId: Id, clientMsgId: string): string => `${senderId}\u0000${clientMsgId}`;

export async function saveMessages(ctx: RepoCtx, conversationId: Id, inputs: SaveMessageInput[], opts: { maxContentBytes?: number } = {}): Promise<BatchSaveResult[]> {
  checkId('conversationId', conversationId);
  if (inputs.length > MAX_BATCH) throw new ValidationError('inputs', `at most ${MAX_BATCH} messages per batch`);
  const maxBytes = Math.min(opts.maxContentBytes ?? CONTENT_MAX_BYTES, CONTENT_MAX_BYTES);
  const results: (BatchSaveResult | undefined)[] = inputs.map((input) => {
    const problem = validateInput(conversationId, input, maxBytes);
    return problem ? { ok: false, code: 'invalid_input', message: problem } : undefined;
  });
  const pending = inputs.map((input, i) => ({ input, i })).filter(({ i }) => !results[i]);
  if (pending.length === 0) return results as BatchSaveResult[];

  // Stored before (a resend, or a redelivery after a crash): answer with the original.
  const pairs = pending.map(({ input }) => [input.senderId, input.clientMsgId] as const);
  const found = await rows(
    ctx.em,
    `SELECT id, conversation_id, sender_id, client_msg_id, seq_id, created_at, type, content, recalled, deleted FROM messages WHERE (sender_id, client_msg_id) IN (${pairs.map(() => '(?, ?)').join(', ')})`,
    pairs.flat(),
  );
  const stored = new Map(found.map((r) => [pairKey(idOf(r.sender_id), r.client_msg_id as string), r]));
  const fresh: typeof pending = [];
  const firstInBatch = new Map<string, number>();
  for (const p of pending) {
    const key = pairKey(p.input.senderId, p.input.clientMsgId);
    const r = stored.get(key);
    if (r) {
      results[p.i] = idOf(r.conversation_id) === conversationId
        ? { ok: true, saved: storedOf(r) }
        : { ok: false, code: 'client_msg_id_reused', message: `clientMsgId "${p.input.clientMsgId}" was already used by this sender in conversation ${idOf(r.conversation_id)}` };
    } else if (firstInBatch.has(key)) {
      continue; // a repeat inside this batch: answered from the first one below
    } else {
      firstInBatch.set(key, p.i);
      fresh.push(p);
    }
  }

  if (fresh.length > 0) {
    try {
      const version = await inTransaction(ctx.em, async (tem) => {
        const [conv] = await rows(tem, 'SELECT last_seq, version FROM conversations WHERE id = ? FOR UPDATE', [conversationId]);
        if (!conv) {
          for (const p of fresh) results[p.i] = { ok: false, code: 'not_found', message: `conversation ${conversationId} not found` };
          return undefined;
        }
        const senders = [...new Set(fresh.map((p) => p.input.senderId))];
        const memberRows = await rows(tem, `SELECT user_id, muted FROM conversation_members WHERE conversation_id = ? AND user_id IN (${marks(senders.length)})`, [conversationId, ...senders]);
        const muted = new Map(memberRows.map((r) => [idOf(r.user_id), bool(r.muted)]));
        const allowed = fresh.filter((p) => {
          const m = muted.get(p.input.senderId);
          if (m === undefined) results[p.i] = { ok: false, code: 'not_member', message: `user ${p.input.senderId} is not a member of conversation ${conversationId}` };
          else if (m) results[p.i] = { ok: false, code: 'muted', message: `user ${p.input.senderId} is muted in conversation ${conversationId}` };
          return m === false;
        });
        if (allowed.length === 0) return undefined;
        const first = num(conv.last_seq) + 1;
        const now = new Date();
        await run(
          tem,
          `INSERT INTO messages (conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at) VALUES ${allowed.map(() => '(?, ?, ?, ?, ?, ?, 0, 0, ?)').join(', ')}`,
          allowed.flatMap((p, k) => [conversationId, p.input.senderId, first + k, p.input.messageType, p.input.content, p.input.clientMsgId, now]),
        );
        const last = first + allowed.length - 1;
        const ids = await rows(tem, 'SELECT id, seq_id FROM messages WHERE conversation_id = ? AND seq_id BETWEEN ? AND ?', [conversationId, first, last]);
        const idBySeq = new Map(ids.map((r) => [num(r.seq_id), idOf(r.id)]));
        await run(tem, 'UPDATE conversations SET last_seq = ?, last_message_id = ?, version = version + 1, updated_at = ? WHERE id = ?', [last, idBySeq.get(last), now, conversationId]);
        allowed.forEach((p, k) => {
          const { messageType, content } = p.input;
          results[p.i] = { ok: true, saved: { messageId: idBySeq.get(first + k)!, conversationId, seq: first + k, createdAt: now.getTime(), messageType, content, recalled: false, duplicate: false } };
        });
        // The row is locked, so the version is exactly one above what was read.
        return num(conv.version) + 1;
      });
      if (version !== undefined) await publishVersions(ctx.redis, [{ id: conversationId, version }]);
    } catch (err) {
      // A concurrent writer stored one of these pairs first (a rare double delivery): the batch
      // rolled back whole; store them one by one, each answered with its original.
      if (!isUniqueViolation(err, 'uq_messages_sender_client')) throw err;
      for (const p of fresh) results[p.i] = await saveOne(ctx, p.input, maxBytes);
    }
  }
  // Repeats inside the batch get the answer of their first occurrence.
  inputs.forEach((input, i) => {
    if (results[i]) return;
    const firstIndex = firstInBatch.get(pairKey(input.senderId, input.clientMsgId))!;
    const first = results[firstIndex]!;
    results[i] = first.ok ? { ok: true, saved: { ...first.saved, duplicate: true } } : first;
  });
  return results as BatchSaveResult[];
}

async function saveOne(ctx: RepoCtx, input: SaveMessageInput, maxBytes: number): Promise<BatchSaveResult> {
  try {
    return { ok: true, saved: await saveMessage(ctx, input, { maxContentBytes: maxBytes }) };
  } catch (err) {
    if (err instanceof ConflictError && err.reason === 'client_msg_id_reused') return { ok: false, code: 'client_msg_id_reused', message: err.message };
    if (err instanceof RepoError && (err.code === 'not_member' || err.code === 'muted' || err.code === 'not_found' || err.code === 'invalid_input')) {
      return { ok: false, code: err.code, message: err.message };
    }
    throw err;
  }
}
