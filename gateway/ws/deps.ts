// What a WebSocket session needs; gateway/ws/plugin.ts builds it from the app's services.
import type { ChatMessage, Id, ReactionCount, TypingState, UpstreamMessage } from '../../contract/index.ts';

export type AuthResult = { ok: true; userId: Id; tokenId: string } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

export interface RealtimeLimits {
  maxFrameBytes: number;
  maxFramesPerSecond: number;
  maxContentBytes: number;
  heartbeatIntervalMs: number;
  /** A connection silent for longer is closed. */
  idleTimeoutMs: number;
  authTimeoutMs: number;
  maxSyncConversations: number;
  /** Unsent bytes a socket may hold before it is closed as too slow. */
  maxBufferedBytes: number;
}

export interface RealtimeDeps {
  gatewayId: string;
  limits: RealtimeLimits;
  authenticate(token: string): Promise<AuthResult>;
  publishSend(msg: UpstreamMessage): Promise<void>;
  /**
   * The content a send stores: text as sent; for an image or file message the attachment it
   * names, checked, as its metadata (gateway/services/attachment-content.ts). Throws the send's
   * refusal (an error with `code`). Text comes back as it is, not as a promise.
   */
  sendContent(userId: Id, conversationId: Id, msgType: number, content: string): string | Promise<string>;
  /** The gateway is shutting down: sends are refused (the client resends elsewhere). */
  draining(): boolean;
  /** Moves the read pointer and publishes the read event; throws an error with `code` on refusal. */
  markRead(userId: Id, conversationId: Id, seq: number): Promise<void>;
  /** A device received messages up to seq: moves the delivered pointer (silently when it does not advance); throws an error with `code` on refusal. */
  delivered(userId: Id, conversationId: Id, seq: number): Promise<void>;
  /**
   * Messages after a seq, in seq order, recalled ones marked; with `since` (when the client last
   * had a connection) also the messages at or below the seq recalled or edited meanwhile. Throws
   * an error with `code` on refusal.
   */
  sync(userId: Id, conversationId: Id, afterSeq: number, limit: number, since?: number): Promise<{
    messages: ChatMessage[];
    hasMore: boolean;
    recalled?: { messageId: Id; seq: number }[];
    edited?: { messageId: Id; seq: number; content: string; editedAt: number }[];
    /** The page's reactions as this user sees them, by message id. */
    reactions?: ReadonlyMap<Id, ReactionCount[]>;
    /** With `since`: messages at or below the seq whose reactions changed meanwhile. */
    reacted?: { messageId: Id; seq: number; reactions: ReactionCount[]; version: number }[];
  }>;
  /** A `typing` frame of a connection (rate limit and expiry are per connection); throws the refusal of a `start`. */
  typing(connectionId: string, userId: Id, conversationId: Id, state: TypingState): Promise<void>;
  /** The connection closed: the typing indicators it left on are stopped. */
  typingClosed(connectionId: string): void;
  /** First connection of the user on this gateway. */
  userConnected(userId: Id): Promise<void>;
  /** Last connection of the user on this gateway closed. */
  userDisconnected(userId: Id): Promise<void>;
  onError(err: unknown, context: string): void;
}
