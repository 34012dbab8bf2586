import { Type } from '@fastify/type-provider-typebox';
import { Id, Strict } from './common.ts';
import type { MessageView } from '../services/types.ts';

/** Same shape as the WebSocket protocol's messages (docs/protocol.md). */
export const Message = Strict({
  message_id: Id,
  conversation_id: Id,
  seq: Type.Integer(),
  sender_id: Id,
  client_msg_id: Type.String(),
  msg_type: Type.Integer(),
  content: Type.String({ description: 'empty once recalled or deleted' }),
  created_at: Type.Integer(),
  recalled: Type.Boolean(),
});

export const toMessage = (m: MessageView) => ({
  message_id: m.id,
  conversation_id: m.conversationId,
  seq: m.seq,
  sender_id: m.senderId,
  client_msg_id: m.clientMsgId,
  msg_type: m.type,
  content: m.recalled || m.deleted ? '' : m.content,
  created_at: m.createdAt,
  recalled: m.recalled,
});

const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const HistoryQuery = Strict({
  before_seq: Type.Optional(Seq),
  after_seq: Type.Optional(Seq),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const HistoryResponse = Strict({ messages: Type.Array(Message), has_more: Type.Boolean() });

export const ReadBody = Strict({ seq: Seq });
export const ReadResponse = Strict({ conversation_id: Id, last_read_seq: Type.Integer() });

export const sendBody = (maxContentBytes: number) =>
  Strict({
    client_msg_id: Type.String({ pattern: '^[\\w.:-]{1,64}$', maxLength: 64, description: "1-64 of letters, digits, '_', '-', '.', ':'; resending the same id never stores twice" }),
    msg_type: Type.Optional(Type.Integer({ minimum: 1, maximum: 255, default: 1 })),
    content: Type.String({ minLength: 1, maxLength: maxContentBytes, description: `at most ${maxContentBytes} bytes of UTF-8` }),
  });

export const SendAccepted = Strict({
  status: Type.Literal('accepted'),
  client_msg_id: Type.String(),
});
