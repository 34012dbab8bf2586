// Attachments over REST (docs/attachments.md): upload a picture or file to a conversation, the
// content of the message that sends it, what a received one holds, and short-lived download URLs.
import type { AttachmentContent, AttachmentRef, AttachmentVariant, FILE_MSG_TYPE, IMAGE_MSG_TYPE, WireAttachment, WireMessage } from '../../contract/index.ts';
import { data, type RestClient } from './rest/client.ts';

/** The contract's message types, checked against it by the compiler (the SDK loads no contract code). */
export const IMAGE: typeof IMAGE_MSG_TYPE = 2;
export const FILE: typeof FILE_MSG_TYPE = 3;

/** Bytes as browsers and Node hold them. */
export type AttachmentBytes = Blob | ArrayBuffer | Uint8Array;

/** Uploads `bytes` under `name`; resolves once it is stored complete (with a thumbnail for an image). */
export function uploadAttachment(rest: RestClient, conversationId: string, name: string, bytes: AttachmentBytes): Promise<WireAttachment> {
  return data(rest.POST('/conversations/{id}/attachments', {
    params: { path: { id: conversationId }, query: { name } },
    // The bytes as they are: the gateway reads the type from them, not from a header.
    body: bytes as unknown as string,
    bodySerializer: (body: unknown) => body as RequestInit['body'],
    headers: { 'content-type': 'application/octet-stream' },
  }));
}

/** A send of an uploaded attachment: an image message for an image (it has dimensions), else a file. */
export function attachmentSend(uploaded: Pick<WireAttachment, 'id' | 'width'>): { msgType: typeof IMAGE | typeof FILE; content: string } {
  const ref: AttachmentRef = { attachment_id: uploaded.id };
  return { msgType: uploaded.width !== undefined ? IMAGE : FILE, content: JSON.stringify(ref) };
}

/** What an image or file message carries, or undefined for any other message. */
export function attachmentOf(message: Pick<WireMessage, 'msg_type' | 'content' | 'recalled'>): AttachmentContent | undefined {
  if ((message.msg_type !== IMAGE && message.msg_type !== FILE) || message.recalled) return undefined;
  try {
    const value = JSON.parse(message.content) as AttachmentContent;
    return typeof value.attachment_id === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A URL that serves the attachment (or its thumbnail) without a token until `expiresAt` (ms). */
export async function attachmentUrl(rest: RestClient, attachmentId: string, variant: AttachmentVariant = 'original'): Promise<{ url: string; expiresAt: number }> {
  const r = await data(rest.GET('/attachments/{id}/url', { params: { path: { id: attachmentId }, query: { variant } } }));
  return { url: r.url, expiresAt: r.expires_at };
}
