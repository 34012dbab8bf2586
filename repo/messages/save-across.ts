// Stores the messages of many conversations in one transaction: the logic worker's Kafka batch
// holds messages of hundreds of conversations at once (real traffic: many conversations with a
// message or two each), and a transaction per conversation made the cold path cost ~8 round
// trips per conversation. Here a whole batch costs the same few statements: one idempotency
// lookup, the conversation rows locked in id order, one membership query, one multi-row insert,
// one id lookup, one update of every conversation. Seqs stay unique and gap-free per
// conversation; repeats of (sender, clientMsgId) write nothing.
import type { RepoCtx } from '../context.ts';
import { publishVersions, type VersionBump } from '../cache.ts';
import { ValidationError } from '../errors.ts';
import { bool, idOf, inTransaction, isUniqueViolation, num, rows, run, type Row } from '../sql.ts';
import type { Em } from '../orm.ts';
import type { Id, SaveMessageInput } from '../types.ts';
import { checkId } from '../validate.ts';
import { CONTENT_MAX_BYTES } from './message.entity.ts';
import { storedOf } from './messages.ts';
import { pairKey, saveOne, validateInput, type BatchSaveResult } from './save-batch.ts';

export interface ConversationSaves {
  /** The conversation as locked for the insert; null when it does not exist. */
  conversation: { id: Id; type: number; memberCount: number } | null;
  /** Per input of that conversation, in order. */
  results: BatchSaveResult[];
}

/** Most messages in one call; a Kafka batch is split by the caller. */
export const MAX_ACROSS = 2000;
/** Rows per INSERT statement, and bytes of content, well under max_allowed_packet (16 MiB). */
const INSERT_ROWS = 500;
const INSERT_BYTES = 4 * 2 ** 20;
/** Pairs per idempotency lookup. */
const LOOKUP_PAIRS = 500;

interface Pending {
  conversationId: Id;
  index: number;
  input: SaveMessageInput;
}

export async function saveMessagesAcross(ctx: RepoCtx, groups: Map<Id, SaveMessageInput[]>, opts: { maxContentBytes?: number } = {}): Promise<Map<Id, ConversationSaves>> {
  const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
  if (total > MAX_ACROSS) throw new ValidationError('groups', `at most ${MAX_ACROSS} messages per call, got ${total}`);
  const maxBytes = Math.min(opts.maxContentBytes ?? CONTENT_MAX_BYTES, CONTENT_MAX_BYTES);
  const out = new Map<Id, { conversation: ConversationSaves['conversation']; results: (BatchSaveResult | undefined)[] }>();
  const pending: Pending[] = [];
  for (const [conversationId, inputs] of groups) {
    checkId('conversationId', conversationId);
    const results = inputs.map((input): BatchSaveResult | undefined => {
      const problem = validateInput(conversationId, input, maxBytes);
      return problem ? { ok: false, code: 'invalid_input', message: problem } : undefined;
    });
    out.set(conversationId, { conversation: null, results });
    inputs.forEach((input, index) => results[index] === undefined && pending.push({ conversationId, index, input }));
  }

  // Stored before (a resend, or a redelivery after a crash): answer with the original.
  const stored = await lookupStored(ctx.em, pending);
  const fresh: Pending[] = [];
  const firstOf = new Map<string, Pending>();
  const repeats: [Pending, Pending][] = [];
  for (const p of pending) {
    const key = pairKey(p.input.senderId, p.input.clientMsgId);
    const r = stored.get(key);
    const slot = out.get(p.conversationId)!.results;
    if (r) {
      slot[p.index] = idOf(r.conversation_id) === p.conversationId
        ? { ok: true, saved: storedOf(r) }
        : { ok: false, code: 'client_msg_id_reused', message: `clientMsgId "${p.input.clientMsgId}" was already used by this sender in conversation ${idOf(r.conversation_id)}` };
    } else if (firstOf.has(key)) {
      repeats.push([p, firstOf.get(key)!]);
    } else {
      firstOf.set(key, p);
      fresh.push(p);
    }
  }

  // Conversations that exist are known from the lock below; the others need their rows too, so
  // every conversation of the batch is read (a batch may hold only repeats of one).
  try {
    const bumps = await inTransaction(ctx.em, (tem) => insertFresh(tem, groups, fresh, out));
    await publishVersions(ctx.redis, bumps);
  } catch (err) {
    // A concurrent writer stored one of these pairs first (a rare double delivery): the whole
    // transaction rolled back; each message is stored on its own, in order, answered with the
    // original where there is one.
    if (!isUniqueViolation(err, 'uq_messages_sender_client')) throw err;
    for (const p of fresh) out.get(p.conversationId)!.results[p.index] = await saveOne(ctx, p.input, maxBytes);
  }

  for (const [p, first] of repeats) {
    const slot = out.get(p.conversationId)!.results;
    if (slot[p.index] !== undefined) continue;
    const answer = out.get(first.conversationId)!.results[first.index]!;
    slot[p.index] = answer.ok ? { ok: true, saved: { ...answer.saved, duplicate: true } } : answer;
  }
  const answered = new Map<Id, ConversationSaves>();
  for (const [id, { conversation, results }] of out) answered.set(id, { conversation, results: results as BatchSaveResult[] });
  return answered;
}

async function lookupStored(em: Em, pending: Pending[]): Promise<Map<string, Row>> {
  const stored = new Map<string, Row>();
  for (let i = 0; i < pending.length; i += LOOKUP_PAIRS) {
    const part = pending.slice(i, i + LOOKUP_PAIRS);
    const found = await rows(
      em,
      `SELECT id, conversation_id, sender_id, client_msg_id, seq_id, created_at, type, content, recalled, deleted FROM messages WHERE (sender_id, client_msg_id) IN (${part.map(() => '(?, ?)').join(', ')})`,
      part.flatMap((p) => [p.input.senderId, p.input.clientMsgId]),
    );
    for (const r of found) stored.set(pairKey(idOf(r.sender_id), r.client_msg_id as string), r);
  }
  return stored;
}

/** Inside the transaction: locks, checks membership, inserts, updates; the version bumps to publish. */
async function insertFresh(
  tem: Em,
  groups: Map<Id, SaveMessageInput[]>,
  fresh: Pending[],
  out: Map<Id, { conversation: ConversationSaves['conversation']; results: (BatchSaveResult | undefined)[] }>,
): Promise<VersionBump[]> {
  const ids = [...groups.keys()].sort(byNumericId);
  // Locked in id order: two writers locking overlapping sets cannot deadlock on each other.
  const convRows = await rows(tem, `SELECT id, type, member_count, last_seq, version FROM conversations WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, ids);
  const convs = new Map(convRows.map((r) => [idOf(r.id), r]));
  for (const [id, slot] of out) {
    const c = convs.get(id);
    slot.conversation = c ? { id, type: num(c.type), memberCount: num(c.member_count) } : null;
  }
  const live = fresh.filter((p) => {
    if (convs.has(p.conversationId)) return true;
    out.get(p.conversationId)!.results[p.index] = { ok: false, code: 'not_found', message: `conversation ${p.conversationId} not found` };
    return false;
  });
  if (live.length === 0) return [];

  const pairs = [...new Map(live.map((p) => [`${p.conversationId}:${p.input.senderId}`, [p.conversationId, p.input.senderId] as const])).values()];
  const memberRows = await rows(tem, `SELECT conversation_id, user_id, muted FROM conversation_members WHERE (conversation_id, user_id) IN (${pairs.map(() => '(?, ?)').join(', ')})`, pairs.flat());
  const muted = new Map(memberRows.map((r) => [`${idOf(r.conversation_id)}:${idOf(r.user_id)}`, bool(r.muted)]));
  const allowed = live.filter((p) => {
    const m = muted.get(`${p.conversationId}:${p.input.senderId}`);
    const slot = out.get(p.conversationId)!.results;
    if (m === undefined) slot[p.index] = { ok: false, code: 'not_member', message: `user ${p.input.senderId} is not a member of conversation ${p.conversationId}` };
    else if (m) slot[p.index] = { ok: false, code: 'muted', message: `user ${p.input.senderId} is muted in conversation ${p.conversationId}` };
    return m === false;
  });
  if (allowed.length === 0) return [];

  // Seqs per conversation, in the order the batch holds its messages.
  const now = new Date();
  const nextSeq = new Map<Id, number>();
  const rowsToInsert = allowed.map((p) => {
    const seq = (nextSeq.get(p.conversationId) ?? num(convs.get(p.conversationId)!.last_seq)) + 1;
    nextSeq.set(p.conversationId, seq);
    return { p, seq };
  });
  for (const part of insertChunks(rowsToInsert)) {
    await run(
      tem,
      `INSERT INTO messages (conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, 0, 0, ?)').join(', ')}`,
      part.flatMap(({ p, seq }) => [p.conversationId, p.input.senderId, seq, p.input.messageType, p.input.content, p.input.clientMsgId, now]),
    );
  }
  const written = [...nextSeq.keys()];
  const firstSeq = (id: Id) => num(convs.get(id)!.last_seq) + 1;
  const idRows = await rows(
    tem,
    `SELECT id, conversation_id, seq_id FROM messages WHERE ${written.map(() => '(conversation_id = ? AND seq_id BETWEEN ? AND ?)').join(' OR ')}`,
    written.flatMap((id) => [id, firstSeq(id), nextSeq.get(id)!]),
  );
  const idOfSeq = new Map(idRows.map((r) => [`${idOf(r.conversation_id)}:${num(r.seq_id)}`, idOf(r.id)]));
  await run(
    tem,
    `UPDATE conversations SET last_seq = CASE id ${written.map(() => 'WHEN ? THEN ?').join(' ')} END, last_message_id = CASE id ${written.map(() => 'WHEN ? THEN ?').join(' ')} END, version = version + 1, updated_at = ? WHERE id IN (${written.map(() => '?').join(', ')})`,
    [
      ...written.flatMap((id) => [id, nextSeq.get(id)!]),
      ...written.flatMap((id) => [id, idOfSeq.get(`${id}:${nextSeq.get(id)!}`)]),
      now,
      ...written,
    ],
  );
  for (const { p, seq } of rowsToInsert) {
    const { messageType, content } = p.input;
    out.get(p.conversationId)!.results[p.index] = {
      ok: true,
      saved: { messageId: idOfSeq.get(`${p.conversationId}:${seq}`)!, conversationId: p.conversationId, seq, createdAt: now.getTime(), messageType, content, recalled: false, duplicate: false },
    };
  }
  // The rows are locked, so each version is exactly one above what was read.
  return written.map((id) => ({ id, version: num(convs.get(id)!.version) + 1 }));
}

function insertChunks<T extends { p: Pending }>(items: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(item.p.input.content, 'utf8') + 100;
    if (current.length > 0 && (current.length >= INSERT_ROWS || bytes + size > INSERT_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function byNumericId(a: Id, b: Id): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
