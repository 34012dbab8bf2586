// The content of an image or file message. A client sends `{"attachment_id": "…"}`; before the
// send enters the pipeline the gateway checks the attachment (this conversation's, the sender's
// own upload, complete, an image for an image message) and puts its metadata in the content's
// place, so every receiver has name, type, size and dimensions without asking. Text and every
// other type pass untouched, without a query.
import {
  AttachmentRef, checker, IMAGE_MSG_TYPE, isAttachmentMsgType, type AttachmentContent, type Id,
} from '../../contract/index.ts';
import type { AttachmentView } from '../../repo/index.ts';
import { DomainError, validationError } from '../errors.ts';
import { IMAGE_TYPES } from './attachment-type.ts';

export interface AttachmentContentDeps {
  getAttachment(id: Id): Promise<AttachmentView | null>;
  /** Records that its uploader sent it: other members may download it from then on. */
  markSent(id: Id): Promise<void>;
}

const refChecker = checker(AttachmentRef);

export const attachmentNotFound = (id: Id) => new DomainError('ATTACHMENT_NOT_FOUND', `attachment ${id} not found`);
export const attachmentNotReady = (id: Id) => new DomainError('ATTACHMENT_NOT_READY', `attachment ${id} is still being uploaded`);

export const isImage = (a: AttachmentView): boolean => IMAGE_TYPES.has(a.contentType) && a.width !== null;

/** An attachment's metadata as messages carry it. */
export function toAttachmentContent(a: AttachmentView): AttachmentContent {
  return {
    attachment_id: a.id,
    name: a.name,
    content_type: a.contentType,
    size: a.size,
    ...(a.width !== null && a.height !== null ? { width: a.width, height: a.height } : {}),
    thumbnail: a.hasThumbnail,
  };
}

function parseRef(content: string): Id {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    value = undefined;
  }
  const problem = refChecker.problem(value, 'content');
  if (problem) throw validationError('content', `an image or file message carries {"attachment_id": "<id>"} as its content (${problem.field} ${problem.problem})`);
  return (value as AttachmentRef).attachment_id;
}

/**
 * The content to store for a send: unchanged unless `msgType` is an image or a file. Text comes
 * back as it is, not as a promise: a socket's text sends reach the pipeline in the order they
 * came, without a turn of the event loop between them.
 */
export function attachmentContent(deps: AttachmentContentDeps, senderId: Id, conversationId: Id, msgType: number, content: string): string | Promise<string> {
  return isAttachmentMsgType(msgType) ? checkedContent(deps, senderId, conversationId, msgType, content) : content;
}

async function checkedContent(deps: AttachmentContentDeps, senderId: Id, conversationId: Id, msgType: number, content: string): Promise<string> {
  const id = parseRef(content);
  const attachment = await deps.getAttachment(id);
  // Someone else's upload, or another conversation's, is as good as missing to this sender.
  if (!attachment || attachment.conversationId !== conversationId || attachment.uploaderId !== senderId) throw attachmentNotFound(id);
  if (attachment.state !== 'complete') throw attachmentNotReady(id);
  if (msgType === IMAGE_MSG_TYPE && !isImage(attachment)) {
    throw new DomainError('ATTACHMENT_KIND_MISMATCH', `attachment ${id} is ${attachment.contentType}, not an image: send it as a file (msg_type 3)`);
  }
  await deps.markSent(id);
  return JSON.stringify(toAttachmentContent(attachment));
}
