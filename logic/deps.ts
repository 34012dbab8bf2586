// What the logic worker needs from the outside world: repo functions, presence, Kafka and the
// Temporal client. repo-deps.ts builds the real object; unit tests pass their own.
import type { ChatMessage, Id, SenderInfo } from '../contract/index.ts';
import type { JsonRecord } from '../bus/kafka.ts';

export interface ConversationInfo {
  id: Id;
  type: number;
  memberCount: number;
  /** Member ids as of the store, when it read them (conversations at or under the fan-out threshold). */
  memberIds?: Id[];
  /** The version the store committed, when it wrote to the conversation; cache readers see it once published. */
  version?: number;
}

/** The repo's shapes: a message to store, and what storing it answered. */
export type { SaveMessageInput as SaveInput, SavedMessage } from '../repo/types.ts';
import type { SaveMessageInput as SaveInput, SavedMessage } from '../repo/types.ts';

/** Per message: stored, or refused for good with a client-facing error code. */
export type SaveResult = { ok: true; saved: SavedMessage } | { ok: false; code: string; message: string };

export interface LogicDeps {
  /**
   * Stores the messages of many conversations in one transaction, each conversation's in order
   * (membership and mute checked per sender); per conversation, what it is (null when it does not
   * exist) and a result per message.
   */
  saveAll(groups: Map<Id, SaveInput[]>): Promise<Map<Id, { conversation: ConversationInfo | null; results: SaveResult[] }>>;
  /** Member ids of conversations at or under the fan-out threshold, in one lookup. */
  getMembersOf(conversationIds: Id[]): Promise<Map<Id, Id[]>>;
  getSenders(userIds: Id[]): Promise<Map<Id, SenderInfo>>;
  /** Gateways each online user is connected to; offline users are absent. One round trip. */
  getOnlineGateways(userIds: Id[]): Promise<Map<Id, string[]>>;
  /**
   * Makes the versions `saveAll` committed visible to cache readers (repo/cache.ts): done before
   * any record of the batch leaves, so a client that reads after its ack never gets a stale list.
   */
  publishVersions(bumps: { id: Id; version: number }[]): Promise<void>;
  publish(batch: { topic: string; records: JsonRecord[] }[]): Promise<void>;
  /** Hands a large-group message to the fan-out workflow (idempotent per message id). */
  startLargeFanout(message: ChatMessage, memberCount: number): Promise<void>;
}
