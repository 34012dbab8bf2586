import { SYNC_MAX_LIMIT } from '../../contract/index.ts';
import type { RepoCtx } from '../context.ts';
import { bumpVersions, publishVersions, type VersionBump } from '../cache.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { bool, idOf, inTransaction, isUniqueViolation, ms, msOrNull, num, rows, run, type Row } from '../sql.ts';
import type { Id, MessageView, SavedMessage, SaveMessageInput } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { indexMessage, unindexMessage } from '../search/index-rows.ts';
import { sendRefusal, sendRefusalError, sendRulesStatement } from './send-rules.ts';
import { CLIENT_MSG_ID_MAX, CONTENT_MAX_BYTES } from './message.entity.ts';
import { attachReplies, checkReferences, JOINED_QUOTE_COLUMNS, joinedQuoteOf, mentionsColumn, mentionsOf, QUOTE_COLUMNS, quoteOf, REFERENCE_COLUMNS, referenceRefusal, referencesOf } from './references.ts';

/** A page: the largest sync page plus the one row that tells whether there is more. */
const PAGE_MAX = SYNC_MAX_LIMIT + 1;

export const COLUMNS = `id, conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at, edited_at, ${REFERENCE_COLUMNS}`;

/** A stored row as a repeat is answered with: the row, its references and its quote (joined as `q`). */
export const STORED_COLUMNS = `m.id, m.conversation_id, m.seq_id, m.created_at, m.type, m.content, m.recalled, m.deleted, m.reply_to_id, m.mentions, m.mention_all, ${JOINED_QUOTE_COLUMNS}`;

/** What a reader may see of a message's text: nothing once it is deleted or recalled. */
export function visibleContent(content: unknown, deleted: boolean, recalled: boolean): string {
  return deleted || recalled ? '' : (content as string);
}

export function toMessageView(r: Row): MessageView {
  const deleted = bool(r.deleted);
  const recalled = bool(r.recalled);
  return {
    id: idOf(r.id),
    conversationId: idOf(r.conversation_id),
    senderId: idOf(r.sender_id),
    seq: num(r.seq_id),
    type: num(r.type),
    content: visibleContent(r.content, deleted, recalled),
    clientMsgId: r.client_msg_id as string,
    deleted,
    recalled,
    createdAt: ms(r.created_at),
    editedAt: msOrNull(r.edited_at),
    ...referencesOf(r),
  };
}

async function findByClientId(em: Em, senderId: Id, clientMsgId: string): Promise<SavedMessage | null> {
  const [row] = await rows(em, `SELECT ${STORED_COLUMNS} FROM messages m LEFT JOIN messages q ON q.id = m.reply_to_id WHERE m.sender_id = ? AND m.client_msg_id = ?`, [senderId, clientMsgId]);
  return row ? storedOf(row) : null;
}

/** A stored row as the answer to a repeat of its (sender, clientMsgId). */
export function storedOf(row: Row): SavedMessage {
  const deleted = bool(row.deleted);
  const recalled = bool(row.recalled);
  return {
    messageId: idOf(row.id),
    conversationId: idOf(row.conversation_id),
    seq: num(row.seq_id),
    createdAt: ms(row.created_at),
    messageType: num(row.type),
    content: visibleContent(row.content, deleted, recalled),
    recalled: recalled || deleted,
    duplicate: true,
    ...storedReferences(row),
  };
}

/** A repeat's references (read with STORED_COLUMNS), as the fan-out carries them. */
function storedReferences(row: Row): Pick<SavedMessage, 'replyTo' | 'mentions' | 'mentionAll'> {
  const replyTo = joinedQuoteOf(row);
  const mentions = mentionsOf(row.mentions);
  return { ...(replyTo ? { replyTo } : {}), ...(mentions.length > 0 ? { mentions } : {}), ...(bool(row.mention_all) ? { mentionAll: true } : {}) };
}

function duplicateOf(found: SavedMessage, input: { conversationId: Id; clientMsgId: string }): SavedMessage {
  if (found.conversationId !== input.conversationId) {
    throw new ConflictError('client_msg_id_reused', `clientMsgId "${input.clientMsgId}" was already used by this sender in conversation ${found.conversationId}`);
  }
  return found;
}

/**
 * Stores a message with the next seq of its conversation. The conversation row lock serialises
 * writers of one conversation, so seqs are unique and gap-free; a failed insert rolls the seq back
 * with the transaction. A repeat of (sender, clientMsgId) writes nothing and returns the original.
 */
export async function saveMessage(ctx: RepoCtx, input: SaveMessageInput, opts: { maxContentBytes?: number } = {}): Promise<SavedMessage> {
  if (typeof input !== 'object' || input === null) throw new ValidationError('input', 'must be an object');
  const conversationId = checkId('conversationId', input.conversationId);
  const senderId = checkId('senderId', input.senderId);
  const clientMsgId = checkString('clientMsgId', input.clientMsgId, { min: 1, max: CLIENT_MSG_ID_MAX });
  const messageType = checkInt('messageType', input.messageType, 0, 65_535);
  const content = checkString('content', input.content, { max: CONTENT_MAX_BYTES });
  const maxBytes = Math.min(opts.maxContentBytes ?? CONTENT_MAX_BYTES, CONTENT_MAX_BYTES);
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > maxBytes) throw new ValidationError('content', `must be at most ${maxBytes} bytes of UTF-8, got ${bytes}`);
  const mentions = checkReferences(input);
  const replyToId = input.replyToId ?? null;
  const mentionAll = input.mentionAll === true;

  const before = await findByClientId(ctx.em, senderId, clientMsgId);
  if (before) return duplicateOf(before, { conversationId, clientMsgId });

  let bumps: VersionBump[] = [];
  try {
    const saved = await inTransaction(ctx.em, async (tem) => {
      const [conv] = await rows(tem, 'SELECT last_seq FROM conversations WHERE id = ? FOR UPDATE', [conversationId]);
      if (!conv) throw new NotFoundError('conversation', conversationId);
      const rules = sendRulesStatement([[conversationId, senderId]], new Date());
      const [member] = await rows(tem, rules.sql, rules.params);
      const barred = sendRefusal(member, conversationId, senderId);
      if (barred) throw sendRefusalError(barred);
      const [target] = replyToId ? await rows(tem, `SELECT ${QUOTE_COLUMNS} FROM messages WHERE id = ?`, [replyToId]) : [];
      const mentioned = mentions.length === 0 ? [] : await rows(tem, `SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id IN (${mentions.map(() => '?').join(', ')})`, [conversationId, ...mentions]);
      const members = new Set(mentioned.map((r) => idOf(r.user_id)));
      const refused = referenceRefusal(conversationId, input, mentions, target, (id) => members.has(id), member!.role as string);
      if (refused) throw refused;
      const seq = num(conv.last_seq) + 1;
      const now = new Date();
      const res = await run(
        tem,
        'INSERT INTO messages (conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at, reply_to_id, mentions, mention_all) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)',
        [conversationId, senderId, seq, messageType, content, clientMsgId, now, replyToId, mentionsColumn(mentions), mentionAll ? 1 : 0],
      );
      await indexMessage(tem, res.insertId, conversationId, messageType, content);
      await run(
        tem,
        'UPDATE conversations SET last_seq = ?, last_message_id = ?, version = version + 1, updated_at = ? WHERE id = ?',
        [seq, res.insertId, now, conversationId],
      );
      const [v] = await rows(tem, 'SELECT version FROM conversations WHERE id = ?', [conversationId]);
      bumps = [{ id: conversationId, version: num(v?.version) }];
      const refs = { ...(target ? { replyTo: quoteOf(target) } : {}), ...(mentions.length > 0 ? { mentions } : {}), ...(mentionAll ? { mentionAll } : {}) };
      return { messageId: res.insertId, conversationId, seq, createdAt: now.getTime(), messageType, content, recalled: false, duplicate: false, ...refs };
    });
    await publishVersions(ctx.redis, bumps);
    return saved;
  } catch (err) {
    // A concurrent repeat won the race: ours rolled back, the committed original is the answer.
    if (!isUniqueViolation(err, 'uq_messages_sender_client')) throw err;
    const original = await findByClientId(ctx.em, senderId, clientMsgId);
    if (!original) throw err;
    return duplicateOf(original, { conversationId, clientMsgId });
  }
}

export async function checkMessageIdempotency(ctx: RepoCtx, senderId: Id, clientMsgId: string): Promise<SavedMessage | null> {
  checkId('senderId', senderId);
  checkString('clientMsgId', clientMsgId, { min: 1, max: CLIENT_MSG_ID_MAX });
  return findByClientId(ctx.em, senderId, clientMsgId);
}

export async function getMessage(ctx: RepoCtx, id: Id): Promise<MessageView | null> {
  checkId('messageId', id);
  const [row] = await rows(ctx.em, `SELECT ${COLUMNS} FROM messages WHERE id = ?`, [id]);
  return row ? (await attachReplies(ctx.em, [toMessageView(row)]))[0]! : null;
}

export async function getMessagesAfterSeq(ctx: RepoCtx, conversationId: Id, afterSeq: number, limit: number): Promise<MessageView[]> {
  checkId('conversationId', conversationId);
  checkInt('afterSeq', afterSeq, 0, Number.MAX_SAFE_INTEGER);
  checkInt('limit', limit, 1, PAGE_MAX);
  const found = await rows(ctx.em, `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND seq_id > ? ORDER BY seq_id LIMIT ?`, [conversationId, afterSeq, limit]);
  return attachReplies(ctx.em, found.map(toMessageView));
}

/** History pages, newest first: pass the smallest seq of a page as the next `beforeSeq`. */
export async function getMessagesBefore(ctx: RepoCtx, conversationId: Id, beforeSeq: number | null, limit: number): Promise<MessageView[]> {
  checkId('conversationId', conversationId);
  const before = beforeSeq === null ? Number.MAX_SAFE_INTEGER : checkInt('beforeSeq', beforeSeq, 1, Number.MAX_SAFE_INTEGER);
  checkInt('limit', limit, 1, PAGE_MAX);
  const found = await rows(ctx.em, `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND seq_id < ? ORDER BY seq_id DESC LIMIT ?`, [conversationId, before, limit]);
  return attachReplies(ctx.em, found.map(toMessageView));
}

async function markMessage(ctx: RepoCtx, messageId: Id, column: 'deleted' | 'recalled', check: (m: MessageView) => void): Promise<MessageView> {
  const bumps = await inTransaction(ctx.em, async (tem) => {
    const [row] = await rows(tem, `SELECT ${COLUMNS} FROM messages WHERE id = ? FOR UPDATE`, [messageId]);
    if (!row) throw new NotFoundError('message', messageId);
    const message = toMessageView(row);
    check(message);
    if (message[column]) return [];
    await run(tem, `UPDATE messages SET ${column} = 1 WHERE id = ?`, [messageId]);
    await unindexMessage(tem, messageId);
    // Unread counts and the last-message preview of every member may change.
    return bumpVersions(tem, [message.conversationId]);
  });
  await publishVersions(ctx.redis, bumps);
  const message = await getMessage(ctx, messageId);
  if (!message) throw new NotFoundError('message', messageId);
  return message;
}

/** The sender takes a message back within the recall window (default 2 minutes). */
export async function recallMessage(ctx: RepoCtx, messageId: Id, byUserId: Id, opts: { windowMs?: number; now?: number } = {}): Promise<MessageView> {
  checkId('messageId', messageId);
  checkId('byUserId', byUserId);
  const windowMs = opts.windowMs === undefined ? 120_000 : checkInt('windowMs', opts.windowMs, 0, Number.MAX_SAFE_INTEGER);
  const now = opts.now ?? Date.now();
  return markMessage(ctx, messageId, 'recalled', (m) => {
    if (m.senderId !== byUserId) throw new ForbiddenError('not_sender', `user ${byUserId} did not send message ${messageId}`);
    if (!m.recalled && now - m.createdAt > windowMs) {
      throw new ForbiddenError('recall_window_passed', `message ${messageId} is older than the ${windowMs} ms recall window`);
    }
  });
}
