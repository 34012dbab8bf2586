// Every WebSocket frame, both directions (docs/protocol.md), and the close codes. Client frames
// are checked against these schemas at the gateway's edge; a malformed frame yields an error
// frame with a documented code, never an exception.
import Type, { type Static, type TProperties } from 'typebox';
import { errorCodes, type ErrorCode } from './errors.ts';
import { ClientEvent, TypingStateSchema } from './events.ts';
import { ClientMsgId, Id, isClientMsgId, isId, MsgType, Seq, SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT } from './ids.ts';
import { SendReferences, WireMessage } from './messages.ts';
import { ReactionCount } from './reactions.ts';
import { checker, showValue } from './validate.ts';

/** Close codes (4000-4999 are application codes). */
export const CloseCode = {
  normal: 1000,
  /** A text frame that is not UTF-8 (closed by the WebSocket layer). */
  invalidUtf8: 1007,
  tooBig: 1009,
  internalError: 1011,
  /** The gateway is restarting (rolling restart): reconnect, to any gateway, and sync. */
  serviceRestart: 1012,
  unauthorized: 4001,
  tokenRevoked: 4003,
  authTimeout: 4008,
  heartbeatTimeout: 4009,
  slowConsumer: 4010,
  rateLimited: 4029,
  serverShutdown: 4503,
} as const;

const Frame = <K extends string, T extends TProperties>(type: K, properties: T) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

export const AuthFrame = Frame('auth', { token: Type.String({ minLength: 1, maxLength: 4096 }) });
export const SendFrame = Frame('send', {
  client_msg_id: ClientMsgId,
  conversation_id: Id,
  msg_type: Type.Optional(MsgType),
  content: Type.String({ minLength: 1 }),
  ...SendReferences,
});
export const ReadFrame = Frame('read', { conversation_id: Id, seq: Seq });
/** The highest seq this device holds in a conversation; at most one per conversation a second (contract/receipts.ts). */
export const DeliveredFrame = Frame('delivered', { conversation_id: Id, seq: Seq });
export const SyncFrame = Frame('sync', {
  conversations: Type.Record(Type.String(), Seq, { description: 'conversation id → last seq the client holds' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SYNC_MAX_LIMIT, default: SYNC_DEFAULT_LIMIT })),
  since: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'ms time the client last had a connection' })),
});
export const PingFrame = Frame('ping', {});
/** Ephemeral: forwarded to the conversation's other members, never stored (contract/typing.ts). */
export const TypingFrame = Frame('typing', { conversation_id: Id, state: TypingStateSchema });

const clientFrames = { auth: AuthFrame, send: SendFrame, read: ReadFrame, delivered: DeliveredFrame, sync: SyncFrame, ping: PingFrame, typing: TypingFrame };
export type ClientFrame =
  | Static<typeof AuthFrame>
  | (Omit<Static<typeof SendFrame>, 'msg_type'> & { msg_type: number })
  | Static<typeof ReadFrame>
  | Static<typeof DeliveredFrame>
  | (Omit<Static<typeof SyncFrame>, 'limit'> & { limit: number })
  | Static<typeof PingFrame>
  | Static<typeof TypingFrame>;
export const clientFrameTypes = Object.keys(clientFrames);
const checkers = Object.fromEntries(Object.entries(clientFrames).map(([k, s]) => [k, checker(s)])) as Record<string, ReturnType<typeof checker>>;

export const ServerFrame = Type.Union([
  Frame('ready', { user_id: Id, connection_id: Type.String(), gateway_id: Type.String(), heartbeat_ms: Type.Integer() }),
  Frame('ack', { client_msg_id: Type.String(), message_id: Id, conversation_id: Id, seq: Type.Integer(), ts: Type.Integer() }),
  Frame('error', {
    code: Type.Enum(errorCodes),
    message: Type.String(),
    client_msg_id: Type.Optional(Type.String()),
    request_id: Type.Optional(Type.String()),
    /** Set on the refusal of a `typing` or `delivered` frame, so a client does not take it for the answer to its sync. */
    reply_to: Type.Optional(Type.Union([Type.Literal('typing'), Type.Literal('delivered')])),
  }),
  Frame('message', { message: WireMessage }),
  Frame('sync', {
    conversation_id: Id,
    messages: Type.Array(WireMessage),
    has_more: Type.Boolean(),
    recalled: Type.Optional(Type.Array(Type.Object({ message_id: Id, seq: Type.Integer() }, { additionalProperties: false }))),
    edited: Type.Optional(Type.Array(Type.Object({ message_id: Id, seq: Type.Integer(), content: Type.String(), edited_at: Type.Integer() }, { additionalProperties: false }))),
    /** With `since`: messages you hold whose reactions changed meanwhile, with their reactions now (`[]`: none left). */
    reacted: Type.Optional(Type.Array(Type.Object({ message_id: Id, seq: Type.Integer(), reactions: Type.Array(ReactionCount), version: Type.Integer() }, { additionalProperties: false }))),
  }),
  Frame('event', { event: ClientEvent }),
  Frame('pong', { ts: Type.Integer() }),
]);
export type ServerFrame = Static<typeof ServerFrame>;

export interface FrameLimits {
  maxContentBytes: number;
  maxSyncConversations: number;
}

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; code: ErrorCode; message: string; clientMsgId?: string };

function fail(code: ErrorCode, message: string, clientMsgId?: string): ParsedFrame {
  return { ok: false, code, message, ...(clientMsgId ? { clientMsgId } : {}) };
}

/** Parses and validates one text frame from a client. */
export function parseClientFrame(text: string, limits: FrameLimits): ParsedFrame {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return fail('BAD_FRAME', 'frame is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('BAD_FRAME', 'frame must be a JSON object');
  const f = v as Record<string, unknown>;
  const cmid = isClientMsgId(f.client_msg_id) ? f.client_msg_id : undefined;
  const type = typeof f.type === 'string' && Object.hasOwn(clientFrames, f.type) ? f.type : undefined;
  if (!type) return fail('UNKNOWN_FRAME_TYPE', `unknown frame type ${showValue(f.type)}`, cmid);
  const problem = checkers[type]!.problem(f);
  if (problem) return fail('VALIDATION_ERROR', `'${problem.field}' ${problem.problem}`, cmid);
  switch (type) {
    case 'send': {
      const frame = f as Static<typeof SendFrame>;
      const bytes = Buffer.byteLength(frame.content);
      if (bytes > limits.maxContentBytes) return fail('VALIDATION_ERROR', `'content' exceeds ${limits.maxContentBytes} bytes`, cmid);
      return { ok: true, frame: { ...frame, msg_type: frame.msg_type ?? 1 } };
    }
    case 'sync': {
      const frame = f as Static<typeof SyncFrame>;
      const ids = Object.keys(frame.conversations);
      if (ids.length > limits.maxSyncConversations) return fail('VALIDATION_ERROR', `'conversations' may list at most ${limits.maxSyncConversations}`);
      for (const id of ids) {
        if (!isId(id)) return fail('VALIDATION_ERROR', `'conversations' key '${String(id).slice(0, 30)}' is not a decimal id string from 1 to 18446744073709551615`);
      }
      return { ok: true, frame: { ...frame, limit: frame.limit ?? SYNC_DEFAULT_LIMIT } };
    }
    default:
      return { ok: true, frame: f as ClientFrame };
  }
}
