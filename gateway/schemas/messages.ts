import { Type } from '@fastify/type-provider-typebox';
import { EditBody, fromStored, Seq, SendBody, WireMessage, toWire } from '../../contract/index.ts';
import { Id, Strict } from './common.ts';
import type { MessageView } from '../services/types.ts';

/** Same shape as the WebSocket protocol's messages (docs/protocol.md). */
export const Message = WireMessage;

export const toMessage = (m: MessageView) => toWire(fromStored(m));


export const HistoryQuery = Strict({
  before_seq: Type.Optional(Seq),
  after_seq: Type.Optional(Seq),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const HistoryResponse = Strict({ messages: Type.Array(Message), has_more: Type.Boolean() });

export const ReadBody = Strict({ seq: Seq });
export const ReadResponse = Strict({ conversation_id: Id, last_read_seq: Type.Integer() });

export const sendBody = SendBody;
export const editBody = EditBody;

export const SendAccepted = Strict({
  status: Type.Literal('accepted'),
  client_msg_id: Type.String(),
});
