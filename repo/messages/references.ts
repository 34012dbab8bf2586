// What a message refers to: the message it replies to and the members it mentions. Both store
// paths (the batch in save-across.ts, the single saveMessage) refuse a reference the same way
// (`referenceRefusal`); readers attach the quote as it is now (`attachReplies`: one query for a
// whole page, however many messages quote something).
import { MAX_MENTIONS, REPLY_PREVIEW_CHARS, replyPreview, type ReplyRef } from '../../contract/index.ts';
import { RepoError, ValidationError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { bool, idOf, idOrNull, marks, rows, type Row } from '../sql.ts';
import type { Id, MessageView, SaveMessageInput } from '../types.ts';
import { checkId } from '../validate.ts';

export type ReferenceRefusal = 'reply_not_found' | 'mention_not_member' | 'mention_all_forbidden';

/** A reference the conversation refuses (the code says which); nothing was stored. */
export class MessageReferenceError extends RepoError {
  declare readonly code: ReferenceRefusal;
  constructor(code: ReferenceRefusal, message: string) {
    super(code, message);
  }
}

/** The columns every message read takes besides its own (see messages.ts COLUMNS). */
export const REFERENCE_COLUMNS = 'reply_to_id, mentions, mention_all';

/** A quoted row: what a reply shows of it (the preview cut in SQL, to read no more than needed). */
export const QUOTE_COLUMNS = `id, conversation_id, sender_id, LEFT(content, ${REPLY_PREVIEW_CHARS}) AS content, recalled, deleted`;

/** The quote of a row joined as `q` (answers to repeats read it with the original). */
export const JOINED_QUOTE_COLUMNS = `q.sender_id AS q_sender_id, LEFT(q.content, ${REPLY_PREVIEW_CHARS}) AS q_content, q.recalled AS q_recalled, q.deleted AS q_deleted`;

/** Roles that may mention everyone. */
const MENTION_ALL_ROLES = new Set(['owner', 'admin']);

export function quoteOf(row: Row): ReplyRef {
  const recalled = bool(row.recalled) || bool(row.deleted);
  return { messageId: idOf(row.id), senderId: idOf(row.sender_id), preview: recalled ? '' : replyPreview(row.content as string), recalled };
}

/** The quote carried by a row read with JOINED_QUOTE_COLUMNS; undefined when it is no reply. */
export function joinedQuoteOf(row: Row): ReplyRef | undefined {
  if (row.reply_to_id === null || row.reply_to_id === undefined || row.q_sender_id === null || row.q_sender_id === undefined) return undefined;
  return quoteOf({ id: row.reply_to_id, sender_id: row.q_sender_id, content: row.q_content, recalled: row.q_recalled, deleted: row.q_deleted });
}

/** The JSON column as ids (the driver may hand it over as text or parsed). */
export function mentionsOf(value: unknown): Id[] {
  if (value === null || value === undefined) return [];
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map((v) => idOf(v)) : [];
}

/** A row's references as the contract's StoredMessage fields. */
export function referencesOf(row: Row): Pick<MessageView, 'replyToId' | 'mentions' | 'mentionAll'> {
  return { replyToId: idOrNull(row.reply_to_id), mentions: mentionsOf(row.mentions), mentionAll: bool(row.mention_all) };
}

/** The stored value of `mentions`: null when there are none. */
export const mentionsColumn = (ids: Id[]): string | null => (ids.length === 0 ? null : JSON.stringify(ids));

/** Checks an input's references before any SQL (ValidationError); returns its mentions without repeats. */
export function checkReferences(input: SaveMessageInput): Id[] {
  if (input.replyToId !== undefined && input.replyToId !== null) checkId('replyToId', input.replyToId);
  if (input.mentionAll !== undefined && typeof input.mentionAll !== 'boolean') throw new ValidationError('mentionAll', 'must be a boolean');
  if (input.mentions === undefined) return [];
  if (!Array.isArray(input.mentions)) throw new ValidationError('mentions', 'must be an array of user ids');
  const ids = [...new Set(input.mentions.map((v, i) => checkId(`mentions[${i}]`, v)))];
  if (ids.length > MAX_MENTIONS) throw new ValidationError('mentions', `at most ${MAX_MENTIONS} users, got ${ids.length}`);
  return ids;
}

/**
 * Why a conversation refuses an input's references, or undefined when it takes them. `target`:
 * the row of `replyToId` (QUOTE_COLUMNS) if it exists anywhere; `isMember`: membership of the
 * conversation; `senderRole`: the sender's role there.
 */
export function referenceRefusal(
  conversationId: Id,
  input: SaveMessageInput,
  mentions: Id[],
  target: Row | undefined,
  isMember: (userId: Id) => boolean,
  senderRole: string | undefined,
): MessageReferenceError | undefined {
  if (input.replyToId) {
    // A message of another conversation is answered exactly like a missing one: its existence is not the sender's to learn.
    if (!target || idOf(target.conversation_id) !== conversationId) {
      return new MessageReferenceError('reply_not_found', `message ${input.replyToId} is not a message of conversation ${conversationId}`);
    }
  }
  const outsider = mentions.find((id) => !isMember(id));
  if (outsider) return new MessageReferenceError('mention_not_member', `user ${outsider} is not a member of conversation ${conversationId}`);
  if (input.mentionAll && !MENTION_ALL_ROLES.has(senderRole ?? '')) {
    return new MessageReferenceError('mention_all_forbidden', `only the owner and admins of conversation ${conversationId} may mention everyone`);
  }
  return undefined;
}

/** Which of these users are members of the conversation (a REST send's mentions, checked up front). */
export async function getMembersAmong(ctx: { em: Em }, conversationId: Id, userIds: Id[]): Promise<Set<Id>> {
  checkId('conversationId', conversationId);
  const ids = [...new Set(userIds.map((u, i) => checkId(`userIds[${i}]`, u)))];
  if (ids.length === 0) return new Set();
  const found = await rows(ctx.em, `SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id IN (${marks(ids.length)})`, [conversationId, ...ids]);
  return new Set(found.map((r) => idOf(r.user_id)));
}

/** The messages with the quotes they carry, as the quoted messages are now: one query for all. */
export async function attachReplies(em: Em, views: MessageView[]): Promise<MessageView[]> {
  const quoted = [...new Set(views.flatMap((v) => (v.replyToId ? [v.replyToId] : [])))];
  if (quoted.length === 0) return views;
  const found = await rows(em, `SELECT ${QUOTE_COLUMNS} FROM messages WHERE id IN (${marks(quoted.length)})`, quoted);
  const byId = new Map(found.map((r) => [idOf(r.id), quoteOf(r)]));
  return views.map((v) => {
    const replyTo = v.replyToId ? byId.get(v.replyToId) : undefined;
    return replyTo ? { ...v, replyTo } : v;
  });
}
