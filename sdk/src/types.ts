// The SDK's public shapes. Messages, events and frames are the contract's (import type only:
// the SDK loads no server code at runtime).
import type { ClientEvent, ReactionCount, ReactionOp, WireMessage } from '../../contract/index.ts';

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface SessionUser {
  id: string;
  username: string;
  nickname: string | null;
  avatar_url: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

export interface ConversationView {
  id: string;
  type: number;
  name: string | null;
  /** The last stored message held (from the conversation list: a preview of at most 256 characters, without client_msg_id, until the message itself is held). */
  lastMessage: WireMessage | null;
  lastSeq: number;
  readSeq: number;
  /** Messages of others above readSeq, recalled ones excluded. */
  unread: number;
  /** Of those unread messages, the ones that mention you (by id, or `mention_all`). */
  mentions: number;
  memberIds?: string[];
}

export interface PendingSend {
  clientMsgId: string;
  conversationId: string;
  content: string;
  msgType: number;
  /** Message id this one replies to. */
  replyTo?: string;
  mentions?: string[];
  mentionAll?: boolean;
  queuedAt: number;
  attempts: number;
}

export interface GoChatEvents {
  state: ConnectionState;
  /** Every stored message exactly once, in seq order per conversation (live or by sync). */
  message: WireMessage;
  recall: { conversationId: string; messageId: string; seq: number; byUserId: string };
  /** A message's content was replaced by its sender (the held copy has the new content and edited_at). Once per edit. */
  edited: { conversationId: string; messageId: string; seq: number; content: string; editedAt: number };
  /** Someone started or stopped typing (a start not refreshed for 6 s ends by itself); see `typing()`. */
  typing: { conversationId: string; userId: string; state: 'start' | 'stop' };
  read: { conversationId: string; userId: string; seq: number };
  /**
   * A message's reactions changed (the held copy has them as `reactions`): from an event, your
   * own react/unreact, or a sync after being away. `change` says who did what, when known.
   */
  reaction: { conversationId: string; messageId: string; seq: number; reactions: ReactionCount[]; change?: { userId: string; emoji: string; op: ReactionOp } };
  /** Another member's device received messages up to `seq` (1:1 and small groups; at most once a second per member). */
  delivered: { conversationId: string; userId: string; seq: number };
  presence: { userId: string; online: boolean; at: number };
  friend_request: Extract<ClientEvent, { type: 'friend_request' }>;
  friend_request_result: Extract<ClientEvent, { type: 'friend_request_result' }>;
  members: { conversationId: string; added: string[]; removed: string[] };
  /** A conversation was created or learned of, or its lastMessage/unread/readSeq changed. */
  conversation: ConversationView;
  /** The unacked sends changed. */
  outbox: PendingSend[];
  error: { code: string; message: string; clientMsgId?: string };
}

export interface GoChatOptions {
  /** e.g. http://127.0.0.1:3000; the WebSocket URL is derived from it (ws://…/ws). */
  baseUrl: string;
  token?: string;
  /** Default globalThis.WebSocket (browsers, Node 22+). */
  WebSocket?: typeof WebSocket;
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Exponential backoff with full jitter between reconnect attempts (default 500 ms to 30 s). */
  reconnect?: { initialMs?: number; maxMs?: number };
  /** Resend an unacked send (same client_msg_id) after this long (default 10 s). */
  ackTimeoutMs?: number;
  /** Frames written per second at most (default 40; the gateway refuses more than WS_MAX_FRAMES_PER_SECOND, 50). */
  maxFramesPerSecond?: number;
  /** Messages per conversation in each sync page (default 200, at most 1000). */
  syncLimit?: number;
  /** A REST call without an answer this long fails with NETWORK_ERROR (default 30 s). */
  requestTimeoutMs?: number;
}
