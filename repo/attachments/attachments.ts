// Uploads: a row is written `pending` before its bytes go to storage and turns `complete` once
// they (and an image's thumbnail) are stored. A message may name only a complete attachment of
// its own conversation; the gateway checks that with getAttachment before a send enters the pipeline.
import type { RepoCtx } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { bool, idOf, ms, msOrNull, num, rows, run, type Row } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { ATTACHMENT_STATE } from './attachment.entity.ts';

export interface AttachmentView {
  id: Id;
  conversationId: Id;
  uploaderId: Id;
  state: 'pending' | 'complete';
  name: string;
  contentType: string;
  size: number;
  /** Images only. */
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  createdAt: number;
  completedAt: number | null;
  /** When the uploader first sent it in a message; null: not sent yet. */
  sentAt: number | null;
}

export interface NewAttachment {
  conversationId: Id;
  uploaderId: Id;
  name: string;
  contentType: string;
  size: number;
  width?: number | null;
  height?: number | null;
  hasThumbnail: boolean;
}

const COLUMNS = 'id, conversation_id, uploader_id, state, name, content_type, size, width, height, has_thumbnail, created_at, completed_at, sent_at';

function toView(r: Row): AttachmentView {
  return {
    id: idOf(r.id),
    conversationId: idOf(r.conversation_id),
    uploaderId: idOf(r.uploader_id),
    state: num(r.state) === ATTACHMENT_STATE.complete ? 'complete' : 'pending',
    name: String(r.name),
    contentType: String(r.content_type),
    size: num(r.size),
    width: r.width === null ? null : num(r.width),
    height: r.height === null ? null : num(r.height),
    hasThumbnail: bool(r.has_thumbnail),
    createdAt: ms(r.created_at),
    completedAt: msOrNull(r.completed_at),
    sentAt: msOrNull(r.sent_at),
  };
}

const optionalDimension = (field: string, value: number | null | undefined) => (value == null ? null : checkInt(field, value, 1, 2 ** 31 - 1));

/** Writes the row of an upload about to be stored, `pending`; returns it with its id. */
export async function createAttachment(ctx: RepoCtx, input: NewAttachment): Promise<AttachmentView> {
  const conversationId = checkId('conversationId', input.conversationId);
  const uploaderId = checkId('uploaderId', input.uploaderId);
  const name = checkString('name', input.name, { min: 1, max: 255 });
  const contentType = checkString('contentType', input.contentType, { min: 3, max: 127, pattern: /^[\w.+-]+\/[\w.+-]+$/, hint: 'a media type' });
  const size = checkInt('size', input.size, 1, Number.MAX_SAFE_INTEGER);
  const width = optionalDimension('width', input.width);
  const height = optionalDimension('height', input.height);
  if ((width === null) !== (height === null)) throw new ValidationError('width', 'width and height go together');
  const now = new Date();
  const res = await run(
    ctx.em,
    `INSERT INTO attachments (conversation_id, uploader_id, state, name, content_type, size, width, height, has_thumbnail, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [conversationId, uploaderId, ATTACHMENT_STATE.pending, name, contentType, size, width, height, input.hasThumbnail ? 1 : 0, now],
  );
  return {
    id: res.insertId, conversationId, uploaderId, state: 'pending', name, contentType, size, width, height,
    hasThumbnail: input.hasThumbnail, createdAt: now.getTime(), completedAt: null, sentAt: null,
  };
}

/** Marks a pending upload complete (its bytes are stored); false when it was not pending. */
export async function completeAttachment(ctx: RepoCtx, id: Id): Promise<boolean> {
  checkId('id', id);
  const res = await run(ctx.em, 'UPDATE attachments SET state = ?, completed_at = ? WHERE id = ? AND state = ?', [ATTACHMENT_STATE.complete, new Date(), id, ATTACHMENT_STATE.pending]);
  return res.affectedRows > 0;
}

/** Removes the row of an upload that failed before completing; a complete one stays. */
export async function deletePendingAttachment(ctx: RepoCtx, id: Id): Promise<boolean> {
  checkId('id', id);
  const res = await run(ctx.em, 'DELETE FROM attachments WHERE id = ? AND state = ?', [id, ATTACHMENT_STATE.pending]);
  return res.affectedRows > 0;
}

export async function getAttachment(ctx: RepoCtx, id: Id): Promise<AttachmentView | null> {
  checkId('id', id);
  const [row] = await rows(ctx.em, `SELECT ${COLUMNS} FROM attachments WHERE id = ?`, [id]);
  return row ? toView(row) : null;
}

/** Records the first send of a complete attachment (idempotent). */
export async function markAttachmentSent(ctx: RepoCtx, id: Id): Promise<void> {
  checkId('id', id);
  await run(ctx.em, 'UPDATE attachments SET sent_at = ? WHERE id = ? AND state = ? AND sent_at IS NULL', [new Date(), id, ATTACHMENT_STATE.complete]);
}
