// Stores the messages of many conversations in one transaction: the logic worker's Kafka batch
// holds messages of hundreds of conversations at once (real traffic: many conversations with a
// message or two each), and a transaction per conversation made the cold path cost ~8 round
// trips per conversation. Here a whole batch is one transaction of two requests (see `store`),
// whatever the number of conversations. Seqs stay unique and gap-free per conversation;
// repeats of (sender, clientMsgId) write nothing.
import type { RepoCtx } from '../context.ts';
import { publishVersions, type VersionBump } from '../cache.ts';
import { ValidationError } from '../errors.ts';
import { chunkBySize, inMultiStatementTransaction, isDuplicateKey, utcDateTime, type MultiTx, type Statement } from '../multi-statement.ts';
import { idOf, num, type Row } from '../sql.ts';
import type { Id, SavedMessage, SaveMessageInput } from '../types.ts';
import { checkId } from '../validate.ts';
import { indexInserts } from '../search/index-rows.ts';
import { CONTENT_MAX_BYTES } from './message.entity.ts';
import { STORED_COLUMNS, storedOf } from './messages.ts';
import { checkReferences, mentionsColumn, QUOTE_COLUMNS, quoteOf, referenceRefusal } from './references.ts';
import { pairKey, saveOne, validateInput, type BatchSaveResult } from './save-batch.ts';
import { sendRefusal, sendRulesStatement } from './send-rules.ts';

export interface ConversationSaves {
  /**
   * The conversation as locked for the insert; null when it does not exist. With `membersUpTo`,
   * a conversation of at most that many members carries its member ids as of the store. When
   * this call wrote to it, `version` is the version it committed (published already, unless
   * `deferVersions`).
   */
  conversation: { id: Id; type: number; memberCount: number; memberIds?: Id[]; version?: number } | null;
  /** Per input of that conversation, in order. */
  results: BatchSaveResult[];
}

/** Most messages in one call; a Kafka batch is split by the caller. */
const MAX_ACROSS = 2000;
/** Rows per INSERT statement, and bytes of content, well under max_allowed_packet (16 MiB). */
const INSERT_ROWS = 500;
const INSERT_BYTES = 4 * 2 ** 20;
/** Pairs per idempotency lookup, and per membership check of mentioned users. */
const LOOKUP_PAIRS = 500;

interface Pending {
  conversationId: Id;
  index: number;
  input: SaveMessageInput;
  /** The input's mentions without repeats. */
  mentions: Id[];
}

/** What an allowed message refers to, as stored with it. */
type Refs = Pick<SavedMessage, 'replyTo' | 'mentions' | 'mentionAll'>;

/**
 * With `deferVersions` the new conversation versions are returned (`conversation.version`) and
 * not published: the caller publishes them (repo/cache.ts `publishVersions`) before anything of
 * the batch reaches a client, beside its other lookups instead of one more round trip in turn.
 */
export async function saveMessagesAcross(ctx: RepoCtx, groups: Map<Id, SaveMessageInput[]>, opts: { maxContentBytes?: number; membersUpTo?: number; deferVersions?: boolean } = {}): Promise<Map<Id, ConversationSaves>> {
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
    inputs.forEach((input, index) => results[index] === undefined && pending.push({ conversationId, index, input, mentions: checkReferences(input) }));
  }

  const conversations = new Map<Id, ConversationSaves['conversation']>();
  const answers = new Map<Pending, BatchSaveResult>();
  try {
    const bumps = await inMultiStatementTransaction(ctx.em, (tx) => store(tx, [...groups.keys()], pending, opts.membersUpTo, conversations, answers));
    for (const { id, version } of bumps) {
      const c = conversations.get(id);
      if (c) c.version = version;
    }
    if (!opts.deferVersions) await publishVersions(ctx.redis, bumps);
  } catch (err) {
    // A concurrent writer stored one of these pairs first (a rare double delivery): the whole
    // transaction rolled back; each message is stored on its own, in order, answered with the
    // original where there is one.
    if (!isDuplicateKey(err, 'uq_messages_sender_client')) throw err;
    for (const p of pending) answers.set(p, await saveOne(ctx, p.input, maxBytes));
  }
  for (const [p, answer] of answers) out.get(p.conversationId)!.results[p.index] = answer;
  const answered = new Map<Id, ConversationSaves>();
  for (const [id, { results }] of out) answered.set(id, { conversation: conversations.get(id) ?? null, results: results as BatchSaveResult[] });
  return answered;
}

/**
 * The transaction, in two requests. First: lock every conversation of the batch (in id order:
 * two writers locking overlapping sets cannot deadlock on each other), read the senders'
 * memberships and look up pairs stored before (a resend, or a redelivery after a crash: they
 * are answered with the original). Then: insert the fresh messages with their seqs, move every
 * conversation's last seq and last message, read the new ids back, commit. Fills
 * `conversations` and `answers` (from scratch: a deadlock runs it again); returns the version
 * bumps to publish.
 */
async function store(tx: MultiTx, conversationIds: Id[], pending: Pending[], membersUpTo: number | undefined, conversations: Map<Id, ConversationSaves['conversation']>, answers: Map<Pending, BatchSaveResult>): Promise<VersionBump[]> {
  conversations.clear();
  answers.clear();
  const ids = [...conversationIds].sort(byNumericId);
  const pairs = [...new Map(pending.map((p) => [`${p.conversationId}:${p.input.senderId}`, [p.conversationId, p.input.senderId] as const])).values()];
  const lookups: Statement[] = [];
  for (let i = 0; i < pending.length; i += LOOKUP_PAIRS) {
    const part = pending.slice(i, i + LOOKUP_PAIRS);
    lookups.push({
      sql: `SELECT ${STORED_COLUMNS}, m.sender_id, m.client_msg_id FROM messages m LEFT JOIN messages q ON q.id = m.reply_to_id WHERE (m.sender_id, m.client_msg_id) IN (${part.map(() => '(?, ?)').join(', ')})`,
      params: part.flatMap((p) => [p.input.senderId, p.input.clientMsgId]),
    });
  }
  const nothing: Statement = { sql: 'SELECT 1 FROM DUAL WHERE FALSE', params: [] };
  // Replies and mentions are checked in this same request: one SELECT for every quoted message
  // of the batch, and the mentioned users' memberships in chunks.
  const quoted = [...new Set(pending.flatMap((p) => (p.input.replyToId ? [p.input.replyToId] : [])))];
  const mentionPairs = [...new Map(pending.flatMap((p) => p.mentions.map((u) => [`${p.conversationId}:${u}`, [p.conversationId, u] as const]))).values()];
  const mentionChecks: Statement[] = [];
  for (let i = 0; i < mentionPairs.length; i += LOOKUP_PAIRS) {
    const part = mentionPairs.slice(i, i + LOOKUP_PAIRS);
    mentionChecks.push({ sql: `SELECT conversation_id, user_id FROM conversation_members WHERE (conversation_id, user_id) IN (${part.map(() => '(?, ?)').join(', ')})`, params: part.flat() });
  }
  const answered = (await tx.run([
    { sql: `SELECT id, type, member_count, last_seq, version FROM conversations WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, params: ids },
    // Membership, role and every rule of who may send (repo/messages/send-rules.ts).
    pairs.length > 0 ? sendRulesStatement(pairs, utcDateTime(new Date())) : nothing,
    membersUpTo !== undefined
      ? {
          sql: `SELECT m.conversation_id, m.user_id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id WHERE c.id IN (${ids.map(() => '?').join(', ')}) AND c.member_count <= ? ORDER BY m.conversation_id, m.user_id`,
          params: [...ids, membersUpTo],
        }
      : nothing,
    quoted.length > 0 ? { sql: `SELECT ${QUOTE_COLUMNS} FROM messages WHERE id IN (${quoted.map(() => '?').join(', ')})`, params: quoted } : nothing,
    ...lookups,
    ...mentionChecks,
  ])) as Row[][];
  const [convRows, memberRows, everyMember, targetRows] = answered;
  const storedParts = answered.slice(4, 4 + lookups.length);
  const targets = new Map(targetRows!.map((r) => [idOf(r.id), r]));
  const members = new Set(answered.slice(4 + lookups.length).flat().map((r) => `${idOf(r.conversation_id)}:${idOf(r.user_id)}`));

  const convs = new Map(convRows!.map((r) => [idOf(r.id), r]));
  const membersOf = new Map<Id, Id[]>();
  for (const r of everyMember!) {
    const id = idOf(r.conversation_id);
    let list = membersOf.get(id);
    if (!list) membersOf.set(id, (list = []));
    list.push(idOf(r.user_id));
  }
  for (const id of ids) {
    const c = convs.get(id);
    const small = c && membersUpTo !== undefined && num(c.member_count) <= membersUpTo;
    conversations.set(id, c ? { id, type: num(c.type), memberCount: num(c.member_count), ...(small ? { memberIds: membersOf.get(id) ?? [] } : {}) } : null);
  }
  const stored = new Map<string, Row>();
  for (const part of storedParts) for (const r of part) stored.set(pairKey(idOf(r.sender_id), r.client_msg_id as string), r);
  const rules = new Map(memberRows!.map((r) => [`${idOf(r.conversation_id)}:${idOf(r.user_id)}`, r]));
  const refs = new Map<Pending, Refs>();

  const firstOf = new Map<string, Pending>();
  const repeats: [Pending, Pending][] = [];
  const allowed: Pending[] = [];
  for (const p of pending) {
    const key = pairKey(p.input.senderId, p.input.clientMsgId);
    const r = stored.get(key);
    const first = firstOf.get(key);
    if (r) {
      answers.set(p, idOf(r.conversation_id) === p.conversationId
        ? { ok: true, saved: storedOf(r) }
        : { ok: false, code: 'client_msg_id_reused', message: `clientMsgId "${p.input.clientMsgId}" was already used by this sender in conversation ${idOf(r.conversation_id)}` });
    } else if (first && first.conversationId !== p.conversationId) {
      // The same pair in two conversations of one call (batches of several partitions share a
      // transaction): the first counts, the second is refused as a reuse, as it would be after.
      answers.set(p, { ok: false, code: 'client_msg_id_reused', message: `clientMsgId "${p.input.clientMsgId}" is used by this sender for a send to conversation ${first.conversationId}` });
    } else if (first) {
      repeats.push([p, first]);
    } else {
      firstOf.set(key, p);
      const rule = rules.get(`${p.conversationId}:${p.input.senderId}`);
      const barred = sendRefusal(rule, p.conversationId, p.input.senderId);
      if (!convs.has(p.conversationId)) answers.set(p, { ok: false, code: 'not_found', message: `conversation ${p.conversationId} not found` });
      else if (barred) answers.set(p, { ok: false, ...barred });
      else {
        const target = p.input.replyToId ? targets.get(p.input.replyToId) : undefined;
        const refused = referenceRefusal(p.conversationId, p.input, p.mentions, target, (u) => members.has(`${p.conversationId}:${u}`), rule?.role as string | undefined);
        if (refused) answers.set(p, { ok: false, code: refused.code, message: refused.message });
        else {
          allowed.push(p);
          refs.set(p, { ...(target ? { replyTo: quoteOf(target) } : {}), ...(p.mentions.length > 0 ? { mentions: p.mentions } : {}), ...(p.input.mentionAll ? { mentionAll: true } : {}) });
        }
      }
    }
  }

  const bumps = allowed.length === 0 ? [] : await insertAllowed(tx, allowed, convs, refs, answers);
  // A pair twice in the batch: the second is answered as a repeat of the first.
  for (const [p, first] of repeats) {
    const answer = answers.get(first)!;
    answers.set(p, answer.ok ? { ok: true, saved: { ...answer.saved, duplicate: true } } : answer);
  }
  return bumps;
}

async function insertAllowed(tx: MultiTx, allowed: Pending[], convs: Map<Id, Row>, refs: Map<Pending, Refs>, answers: Map<Pending, BatchSaveResult>): Promise<VersionBump[]> {
  // Seqs per conversation, in the order the batch holds its messages.
  const now = new Date();
  const at = utcDateTime(now);
  const nextSeq = new Map<Id, number>();
  const rowsToInsert = allowed.map((p) => {
    const seq = (nextSeq.get(p.conversationId) ?? num(convs.get(p.conversationId)!.last_seq)) + 1;
    nextSeq.set(p.conversationId, seq);
    return { p, seq, bytes: Buffer.byteLength(p.input.content, 'utf8') };
  });
  const inserts: Statement[] = chunkBySize(rowsToInsert, (r) => r.bytes + 100, INSERT_BYTES, INSERT_ROWS).map((part) => ({
    sql: `INSERT INTO messages (conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at, reply_to_id, mentions, mention_all) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)').join(', ')}`,
    params: part.flatMap(({ p, seq }) => [p.conversationId, p.input.senderId, seq, p.input.messageType, p.input.content, p.input.clientMsgId, at, p.input.replyToId ?? null, mentionsColumn(p.mentions), p.input.mentionAll ? 1 : 0]),
    bytes: part.reduce((n, r) => n + r.bytes, 0),
  }));
  const written = [...nextSeq.keys()];
  const lastSeqCase = `CASE conversations.id ${written.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  const lastSeqParams = written.flatMap((id) => [id, nextSeq.get(id)!]);
  const firstSeq = (id: Id) => num(convs.get(id)!.last_seq) + 1;
  // Searchable in the same commit as stored (repo/search).
  const indexed = indexInserts(rowsToInsert.map(({ p, seq }) => ({ conversationId: p.conversationId, seq, messageType: p.input.messageType, content: p.input.content })));
  const results = await tx.run([
    ...inserts,
    ...indexed,
    {
      sql: `UPDATE conversations SET last_seq = ${lastSeqCase}, last_message_id = (SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id AND m.seq_id = ${lastSeqCase}), version = version + 1, updated_at = ? WHERE conversations.id IN (${written.map(() => '?').join(', ')})`,
      params: [...lastSeqParams, ...lastSeqParams, at, ...written],
    },
    {
      sql: `SELECT id, conversation_id, seq_id FROM messages WHERE ${written.map(() => '(conversation_id = ? AND seq_id BETWEEN ? AND ?)').join(' OR ')}`,
      params: written.flatMap((id) => [id, firstSeq(id), nextSeq.get(id)!]),
    },
  ], { commit: true });
  const idRows = results.at(-1) as Row[];
  const idOfSeq = new Map(idRows.map((r) => [`${idOf(r.conversation_id)}:${num(r.seq_id)}`, idOf(r.id)]));
  for (const { p, seq } of rowsToInsert) {
    const { messageType, content } = p.input;
    answers.set(p, {
      ok: true,
      saved: { messageId: idOfSeq.get(`${p.conversationId}:${seq}`)!, conversationId: p.conversationId, seq, createdAt: Date.parse(`${at.replace(' ', 'T')}Z`), messageType, content, recalled: false, duplicate: false, ...refs.get(p) },
    });
  }
  // The rows are locked, so each version is exactly one above what was read.
  return written.map((id) => ({ id, version: num(convs.get(id)!.version) + 1 }));
}

function byNumericId(a: Id, b: Id): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
