import { Type } from '@fastify/type-provider-typebox';
import { Id, Strict } from './common.ts';
import type { Receipts } from '../services/receipts.ts';

export const MessageParams = Strict({ id: Id, message_id: Id });

export const ReceiptsResponse = Strict({
  conversation_id: Id,
  message_id: Id,
  seq: Type.Integer(),
  sender_id: Id,
  of: Type.Integer({ description: 'members other than the sender who were members when it was sent' }),
  delivered: Type.Integer({ description: 'how many of them have it on a device (read counts as delivered)' }),
  read: Type.Integer({ description: 'how many of them read it' }),
  peer: Type.Optional(Strict(
    { user_id: Id, delivered: Type.Boolean(), read: Type.Boolean() },
    { description: '1:1 conversations only: the member who is not the sender' },
  )),
});

export const toReceipts = (r: Receipts) => ({
  conversation_id: r.conversationId,
  message_id: r.messageId,
  seq: r.seq,
  sender_id: r.senderId,
  of: r.of,
  delivered: r.delivered,
  read: r.read,
  ...(r.peer ? { peer: { user_id: r.peer.userId, delivered: r.peer.delivered, read: r.peer.read } } : {}),
});
