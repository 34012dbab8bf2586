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
  // A group's name, avatar, announcement, owner or mute-all changed: the state after the change.
  Event('group_updated', {
    conversationId: Id,
    byUserId: Id,
    name: Type.Union([Type.String(), Type.Null()]),
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
    announcement: Type.Union([Type.String(), Type.Null()]),
    ownerId: Type.Union([Id, Type.Null()]),
    muteAll: Type.Boolean(),
  }),
  // The owner dissolved the group: history stays readable, nothing can be sent or changed.
  Event('group_dissolved', { conversationId: Id, byUserId: Id }),
  // A member was muted (`mutedUntil`: ms, or null for a mute without an end) or unmuted (`muted` false).
  Event('member_muted', { conversationId: Id, userId: Id, byUserId: Id, muted: Type.Boolean(), mutedUntil: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }),
]);

export type ClientEvent = Static<typeof ClientEvent>;
