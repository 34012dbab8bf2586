// Offline push (docs/push.md): the Kafka record of a message for members who are offline, the
// notification a user's push workflow collects, and the webhook request GoChat sends to the
// operator's push service (its body, snake_case, and its signature headers).
import Type, { type Static } from 'typebox';
import { Id, MsgType } from './ids.ts';
import { TEXT_MSG_TYPE, type ChatMessage } from './messages.ts';
import { checker } from './validate.ts';

const Ms = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** The cap on PUSH_PREVIEW_CHARS: a record never carries more of a message than this. */
export const PUSH_PREVIEW_MAX_CHARS = 1000;
/**
 * Most recipients one push record names: PUSH_GROUP_MAX_MEMBERS is bounded by it, so a record
 * (about 23 bytes an id) stays well under Kafka's 1 MB message limit.
 */
export const PUSH_RECORD_MAX_RECIPIENTS = 10_000;

/**
 * gochat.push: one record per stored message that has members to notify. Key: conversationId.
 * Produced by the logic worker with the message's downstream records; read by the worker
 * process, which signals each recipient's push workflow.
 */
export const PushRecord = Type.Object(
  {
    messageId: Id,
    conversationId: Id,
    seq: Type.Integer({ minimum: 1 }),
    senderId: Id,
    /** The sender's nickname, else username, when the message was stored. */
    senderName: Type.String({ maxLength: 256 }),
    messageType: MsgType,
    /** The first PUSH_PREVIEW_CHARS characters of a text message; empty for other types. */
    preview: Type.String({ maxLength: PUSH_PREVIEW_MAX_CHARS }),
    createdAt: Ms,
    /** Members offline when the message was stored, the sender never among them. */
    recipients: Type.Array(Id, { minItems: 1, maxItems: PUSH_RECORD_MAX_RECIPIENTS }),
    /** Recipients the message mentions by id. */
    mentions: Type.Optional(Type.Array(Id)),
    /** The message mentions everyone (@all): every recipient counts as mentioned. */
    mentionAll: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PushRecord = Static<typeof PushRecord>;
export const pushRecord = checker(PushRecord);

/** One message for one user: the push workflow's signal argument and a webhook entry's source. */
export interface PushNotification {
  messageId: Id;
  conversationId: Id;
  seq: number;
  senderId: Id;
  senderName: string;
  messageType: number;
  preview: string;
  createdAt: number;
  /** Mentioned by id or by @all: comes through do-not-disturb. */
  mention: boolean;
}

/** The notifications of a record, one per recipient. */
export function notificationsOf(record: PushRecord): { userId: Id; notification: PushNotification }[] {
  const { recipients, mentions, mentionAll, ...message } = record;
  const mentioned = new Set(mentions ?? []);
  return recipients.map((userId) => ({ userId, notification: { ...message, mention: mentionAll === true || mentioned.has(userId) } }));
}

/** The record of a stored message for `recipients` (none, or a message recalled already: no record). */
export function toPushRecord(message: ChatMessage, recipients: Id[], previewChars: number): PushRecord | undefined {
  if (recipients.length === 0 || message.recalled) return undefined;
  const senderName = message.sender ? (message.sender.nickname ?? message.sender.username) : '';
  const mentioned = new Set(message.mentions ?? []);
  const mentions = recipients.filter((u) => mentioned.has(u));
  return {
    messageId: message.messageId,
    conversationId: message.conversationId,
    seq: message.seq,
    senderId: message.senderId,
    senderName: senderName.slice(0, 256),
    messageType: message.messageType,
    preview: message.messageType === TEXT_MSG_TYPE ? pushPreview(message.content, previewChars) : '',
    createdAt: message.createdAt,
    recipients,
    ...(mentions.length > 0 ? { mentions } : {}),
    ...(message.mentionAll ? { mentionAll: true } : {}),
  };
}

/** The first `chars` code points (never half a surrogate pair). */
export function pushPreview(content: string, chars: number): string {
  const max = Math.min(chars, PUSH_PREVIEW_MAX_CHARS);
  if (content.length <= max) return content;
  return Array.from(content).slice(0, max).join('');
}

// ---------------------------------------------------------------- the user's push workflow

/** Batching and retry settings a push workflow runs with (config.push at its start). */
export interface PushSettings {
  windowMs: number;
  maxPerBatch: number;
  idleMs: number;
  /** Batches per run before it continues as new. */
  maxBatchesPerRun: number;
  retry: { initialMs: number; maxIntervalMs: number; giveUpMs: number };
  requestTimeoutMs: number;
}

/** What a run hands to the next over continue-as-new. */
export interface PushCarried {
  pending: PushNotification[];
  /** Message ids already taken, newest last (bounded): a redelivered record adds nothing. */
  seen: Id[];
  nextBatch: number;
  totals: PushTotals;
}

export interface PushTotals {
  posted: number;
  skipped: number;
  failed: number;
}

export interface PushWorkflowInput {
  userId: Id;
  settings: PushSettings;
  carried?: PushCarried;
}

// ---------------------------------------------------------------- the webhook request

/** HMAC-SHA256 of `${timestamp}.${body}` with PUSH_WEBHOOK_SECRET, as `sha256=<hex>`. */
export const PUSH_SIGNATURE_HEADER = 'X-GoChat-Signature';
/** Unix time in seconds when the request was signed (each attempt signs anew). */
export const PUSH_TIMESTAMP_HEADER = 'X-GoChat-Timestamp';
/** The batch's delivery id, the same on every attempt: a receiver drops a repeat it has already handled. */
export const PUSH_DELIVERY_HEADER = 'X-GoChat-Delivery';
export const PUSH_SIGNATURE_PREFIX = 'sha256=';

/** The exact bytes the signature covers. */
export function pushSignedPayload(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

export const PushWebhookNotification = Type.Object(
  {
    message_id: Id,
    conversation_id: Id,
    conversation_type: Type.Integer({ description: '1 one-to-one, 2 group, 3 world' }),
    conversation_name: Type.Union([Type.String(), Type.Null()], { description: "the group's name; null for a one-to-one conversation" }),
    seq: Type.Integer({ minimum: 1, description: "the message's position in the conversation" }),
    sender_id: Id,
    sender_name: Type.String({ description: "the sender's nickname, else username" }),
    msg_type: Type.Integer({ description: 'message type (1 = text)' }),
    preview: Type.String({ description: 'the first PUSH_PREVIEW_CHARS characters of a text message; empty for other types or when previews are off' }),
    mentioned: Type.Boolean({ description: 'the message mentions the user by id or with @all' }),
    created_at: Type.Integer({ description: 'ms since epoch when the message was stored' }),
  },
  { additionalProperties: false },
);
export type PushWebhookNotification = Static<typeof PushWebhookNotification>;

/** The JSON body POSTed to PUSH_WEBHOOK_URL: one user, one or more messages. */
export const PushWebhookBody = Type.Object(
  {
    delivery_id: Type.String({ description: 'same as X-GoChat-Delivery: unique per batch, repeated on retries' }),
    user_id: Id,
    notifications: Type.Array(PushWebhookNotification, { minItems: 1, description: 'in the order the messages reached the workflow' }),
  },
  { additionalProperties: false },
);
export type PushWebhookBody = Static<typeof PushWebhookBody>;
export const pushWebhookBody = checker(PushWebhookBody);

export function toWebhookNotification(n: PushNotification, conversation: { type: number; name: string | null }): PushWebhookNotification {
  return {
    message_id: n.messageId,
    conversation_id: n.conversationId,
    conversation_type: conversation.type,
    conversation_name: conversation.type === 1 ? null : conversation.name,
    seq: n.seq,
    sender_id: n.senderId,
    sender_name: n.senderName,
    msg_type: n.messageType,
    preview: n.preview,
    mentioned: n.mention,
    created_at: n.createdAt,
  };
}
