// Edits: the sender replaces the content of one of their text messages within the edit window.
// editMessage is the whole write (checks, update, cache versions) in one place, so anything else
// an edit must update goes there too.
import { TEXT_MSG_TYPE } from '../../contract/index.ts';
import { bumpVersions, publishVersions, type VersionBump } from '../cache.ts';
import type { RepoCtx } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { idOf, inTransaction, ms, num, rows, run } from '../sql.ts';
import type { Id, MessageView } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { reindexMessage } from '../search/index-rows.ts';
import { CONTENT_MAX_BYTES } from './message.entity.ts';
import { COLUMNS, toMessageView } from './messages.ts';

/** How far back (in seqs) below the client's last seq the search for missed edits looks. */
const EDIT_SCAN_SEQS = 1000;

export interface EditResult {
  /** The message as stored now. */
  message: MessageView;
  /** False when the content was already this (nothing written). */
  changed: boolean;
}

/**
 * Replaces the content of a text message. Refused (nothing written) when the message does not
 * exist, `byUserId` did not send it, it was recalled or deleted, it is not text, or it is older
 * than `windowMs`. The same content again writes nothing and answers with the stored message.
 */
export async function editMessage(
  ctx: RepoCtx,
  messageId: Id,
  byUserId: Id,
  content: string,
  opts: { windowMs: number; maxContentBytes?: number; now?: number },
): Promise<EditResult> {
  checkId('messageId', messageId);
  checkId('byUserId', byUserId);
  const text = checkString('content', content, { min: 1, max: CONTENT_MAX_BYTES });
  const maxBytes = Math.min(opts.maxContentBytes ?? CONTENT_MAX_BYTES, CONTENT_MAX_BYTES);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new ValidationError('content', `must be at most ${maxBytes} bytes of UTF-8, got ${bytes}`);
  const windowMs = checkInt('windowMs', opts.windowMs, 0, Number.MAX_SAFE_INTEGER);
  const now = opts.now ?? Date.now();

  let bumps: VersionBump[] = [];
  const result = await inTransaction(ctx.em, async (tem): Promise<EditResult> => {
    bumps = [];
    const [row] = await rows(tem, `SELECT ${COLUMNS} FROM messages WHERE id = ? FOR UPDATE`, [messageId]);
    if (!row) throw new NotFoundError('message', messageId);
    const message = toMessageView(row);
    if (message.senderId !== byUserId) throw new ForbiddenError('not_sender', `user ${byUserId} did not send message ${messageId}`);
    if (message.recalled || message.deleted) throw new ConflictError('not_editable', `message ${messageId} was recalled: it cannot be edited`);
    if (message.type !== TEXT_MSG_TYPE) {
      throw new ConflictError('not_editable', `message ${messageId} is not a text message (msg_type ${message.type}): only text can be edited`);
    }
    if (now - message.createdAt > windowMs) {
      throw new ForbiddenError('edit_window_passed', `message ${messageId} is older than the ${Math.round(windowMs / 1000)} s edit window`);
    }
    if (message.content === text) return { message, changed: false };
    const editedAt = new Date(now);
    await run(tem, 'UPDATE messages SET content = ?, edited_at = ? WHERE id = ?', [text, editedAt, messageId]);
    await reindexMessage(tem, messageId, message.conversationId, text);
    // The conversation list's last-message preview may be this message.
    bumps = await bumpVersions(tem, [message.conversationId]);
    return { message: { ...message, content: text, editedAt: editedAt.getTime() }, changed: true };
  });
  await publishVersions(ctx.redis, bumps);
  return result;
}

/**
 * Edits a reconnecting client may have missed: messages it already holds (seq <= what it knows,
 * among the last EDIT_SCAN_SEQS) edited at or after `since`, with their current content.
 * Recalled messages are left out: the recall list covers them.
 */
export async function getEditedSince(ctx: RepoCtx, conversationId: Id, maxSeq: number, since: number): Promise<{ messageId: Id; seq: number; content: string; editedAt: number }[]> {
  checkId('conversationId', conversationId);
  checkInt('maxSeq', maxSeq, 0, Number.MAX_SAFE_INTEGER);
  checkInt('since', since, 0, Number.MAX_SAFE_INTEGER);
  if (maxSeq === 0) return [];
  const found = await rows(
    ctx.em,
    `SELECT id, seq_id, content, edited_at FROM messages
      WHERE conversation_id = ? AND seq_id > ? AND seq_id <= ? AND edited_at >= ? AND recalled = 0 AND deleted = 0 ORDER BY seq_id`,
    [conversationId, Math.max(0, maxSeq - EDIT_SCAN_SEQS), maxSeq, new Date(since)],
  );
  return found.map((r) => ({ messageId: idOf(r.id), seq: num(r.seq_id), content: r.content as string, editedAt: ms(r.edited_at) }));
}
