// Events pushed to clients (`event` frames), carried on the event topics and downstream topics.
import Type, { type Static, type TProperties } from 'typebox';
import { Id, Seq } from './ids.ts';

const Event = <K extends string, T extends TProperties>(type: K, properties: T) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

export const ClientEvent = Type.Union([
  Event('read', { conversationId: Id, userId: Id, seq: Seq }),
  Event('recall', { conversationId: Id, messageId: Id, seq: Seq, byUserId: Id }),
  Event('presence', { userId: Id, online: Type.Boolean(), at: Type.Integer({ minimum: 0 }) }),
  Event('friend_request', { requestId: Id, fromUserId: Id, toUserId: Id, message: Type.Union([Type.String(), Type.Null()]) }),
  Event('friend_request_result', {
    requestId: Id,
    fromUserId: Id,
    toUserId: Id,
    status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired')]),
    conversationId: Type.Optional(Id),
  }),
  Event('conversation_created', { conversationId: Id, conversationType: Type.Integer({ minimum: 1, maximum: 3 }), memberIds: Type.Array(Id) }),
  Event('members_changed', { conversationId: Id, added: Type.Array(Id), removed: Type.Array(Id) }),
]);

export type ClientEvent = Static<typeof ClientEvent>;
