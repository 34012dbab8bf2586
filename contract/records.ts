// Every Kafka record GoChat produces, with a checker per topic: a topic is a trust boundary
// like an HTTP port (anything can be produced to it), so every consumer checks each record
// before it acts on it. 64-bit ids are decimal strings; field names are camelCase.
import Type, { type Static } from 'typebox';
import { errorCodes } from './errors.ts';
import { ClientEvent } from './events.ts';
import { GatewayId, Id, MsgType } from './ids.ts';
import { ChatMessage } from './messages.ts';
import { Mentions } from './replies.ts';
import { checker } from './validate.ts';

const ConnectionId = Type.String({ minLength: 1, maxLength: 64 });
const Ms = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** gochat.messages.upstream: a client's send as the gateway received it. Key: conversationId. */
export const UpstreamMessage = Type.Object(
  {
    kind: Type.Literal('send'),
    userId: Id,
    conversationId: Id,
    clientMsgId: Type.String({ minLength: 1, maxLength: 64 }),
    messageType: MsgType,
    content: Type.String({ minLength: 1 }),
    /** Gateway the sender is connected to: where the ack goes. */
    gatewayId: GatewayId,
    /** Connection that sent it, so the ack reaches that socket first. */
    connectionId: Type.Optional(ConnectionId),
    /** Send time as received by the gateway (ms since epoch). */
    timestamp: Ms,
    /** Optional, so records of gateways from before replies and mentions still pass. */
    replyTo: Type.Optional(Id),
    mentions: Type.Optional(Mentions),
    mentionAll: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpstreamMessage = Static<typeof UpstreamMessage>;

/**
 * gochat.messages.downstream.{gatewayId}: one record per gateway batch; the gateway encodes the
 * body once and pushes it to every local connection of every listed user.
 */
export const DownstreamBatch = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('message'),
      userIds: Type.Array(Id),
      message: ChatMessage,
      /** The connection that sent the message: it gets the ack, not the message again. */
      exceptConnectionId: Type.Optional(ConnectionId),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('ack'),
      userId: Id,
      connectionId: Type.Optional(ConnectionId),
      clientMsgId: Type.String({ minLength: 1, maxLength: 64 }),
      messageId: Id,
      conversationId: Id,
      seq: Type.Integer({ minimum: 1 }),
      ts: Ms,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('error'),
      userId: Id,
      connectionId: Type.Optional(ConnectionId),
      clientMsgId: Type.Optional(Type.String({ maxLength: 64 })),
      code: Type.Enum(errorCodes),
      message: Type.String(),
      requestId: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('event'), userIds: Type.Array(Id), event: ClientEvent }, { additionalProperties: false }),
]);
export type DownstreamBatch = Static<typeof DownstreamBatch>;

/** Event topics (gochat.user-events, .message-events, .friend-events, .conversation-events). */
export const EventEnvelope = Type.Object(
  {
    /** Users whose sockets should see the event. */
    userIds: Type.Array(Id),
    event: ClientEvent,
    at: Ms,
  },
  { additionalProperties: false },
);
export type EventEnvelope = Static<typeof EventEnvelope>;

/**
 * gochat.session-events: control records every gateway reads. A revoked token's sockets are
 * closed (4003) on whichever gateway holds them.
 */
export const SessionEvent = Type.Object(
  {
    kind: Type.Literal('token_revoked'),
    userId: Id,
    tokenId: Type.String({ minLength: 1, maxLength: 128 }),
    at: Ms,
  },
  { additionalProperties: false },
);
export type SessionEvent = Static<typeof SessionEvent>;

/** gochat.messages.dead-letter: a record a consumer could not process, with why and where from. */
export const DeadLetter = Type.Object(
  {
    /** Where the record was read: replaying puts it back there. */
    topic: Type.String(),
    partition: Type.Integer({ minimum: 0 }),
    offset: Type.String(),
    key: Type.Union([Type.String(), Type.Null()]),
    /** The record's value as read (UTF-8). */
    raw: Type.String(),
    /** `invalid`: failed the contract; `failed`: processing threw, retries did not help; `refused`: a refusal worth an operator's eye. */
    class: Type.Union([Type.Literal('invalid'), Type.Literal('failed'), Type.Literal('refused')]),
    reason: Type.String(),
    /** Error name and message when processing threw. */
    error: Type.Optional(Type.String()),
    /** Consumer group that gave up on it. */
    group: Type.String(),
    /** The id quoted to the sender with INTERNAL_ERROR, when one was told. */
    requestId: Type.Optional(Type.String()),
    at: Ms,
  },
  { additionalProperties: false },
);
export type DeadLetter = Static<typeof DeadLetter>;

export const upstreamRecord = checker(UpstreamMessage);
export const downstreamRecord = checker(DownstreamBatch);
export const eventRecord = checker(EventEnvelope);
export const sessionRecord = checker(SessionEvent);
export const deadLetterRecord = checker(DeadLetter);

/** Reads a record's value as JSON; undefined for an empty or non-JSON value. */
export function readJson(raw: Buffer | null): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!raw || raw.length === 0) return { ok: false, reason: 'empty record' };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}
