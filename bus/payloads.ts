// Payloads carried on the Kafka topics, shared by producers and consumers.
// Every 64-bit id (user, conversation, message) is a decimal string.

export type Id = string;

/** gochat.messages.upstream — a client's send, as the gateway received it. Key: conversationId. */
export interface UpstreamMessage {
  kind: 'send';
  userId: Id;
  conversationId: Id;
  clientMsgId: string;
  messageType: number;
  content: string;
  /** Gateway the sender is connected to: where the ack goes. */
  gatewayId: string;
  /** Connection that sent it, so the ack reaches that socket first. */
  connectionId?: string;
  /** Client send time as received by the gateway (ms since epoch). */
  timestamp: number;
}

export interface SenderInfo {
  id: Id;
  username: string;
  nickname: string | null;
  avatarUrl: string | null;
}

export interface ChatMessage {
  messageId: Id;
  conversationId: Id;
  seq: number;
  senderId: Id;
  sender?: SenderInfo;
  clientMsgId: string;
  messageType: number;
  content: string;
  createdAt: number;
  recalled?: boolean;
}

/** Server-to-client events that travel on the event topics and gateway downstream topics. */
export type ClientEvent =
  | { type: 'read'; conversationId: Id; userId: Id; seq: number }
  | { type: 'recall'; conversationId: Id; messageId: Id; seq: number; byUserId: Id }
  | { type: 'presence'; userId: Id; online: boolean; at: number }
  | { type: 'friend_request'; requestId: Id; fromUserId: Id; toUserId: Id; message: string | null }
  | { type: 'friend_request_result'; requestId: Id; fromUserId: Id; toUserId: Id; status: 'accepted' | 'rejected' | 'expired'; conversationId?: Id }
  | { type: 'conversation_created'; conversationId: Id; conversationType: number; memberIds: Id[] }
  | { type: 'members_changed'; conversationId: Id; added: Id[]; removed: Id[] };

/**
 * gochat.messages.downstream.{gatewayId} — one record per gateway batch: the gateway encodes
 * the body once and pushes it to every local connection of every listed user.
 */
export type DownstreamBatch =
  | { kind: 'message'; userIds: Id[]; message: ChatMessage }
  | { kind: 'ack'; userId: Id; connectionId?: string; clientMsgId: string; messageId: Id; conversationId: Id; seq: number; ts: number }
  | { kind: 'error'; userId: Id; connectionId?: string; clientMsgId?: string; code: string; message: string }
  | { kind: 'event'; userIds: Id[]; event: ClientEvent };

/** Event topics (gochat.user-events, .message-events, .friend-events, .conversation-events). */
export interface EventEnvelope {
  /** Users whose sockets should see the event. */
  userIds: Id[];
  event: ClientEvent;
  at: number;
}

/** gochat.messages.dead-letter — a record the logic worker could not process, with the reason. */
export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  raw: string;
}
