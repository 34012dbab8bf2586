// What the logic worker needs from the outside world: repo functions, presence, Kafka and the
// Temporal client. main.ts builds the real object; tests may pass their own.
import type { ChatMessage, Id, SenderInfo } from '../bus/payloads.ts';
import type { JsonRecord } from '../bus/kafka.ts';

export interface ConversationInfo {
  id: Id;
  type: number;
  memberCount: number;
}

export interface SaveInput {
  conversationId: Id;
  senderId: Id;
  clientMsgId: string;
  messageType: number;
  content: string;
}

export interface SavedMessage {
  messageId: Id;
  seq: number;
  createdAt: number;
  /** True when (sender, client_msg_id) was stored before: nothing new was written. */
  duplicate: boolean;
}

/** The store refused the send for good (not a member any more, bad input, id reused). */
export class SendRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SendRefused';
    this.code = code;
  }
}

export interface LogicDeps {
  getConversation(conversationId: Id): Promise<ConversationInfo | null>;
  /** The sender's membership, or null when not a member. */
  getMembership(conversationId: Id, userId: Id): Promise<{ muted: boolean } | null>;
  saveMessage(input: SaveInput): Promise<SavedMessage>;
  getMemberIds(conversationId: Id): Promise<Id[]>;
  getSenderInfo(userId: Id): Promise<SenderInfo | null>;
  /** Gateways each online user is connected to; offline users are absent. One round trip. */
  getOnlineGateways(userIds: Id[]): Promise<Map<Id, string[]>>;
  publish(batch: { topic: string; records: JsonRecord[] }[]): Promise<void>;
  /** Hands a large-group message to the fan-out workflow (idempotent per message id). */
  startLargeFanout(message: ChatMessage, memberCount: number): Promise<void>;
}
