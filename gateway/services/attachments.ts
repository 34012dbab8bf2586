// Attachments: uploads into a conversation, short-lived download links for its members, and the
// signed download itself (docs/attachments.md). An upload is spooled and checked (size, type from
// the bytes, an image decoded and given a thumbnail) before anything is stored; its row is
// `pending` while the bytes go to storage and `complete` after, and a failure on the way leaves
// neither a complete row nor objects behind.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ATTACHMENT_VARIANTS, type AttachmentVariant, type Id } from '../../contract/index.ts';
import type { AttachmentView, NewAttachment } from '../../repo/index.ts';
import { attachmentKey, type ObjectStorage, type StoredObject } from '../../storage/index.ts';
import { DomainError, unavailable, validationError } from '../errors.ts';
import type { Access } from './access.ts';
import { attachmentContent, attachmentNotFound, attachmentNotReady, type AttachmentContentDeps } from './attachment-content.ts';
import { describeImage, THUMBNAIL_TYPE, type ImageFacts } from './attachment-images.ts';
import type { LinkSigner } from './attachment-links.ts';
import { spoolUpload, tooLarge } from './attachment-spool.ts';
import { IMAGE_TYPES } from './attachment-type.ts';

export interface AttachmentLimits {
  maxBytes: number;
  allowedTypes: ReadonlySet<string>;
  maxImagePixels: number;
  thumbnailSize: number;
  spoolDir: string;
  urlTtlSeconds: number;
}

export interface AttachmentsDeps extends AttachmentContentDeps {
  access: Access;
  storage: ObjectStorage;
  /** Resolves once the store is usable; rejects while it is not (the caller answers 503). */
  storageReady(): Promise<void>;
  links: LinkSigner;
  limits: AttachmentLimits;
  now(): number;
  createAttachment(input: NewAttachment): Promise<AttachmentView>;
  completeAttachment(id: Id): Promise<boolean>;
  deletePendingAttachment(id: Id): Promise<boolean>;
  /** Problems the client is not told of (a failed clean-up, an object missing): logged. */
  warn(err: unknown, context: string): void;
}

export interface Download {
  object: StoredObject;
  contentType: string;
  /** The name to offer: the upload's, or for a thumbnail the upload's with `.webp`. */
  fileName: string;
  /** Images open in the browser; anything else is saved. */
  inline: boolean;
  /** Seconds the link stays valid: how long the response may be cached. */
  maxAgeSeconds: number;
}

const storageDown = (err: unknown) => unavailable('attachment storage is unavailable; try again', err);

export function createAttachmentsService(deps: AttachmentsDeps) {
  const { access, storage, limits } = deps;
  const nowSeconds = () => Math.floor(deps.now() / 1000);

  async function ready(): Promise<void> {
    try {
      await deps.storageReady();
    } catch (err) {
      throw storageDown(err);
    }
  }

  /** Removes what a failed upload stored; each step on its own, so one failure leaves no other behind. */
  async function discard(id: Id): Promise<void> {
    let leftBehind = false;
    for (const variant of ATTACHMENT_VARIANTS) {
      await storage.delete(attachmentKey(id, variant)).catch((err: unknown) => {
        leftBehind = true;
        deps.warn(err, `delete ${variant} of attachment ${id}`);
      });
    }
    // An object that could not be deleted keeps its pending row: the row is how it is found again.
    if (leftBehind) return;
    await deps.deletePendingAttachment(id).catch((err: unknown) => deps.warn(err, `delete pending attachment ${id}`));
  }

  async function store(row: AttachmentView, path: string, image: ImageFacts | null): Promise<void> {
    try {
      await storage.put(attachmentKey(row.id, 'original'), createReadStream(path), { contentType: row.contentType, contentLength: row.size });
      if (image) await storage.put(attachmentKey(row.id, 'thumbnail'), image.thumbnail, { contentType: THUMBNAIL_TYPE, contentLength: image.thumbnail.length });
    } catch (err) {
      throw storageDown(err);
    }
    if (!(await deps.completeAttachment(row.id))) throw new Error(`attachment ${row.id} was no longer pending`);
  }

  return {
    /**
     * Stores an upload into a conversation of the uploader's. `declaredLength` (Content-Length)
     * refuses an announced oversize before a byte is read; the bytes are counted all the same.
     */
    async upload(userId: Id, conversationId: Id, input: { name: string; body: Readable | undefined; declaredLength: number | undefined }): Promise<AttachmentView> {
      await access.requireMember(conversationId, userId);
      if (input.declaredLength !== undefined && input.declaredLength > limits.maxBytes) throw tooLarge(limits.maxBytes);
      if (!input.body) throw validationError('body', 'the upload is empty: send the file\'s bytes as the body');
      await ready();
      const spooled = await spoolUpload(input.body, { dir: limits.spoolDir, maxBytes: limits.maxBytes, allowedTypes: limits.allowedTypes });
      try {
        const image = IMAGE_TYPES.has(spooled.contentType)
          ? await describeImage(spooled.path, spooled.contentType, { maxPixels: limits.maxImagePixels, thumbnailSize: limits.thumbnailSize })
          : null;
        const row = await deps.createAttachment({
          conversationId,
          uploaderId: userId,
          name: input.name,
          contentType: spooled.contentType,
          size: spooled.size,
          width: image?.width ?? null,
          height: image?.height ?? null,
          hasThumbnail: image !== null,
        });
        try {
          await store(row, spooled.path, image);
        } catch (err) {
          await discard(row.id);
          throw err;
        }
        return { ...row, state: 'complete', completedAt: deps.now() };
      } finally {
        await rm(spooled.path, { force: true });
      }
    },

    /** A download link for a member: for the uploader at once, for the others once it was sent. */
    async downloadUrl(userId: Id, id: Id, variant: AttachmentVariant, baseUrl: string): Promise<{ url: string; expiresAt: number }> {
      const attachment = await deps.getAttachment(id);
      if (!attachment) throw attachmentNotFound(id);
      // A non-member learns no more than of an id that does not exist: not its conversation.
      await access.requireMember(attachment.conversationId, userId).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'NOT_CONVERSATION_MEMBER' ? attachmentNotFound(id) : err;
      });
      if (attachment.uploaderId !== userId && attachment.sentAt === null) throw attachmentNotFound(id);
      if (attachment.state !== 'complete') throw attachmentNotReady(id);
      if (variant === 'thumbnail' && !attachment.hasThumbnail) throw new DomainError('ATTACHMENT_NOT_FOUND', `attachment ${id} has no thumbnail (only images have one)`);
      const expires = nowSeconds() + limits.urlTtlSeconds;
      const query = new URLSearchParams({ variant, expires: String(expires), signature: deps.links.sign(id, variant, expires) });
      return { url: `${baseUrl}/attachments/${id}/content?${query.toString()}`, expiresAt: expires * 1000 };
    },

    /** The bytes behind a signed link; no token, the signature and expiry are the permission. */
    async open(id: Id, link: { variant: AttachmentVariant; expires: number; signature: string }): Promise<Download> {
      const checked = deps.links.check(id, link.variant, link.expires, link.signature, nowSeconds());
      if (checked === 'invalid') throw new DomainError('ATTACHMENT_LINK_INVALID', 'the download link is not valid: ask for a new one');
      if (checked === 'expired') throw new DomainError('ATTACHMENT_LINK_EXPIRED', 'the download link has expired: ask for a new one');
      const attachment = await deps.getAttachment(id);
      if (!attachment || attachment.state !== 'complete' || (link.variant === 'thumbnail' && !attachment.hasThumbnail)) throw attachmentNotFound(id);
      await ready();
      let object: StoredObject | null;
      try {
        object = await storage.get(attachmentKey(id, link.variant));
      } catch (err) {
        throw storageDown(err);
      }
      if (!object) {
        deps.warn(new Error(`the ${link.variant} of complete attachment ${id} is missing from storage`), 'download');
        throw attachmentNotFound(id);
      }
      const thumbnail = link.variant === 'thumbnail';
      return {
        object,
        contentType: thumbnail ? THUMBNAIL_TYPE : attachment.contentType,
        fileName: thumbnail ? `${attachment.name.replace(/\.[^.]*$/, '')}.webp` : attachment.name,
        inline: thumbnail || IMAGE_TYPES.has(attachment.contentType),
        maxAgeSeconds: Math.max(0, link.expires - nowSeconds()),
      };
    },

    /** The content a send of `msgType` stores (attachment-content.ts); throws the send's refusal. */
    contentForSend(senderId: Id, conversationId: Id, msgType: number, content: string): string | Promise<string> {
      return attachmentContent(deps, senderId, conversationId, msgType, content);
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
