// Attachments: upload and download shapes, and the content of image and file messages
// (docs/protocol.md, "Attachments"). An upload belongs to one conversation; a message of
// `msg_type` 2 (image) or 3 (file) sends `{"attachment_id": "…"}` as its content, and the
// gateway stores in its place the attachment's metadata (`AttachmentContent`), so receivers
// render it without another request.
import Type, { type Static } from 'typebox';
import { Id } from './ids.ts';

export const IMAGE_MSG_TYPE = 2;
export const FILE_MSG_TYPE = 3;
/** Whether a message of this type carries an attachment as its content. */
export const isAttachmentMsgType = (msgType: number): boolean => msgType === IMAGE_MSG_TYPE || msgType === FILE_MSG_TYPE;

/**
 * An uploaded file's name as clients give and see it: 1–255 characters, no path separators and
 * no control characters. It is shown, and offered as the download's filename; it decides nothing
 * (the type comes from the bytes).
 */
export const ATTACHMENT_NAME_MAX = 255;
// Bidirectional overrides are refused too: they make `gpj.exe` read as `exe.jpg`.
export const ATTACHMENT_NAME_PATTERN = '^(?!\\.{1,2}$)[^/\\\\\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]{1,255}$';
export const AttachmentName = Type.String({
  minLength: 1,
  maxLength: ATTACHMENT_NAME_MAX,
  pattern: ATTACHMENT_NAME_PATTERN,
  description: 'the file name shown to members: 1–255 characters, no `/`, `\\`, control characters or bidirectional overrides',
});

export const ATTACHMENT_VARIANTS = ['original', 'thumbnail'] as const;
export type AttachmentVariant = (typeof ATTACHMENT_VARIANTS)[number];
export const AttachmentVariantSchema = Type.Union(ATTACHMENT_VARIANTS.map((v) => Type.Literal(v)), {
  description: '`original` (the bytes uploaded) or `thumbnail` (images only: WebP, longest side `ATTACHMENTS_THUMBNAIL_SIZE`)',
});

/** POST /conversations/{id}/attachments: the upload's query (the body is the file's bytes). */
export const UploadQuery = Type.Object({ name: AttachmentName }, { additionalProperties: false });

/** An uploaded attachment as its uploader sees it (the upload's answer). */
export const WireAttachment = Type.Object(
  {
    id: Id,
    conversation_id: Id,
    name: AttachmentName,
    content_type: Type.String({ description: 'detected from the bytes, never taken from the client' }),
    size: Type.Integer({ minimum: 1, description: 'bytes' }),
    width: Type.Optional(Type.Integer({ minimum: 1, description: 'images only: pixels, as displayed (EXIF orientation applied)' })),
    height: Type.Optional(Type.Integer({ minimum: 1, description: 'images only: pixels, as displayed' })),
    thumbnail: Type.Boolean({ description: 'whether a `thumbnail` variant exists (images)' }),
    created_at: Type.Integer({ description: 'ms since epoch' }),
  },
  { additionalProperties: false, description: 'An uploaded attachment, complete: ready to be sent in a message of its conversation' },
);
export type WireAttachment = Static<typeof WireAttachment>;

/** The content a client sends in a message of `msg_type` 2 or 3 (as a JSON string). */
export const AttachmentRef = Type.Object({ attachment_id: Id }, { additionalProperties: false });
export type AttachmentRef = Static<typeof AttachmentRef>;

/** The content stored and delivered for a message of `msg_type` 2 or 3 (as a JSON string). */
export const AttachmentContent = Type.Object(
  {
    attachment_id: Id,
    name: AttachmentName,
    content_type: Type.String(),
    size: Type.Integer({ minimum: 1 }),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    thumbnail: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type AttachmentContent = Static<typeof AttachmentContent>;

/** GET /attachments/{id}/url */
export const DownloadUrlQuery = Type.Object({ variant: Type.Optional(AttachmentVariantSchema) }, { additionalProperties: false });
export const DownloadUrl = Type.Object(
  {
    url: Type.String({ description: 'GET it without a token until `expires_at`; it serves the bytes with their stored content type' }),
    expires_at: Type.Integer({ description: 'ms since epoch' }),
  },
  { additionalProperties: false },
);
export type DownloadUrl = Static<typeof DownloadUrl>;

/** GET /attachments/{id}/content: the signed query a download URL carries. */
export const ATTACHMENT_SIGNATURE_PATTERN = '^[A-Za-z0-9_-]{43}$';
export const SignedContentQuery = Type.Object(
  {
    variant: AttachmentVariantSchema,
    expires: Type.Integer({ minimum: 0, maximum: 2 ** 42, description: 'seconds since epoch' }),
    signature: Type.String({ pattern: ATTACHMENT_SIGNATURE_PATTERN, description: 'HMAC-SHA256 of id, variant and expires (base64url)' }),
  },
  { additionalProperties: false },
);
export type SignedContentQuery = Static<typeof SignedContentQuery>;
