// A chat message in its two forms: `ChatMessage` inside (Kafka records, workflow inputs,
// camelCase) and `WireMessage` outside (WebSocket frames and REST bodies, snake_case). The two
// mappers here are the only ones: every message a client sees is built from what was stored.
import Type, { type Static } from 'typebox';
import { ClientMsgId, Id, MsgType } from './ids.ts';
import { ReactionCount } from './reactions.ts';
import { Mentions, ReplyRef, toWireReply, WireReplyRef } from './replies.ts';

export const SenderInfo = Type.Object(
  {
    id: Id,
    username: Type.String(),
    nickname: Type.Union([Type.String(), Type.Null()]),
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SenderInfo = Static<typeof SenderInfo>;

export const ChatMessage = Type.Object(
  {
    messageId: Id,
    conversationId: Id,
    seq: Type.Integer({ minimum: 1 }),
    senderId: Id,
    sender: Type.Optional(SenderInfo),
    clientMsgId: Type.String({ minLength: 1, maxLength: 64 }),
    messageType: Type.Integer({ minimum: 0, maximum: 65_535 }),
    content: Type.String(),
    createdAt: Type.Integer({ minimum: 0 }),
    recalled: Type.Optional(Type.Boolean()),
    /** When the sender last edited the content (ms); absent when never edited. */
    editedAt: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The message this one replies to (contract/replies.ts). */
    replyTo: Type.Optional(ReplyRef),
    mentions: Type.Optional(Mentions),
    mentionAll: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ChatMessage = Static<typeof ChatMessage>;

/** A sender as clients see it (snake_case). */
export const WireSender = Type.Object(
  {
    id: Id,
    username: Type.String(),
    nickname: Type.Union([Type.String(), Type.Null()]),
    avatar_url: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export const toWireSender = (s: SenderInfo): Static<typeof WireSender> => ({ id: s.id, username: s.username, nickname: s.nickname, avatar_url: s.avatarUrl });

export const WireMessage = Type.Object(
  {
    message_id: Id,
    conversation_id: Id,
    seq: Type.Integer(),
    sender_id: Id,
    sender: Type.Optional(WireSender),
    client_msg_id: Type.String(),
    msg_type: Type.Integer(),
    content: Type.String({ description: 'empty once recalled or deleted' }),
    created_at: Type.Integer({ description: 'ms since epoch' }),
    recalled: Type.Boolean(),
    edited_at: Type.Optional(Type.Integer({ description: 'ms since epoch of the last edit; absent when never edited (or recalled)' })),
    reactions: Type.Optional(Type.Array(ReactionCount, { description: 'history and sync only: the reactions now, in the order first given, `me` for yours; absent when none' })),
    reply_to: Type.Optional(WireReplyRef),
    mentions: Type.Optional({ ...Mentions, description: 'user ids this message mentions; absent when none (or recalled)' }),
    mention_all: Type.Optional(Type.Boolean({ description: 'true when it mentions every member (@all); absent otherwise' })),
  },
  { additionalProperties: false, description: 'A stored message, as every client sees it' },
);
export type WireMessage = Static<typeof WireMessage>;

export function toWire(m: ChatMessage): WireMessage {
  return {
    message_id: m.messageId,
    conversation_id: m.conversationId,
    seq: m.seq,
    sender_id: m.senderId,
    ...(m.sender ? { sender: toWireSender(m.sender) } : {}),
    client_msg_id: m.clientMsgId,
    msg_type: m.messageType,
    content: m.recalled ? '' : m.content,
    created_at: m.createdAt,
    recalled: m.recalled ?? false,
    ...(m.editedAt !== undefined && !m.recalled ? { edited_at: m.editedAt } : {}),
    // A recalled message shows nothing: no quote, no mentions to highlight.
    ...(m.replyTo && !m.recalled ? { reply_to: toWireReply(m.replyTo) } : {}),
    ...(m.mentions && m.mentions.length > 0 && !m.recalled ? { mentions: m.mentions } : {}),
    ...(m.mentionAll && !m.recalled ? { mention_all: true } : {}),
  };
}

/** A stored row as the repo reads it (repo/types.ts MessageView). */
export interface StoredMessage {
  id: Id;
  conversationId: Id;
  senderId: Id;
  seq: number;
  type: number;
  /** Empty when the message is deleted or recalled. */
  content: string;
  clientMsgId: string;
  deleted: boolean;
  recalled: boolean;
  createdAt: number;
  /** Last edit (ms); null or absent when never edited. */
  editedAt?: number | null;
  /** The quoted message's id as stored (null: not a reply). */
  replyToId?: Id | null;
  /** The quote as it is now, where the reader attached it (repo/messages/references.ts). */
  replyTo?: ReplyRef;
  mentions?: Id[];
  mentionAll?: boolean;
}

export function fromStored(m: StoredMessage, sender?: SenderInfo): ChatMessage {
  return {
    messageId: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    ...(sender ? { sender } : {}),
    clientMsgId: m.clientMsgId,
    messageType: m.type,
    content: m.recalled || m.deleted ? '' : m.content,
    createdAt: m.createdAt,
    recalled: m.recalled || m.deleted,
    ...(m.editedAt != null && !m.recalled && !m.deleted ? { editedAt: m.editedAt } : {}),
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    ...(m.mentions && m.mentions.length > 0 ? { mentions: m.mentions } : {}),
    ...(m.mentionAll ? { mentionAll: true } : {}),
  };
}

/** Only text messages can be edited. */
export const TEXT_MSG_TYPE = 1;

/** PATCH /messages/{id}: the new content of one of your text messages. */
export const EditBody = (maxContentBytes: number) =>
  Type.Object(
    { content: Type.String({ minLength: 1, maxLength: maxContentBytes, description: `at most ${maxContentBytes} bytes of UTF-8` }) },
    { additionalProperties: false },
  );

/** What a send (frame or REST body) may add: a reply and mentions (contract/replies.ts). */
export const SendReferences = {
  reply_to: Type.Optional({ ...Id, description: 'id of a message of the same conversation this one replies to' }),
  mentions: Type.Optional(Mentions),
  mention_all: Type.Optional(Type.Boolean({ description: 'mention every member; owner and admins only' })),
};

export const SendBody = (maxContentBytes: number) =>
  Type.Object(
    {
      client_msg_id: ClientMsgId,
      msg_type: Type.Optional({ ...MsgType, default: 1 }),
      content: Type.String({ minLength: 1, maxLength: maxContentBytes, description: `at most ${maxContentBytes} bytes of UTF-8` }),
      ...SendReferences,
    },
    { additionalProperties: false },
  );
