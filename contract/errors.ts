// The one list of error codes a client can receive, over REST (`{code, message}` with the HTTP
// status below) and WebSocket (an `error` frame) alike. docs/protocol.md lists exactly these;
// test/contract/docs.test.ts keeps the two in step.
import Type from 'typebox';

interface CodeInfo {
  /** HTTP status over REST. */
  status: number;
  /** Whether resending the same request (same client_msg_id) may succeed. */
  retry: 'no' | 'yes' | 'yes, slower';
  meaning: string;
}

export const ERROR_CODES = {
  BAD_FRAME: { status: 400, retry: 'no', meaning: 'WebSocket only: not JSON, not an object, binary, or larger than `WS_MAX_FRAME_BYTES`' },
  UNKNOWN_FRAME_TYPE: { status: 400, retry: 'no', meaning: 'WebSocket only: `type` is not one of the client frames' },
  VALIDATION_ERROR: { status: 400, retry: 'no', meaning: 'a field is missing, of the wrong type, out of range, too long, or unknown; the message names it' },
  UNAUTHORIZED: { status: 401, retry: 'no', meaning: 'no token, or a malformed, tampered, expired or revoked one' },
  FORBIDDEN: { status: 403, retry: 'no', meaning: 'the action is not yours to take (not the sender, not an owner, recall window passed)' },
  NOT_CONVERSATION_MEMBER: { status: 403, retry: 'no', meaning: 'you are not a member of the conversation' },
  MUTED: { status: 403, retry: 'no', meaning: 'you are muted in the conversation (until your `muted_until`, or until an owner or admin unmutes you)' },
  GROUP_MUTED: { status: 403, retry: 'no', meaning: 'the group is muted for members (mute-all): only its owner and admins may send' },
  BLOCKED: { status: 403, retry: 'no', meaning: 'a block stands between you and this user (one of you blocked the other): no friend request or 1:1 message passes; nothing was stored' },
  NOT_FRIENDS: { status: 403, retry: 'no', meaning: 'the two users of this 1:1 conversation are no longer friends: a friend request, once accepted, opens the same conversation again; nothing was stored' },
  GROUP_DISSOLVED: { status: 409, retry: 'no', meaning: 'the group was dissolved: its history stays readable, nothing can be sent or changed' },
  EDIT_WINDOW_PASSED: { status: 403, retry: 'no', meaning: 'the message is older than the edit window (`MESSAGE_EDIT_WINDOW_SECONDS`)' },
  MESSAGE_NOT_EDITABLE: { status: 409, retry: 'no', meaning: 'the message was recalled or deleted, or it is not a text message (`msg_type` 1)' },
  MESSAGE_RECALLED: { status: 409, retry: 'no', meaning: 'the message was recalled or deleted: its reactions can no longer change' },
  REACTION_LIMIT: { status: 409, retry: 'no', meaning: 'the message already carries the most distinct reactions (`MAX_REACTION_KINDS`, 20): add one of those' },
  REPLY_TARGET_NOT_FOUND: { status: 404, retry: 'no', meaning: '`reply_to` names no message of this conversation (missing, or in another conversation); nothing was stored' },
  MENTION_NOT_MEMBER: { status: 409, retry: 'no', meaning: 'a user in `mentions` is not a member of the conversation; nothing was stored' },
  MENTION_ALL_FORBIDDEN: { status: 403, retry: 'no', meaning: '`mention_all` is for the group\'s owner and admins; nothing was stored' },
  ATTACHMENT_TOO_LARGE: { status: 413, retry: 'no', meaning: 'the upload is larger than `ATTACHMENTS_MAX_BYTES` (counted on the bytes received), or an image has more than `ATTACHMENTS_MAX_IMAGE_PIXELS` pixels; nothing was stored' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, retry: 'no', meaning: 'the upload\'s bytes are not of a type in `ATTACHMENTS_ALLOWED_TYPES` (detected from the content; the name and `Content-Type` are not believed), or an image that cannot be decoded; nothing was stored' },
  ATTACHMENT_NOT_FOUND: { status: 404, retry: 'no', meaning: 'no such attachment for you: unknown, of another conversation, uploaded by someone else and not sent yet, or (in a send) not uploaded by you; nothing was stored' },
  ATTACHMENT_NOT_READY: { status: 409, retry: 'yes', meaning: 'the attachment\'s upload has not completed: only a complete upload can be sent or downloaded' },
  ATTACHMENT_KIND_MISMATCH: { status: 409, retry: 'no', meaning: 'an image message (`msg_type` 2) names an attachment that is not an image: send it as a file (`msg_type` 3); nothing was stored' },
  ATTACHMENT_LINK_INVALID: { status: 403, retry: 'no', meaning: 'the download URL\'s signature does not match its attachment, variant and expiry (forged or altered): ask `GET /attachments/{id}/url` for a new one' },
  ATTACHMENT_LINK_EXPIRED: { status: 403, retry: 'no', meaning: 'the download URL is past its `expires_at`: ask `GET /attachments/{id}/url` for a new one' },
  NOT_FOUND: { status: 404, retry: 'no', meaning: 'the conversation, message, user or request does not exist' },
  CONFLICT: { status: 409, retry: 'no', meaning: 'the current state refuses it: e.g. a `client_msg_id` already used in another conversation (pick a new one), a username taken, a request already answered' },
  RATE_LIMITED: { status: 429, retry: 'yes, slower', meaning: 'too many requests or frames; REST sends `retry-after`' },
  SERVICE_UNAVAILABLE: { status: 503, retry: 'yes', meaning: 'a dependency is unreachable; nothing was stored: resend with the same `client_msg_id`' },
  INTERNAL_ERROR: { status: 500, retry: 'yes', meaning: 'unexpected server error; carries a `request_id` to quote to the operator, details are only in the server log' },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];
export const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && Object.hasOwn(ERROR_CODES, v);
export const statusOf = (code: ErrorCode): number => ERROR_CODES[code].status;

/** The message every INTERNAL_ERROR carries; the detail goes to the log under its request id. */
export const INTERNAL_MESSAGE = 'internal error; quote the request_id when reporting it';

export const ErrorBody = Type.Object(
  {
    code: Type.Enum(errorCodes),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'the request field at fault, e.g. body.username' })),
    request_id: Type.Optional(Type.String({ description: 'quote it to the operator: the server log has the detail under it' })),
  },
  { description: 'An error with a stable code (docs/protocol.md lists them all)' },
);
