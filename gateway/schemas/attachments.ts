// Route schemas of the attachment endpoints; the shapes themselves are the contract's.
import { Type } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import {
  DownloadUrl, DownloadUrlQuery, SignedContentQuery, UploadQuery, WireAttachment,
} from '../../contract/index.ts';
import type { AttachmentView } from '../services/types.ts';

export { DownloadUrl, DownloadUrlQuery, SignedContentQuery, UploadQuery, WireAttachment as Attachment };

/** The upload's body is the file's bytes, read as a stream (never parsed, never validated as JSON). */
export const UploadBody = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'the file\'s bytes; any Content-Type (it is not believed: the type is detected from the bytes)' });

/** The download's 200: the stored bytes under their stored content type. */
export const ContentResponse = {
  description: 'the attachment\'s bytes, with its content type, `Content-Disposition` and `X-Content-Type-Options: nosniff`',
  content: { 'application/octet-stream': { schema: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }) } },
};

export function toAttachment(a: AttachmentView): WireAttachment {
  return {
    id: a.id,
    conversation_id: a.conversationId,
    name: a.name,
    content_type: a.contentType,
    size: a.size,
    ...(a.width !== null && a.height !== null ? { width: a.width, height: a.height } : {}),
    thumbnail: a.hasThumbnail,
    created_at: a.createdAt,
  };
}
