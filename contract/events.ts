// Events pushed to clients (`event` frames), carried on the event topics and downstream topics.
import Type, { type Static, type TProperties } from 'typebox';
import { Id, Seq } from './ids.ts';
import { ReactionOp, ReactionTally } from './reactions.ts';

/** What a `typing` frame and event say (contract/typing.ts has the timing). */
export const TypingStateSchema = Type.Union([Type.Literal('start'), Type.Literal('stop')]);

const Event = <K extends string, T extends TProperties>(type: K, properties: T) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

export const ClientEvent = Type.Union([
  Event('read', { conversationId: Id, userId: Id, seq: Seq }),
  Event('recall', { conversationId: Id, messageId: Id, seq: Seq, byUserId: Id }),
  Event('edited', { conversationId: Id, messageId: Id, seq: Seq, content: Type.String(), editedAt: Type.Integer({ minimum: 0 }) }),
  // `counts` is every kind after the change; `version` orders the snapshots of one message.
  Event('reaction', {
    conversationId: Id,
    messageId: Id,
    seq: Seq,
    userId: Id,
    emoji: Type.String(),
    op: ReactionOp,
    counts: Type.Array(ReactionTally),
    version: Type.Integer({ minimum: 0 }),
  }),
  // A member's delivered pointer moved (small conversations only, coalesced: contract/receipts.ts).
  Event('delivered', { conversationId: Id, userId: Id, seq: Seq }),
  // Ephemeral: never stored; a `start` holds for TYPING_TTL_MS unless refreshed (contract/typing.ts).
  Event('typing', { conversationId: Id, userId: Id, state: TypingStateSchema }),
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
