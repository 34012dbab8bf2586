// The WebSocket frame protocol (docs/protocol.md). Client frames are validated here, by hand
// and strictly: a malformed frame yields an error frame, never an exception or a closed gateway.
import type { ChatMessage, ClientEvent, Id } from '../../bus/payloads.ts';

/** Close codes (4000-4999 are application codes). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  tooBig: 1009,
  unauthorized: 4001,
  tokenRevoked: 4003,
  authTimeout: 4008,
  heartbeatTimeout: 4009,
  rateLimited: 4029,
  serverShutdown: 4503,
} as const;

export const ErrorCode = {
  badFrame: 'BAD_FRAME',
  unknownType: 'UNKNOWN_FRAME_TYPE',
  validation: 'VALIDATION_ERROR',
  rateLimited: 'RATE_LIMITED',
  notMember: 'NOT_CONVERSATION_MEMBER',
  notFound: 'NOT_FOUND',
  muted: 'MUTED',
  internal: 'INTERNAL_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const;

export type ClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'send'; client_msg_id: string; conversation_id: Id; msg_type: number; content: string }
  | { type: 'read'; conversation_id: Id; seq: number }
  | { type: 'sync'; conversations: Record<Id, number>; limit?: number; since?: number }
  | { type: 'ping' };

export type ServerFrame =
  | { type: 'ready'; user_id: Id; connection_id: string; gateway_id: string; heartbeat_ms: number }
  | { type: 'ack'; client_msg_id: string; message_id: Id; conversation_id: Id; seq: number; ts: number }
  | { type: 'error'; code: string; message: string; client_msg_id?: string }
  | { type: 'message'; message: WireMessage }
  | { type: 'sync'; conversation_id: Id; messages: WireMessage[]; has_more: boolean; recalled?: { message_id: Id; seq: number }[] }
  | { type: 'event'; event: ClientEvent }
  | { type: 'pong'; ts: number };

/** A message as clients see it: snake_case, ids as strings. */
export interface WireMessage {
  message_id: Id;
  conversation_id: Id;
  seq: number;
  sender_id: Id;
  sender?: { id: Id; username: string; nickname: string | null; avatar_url: string | null };
  client_msg_id: string;
  msg_type: number;
  content: string;
  created_at: number;
  recalled: boolean;
}

export function toWire(m: ChatMessage): WireMessage {
  return {
    message_id: m.messageId,
    conversation_id: m.conversationId,
    seq: m.seq,
    sender_id: m.senderId,
    ...(m.sender ? { sender: { id: m.sender.id, username: m.sender.username, nickname: m.sender.nickname, avatar_url: m.sender.avatarUrl } } : {}),
    client_msg_id: m.clientMsgId,
    msg_type: m.messageType,
    content: m.recalled ? '' : m.content,
    created_at: m.createdAt,
    recalled: m.recalled ?? false,
  };
}

export interface FrameLimits {
  maxContentBytes: number;
  maxSyncConversations: number;
}

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; code: string; message: string; clientMsgId?: string };

const ID = /^[1-9]\d{0,19}$/;
const CLIENT_MSG_ID = /^[\w.:-]{1,64}$/;

function fail(code: string, message: string, clientMsgId?: string): ParsedFrame {
  return { ok: false, code, message, ...(clientMsgId ? { clientMsgId } : {}) };
}

function onlyKeys(o: Record<string, unknown>, allowed: string[]): string | undefined {
  return Object.keys(o).find((k) => !allowed.includes(k));
}

export function parseClientFrame(text: string, limits: FrameLimits): ParsedFrame {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return fail(ErrorCode.badFrame, 'frame is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(ErrorCode.badFrame, 'frame must be a JSON object');
  const f = v as Record<string, unknown>;
  const cmid = typeof f.client_msg_id === 'string' && CLIENT_MSG_ID.test(f.client_msg_id) ? f.client_msg_id : undefined;
  const extra = (allowed: string[]) => {
    const k = onlyKeys(f, ['type', ...allowed]);
    return k === undefined ? undefined : fail(ErrorCode.validation, `unknown field '${k}'`, cmid);
  };
  switch (f.type) {
    case 'ping':
      return extra([]) ?? { ok: true, frame: { type: 'ping' } };
    case 'auth':
      if (typeof f.token !== 'string' || f.token.length === 0 || f.token.length > 4096) return fail(ErrorCode.validation, "'token' must be a non-empty string");
      return extra(['token']) ?? { ok: true, frame: { type: 'auth', token: f.token } };
    case 'send': {
      const bad = extra(['client_msg_id', 'conversation_id', 'msg_type', 'content']);
      if (bad) return bad;
      if (!cmid) return fail(ErrorCode.validation, "'client_msg_id' must be 1-64 characters of letters, digits, '_', '-', '.', ':'");
      if (typeof f.conversation_id !== 'string' || !ID.test(f.conversation_id)) return fail(ErrorCode.validation, "'conversation_id' must be a decimal id string", cmid);
      const msgType = f.msg_type ?? 1;
      if (typeof msgType !== 'number' || !Number.isInteger(msgType) || msgType < 1 || msgType > 255) return fail(ErrorCode.validation, "'msg_type' must be an integer 1-255", cmid);
      if (typeof f.content !== 'string' || f.content.length === 0) return fail(ErrorCode.validation, "'content' must be a non-empty string", cmid);
      if (Buffer.byteLength(f.content) > limits.maxContentBytes) return fail(ErrorCode.validation, `'content' exceeds ${limits.maxContentBytes} bytes`, cmid);
      return { ok: true, frame: { type: 'send', client_msg_id: cmid, conversation_id: f.conversation_id, msg_type: msgType, content: f.content } };
    }
    case 'read': {
      const bad = extra(['conversation_id', 'seq']);
      if (bad) return bad;
      if (typeof f.conversation_id !== 'string' || !ID.test(f.conversation_id)) return fail(ErrorCode.validation, "'conversation_id' must be a decimal id string");
      if (typeof f.seq !== 'number' || !Number.isSafeInteger(f.seq) || f.seq < 0) return fail(ErrorCode.validation, "'seq' must be a non-negative integer");
      return { ok: true, frame: { type: 'read', conversation_id: f.conversation_id, seq: f.seq } };
    }
    case 'sync': {
      const bad = extra(['conversations', 'limit', 'since']);
      if (bad) return bad;
      const c = f.conversations;
      if (typeof c !== 'object' || c === null || Array.isArray(c)) return fail(ErrorCode.validation, "'conversations' must be an object of conversation id → last seq");
      const entries = Object.entries(c as Record<string, unknown>);
      if (entries.length > limits.maxSyncConversations) return fail(ErrorCode.validation, `'conversations' may list at most ${limits.maxSyncConversations}`);
      for (const [id, seq] of entries) {
        if (!ID.test(id)) return fail(ErrorCode.validation, `'conversations' key '${id.slice(0, 30)}' is not an id`);
        if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return fail(ErrorCode.validation, `'conversations.${id}' must be a non-negative integer`);
      }
      const limit = f.limit ?? 200;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) return fail(ErrorCode.validation, "'limit' must be an integer 1-1000");
      const since = f.since;
      if (since !== undefined && (typeof since !== 'number' || !Number.isSafeInteger(since) || since < 0)) {
        return fail(ErrorCode.validation, "'since' must be a time in ms since epoch");
      }
      return { ok: true, frame: { type: 'sync', conversations: c as Record<string, number>, limit, ...(since !== undefined ? { since } : {}) } };
    }
    default:
      return fail(ErrorCode.unknownType, `unknown frame type ${JSON.stringify(f.type)?.slice(0, 40) ?? 'undefined'}`, cmid);
  }
}
