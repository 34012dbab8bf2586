// What the activities need from the outside world, kept narrow so tests can hand in fakes.
// workers/deps.ts builds the real object from the ports in repo-ports.ts and bus/ (Kafka).
import type { JsonRecord } from '../bus/kafka.ts';
import type { Id } from '../contract/index.ts';
import type { PushDeps } from './push-deps.ts';
import type { TopicNames } from '../bus/topics.ts';

export interface NewFriendRequest {
  requestId: Id;
  requesterId: Id;
  targetId: Id;
  message: string | null;
}

export interface FriendsPort {
  /**
   * Whether the stored request (the REST layer inserts it and gets the id) exists and names
   * this pair. The database refuses a second pending request for a pair, so no second
   * workflow is ever started for it.
   */
  requestExists(request: NewFriendRequest): Promise<boolean>;
  /**
   * Marks the request accepted (storing the friendship both ways) and returns the pair's 1:1
   * conversation, creating it only if the pair has none. Safe to repeat, and safe when both
   * users accept each other's requests at the same moment.
   * @returns `not_found` for an unknown request, `closed` when it was rejected or expired.
   */
  accept(request: { requestId: Id; requesterId: Id; targetId: Id }): Promise<{ conversationId: Id } | 'not_found' | 'closed'>;
  /** Moves a pending request to rejected (2) or expired (3); a no-op when it is no longer pending. */
  close(requestId: Id, status: 2 | 3): Promise<void>;
  friendIds(userId: Id): Promise<Id[]>;
}

export interface MembersPort {
  /** Member ids above `afterUserId` in id order, at most `limit`; null when the conversation does not exist. */
  page(conversationId: Id, afterUserId: Id | null, limit: number): Promise<Id[] | null>;
  /** Member ids in (afterUserId, upToUserId] in id order, at most `limit`; null when the conversation does not exist. */
  range(conversationId: Id, afterUserId: Id | null, upToUserId: Id, limit: number): Promise<Id[] | null>;
  /**
   * The last member id of every full page of `every` members after `afterUserId`, leaving out
   * a page that would end on the last member: those pages, and the one after the last bound,
   * hold every member above `afterUserId`.
   */
  pageBounds(conversationId: Id, afterUserId: Id, every: number): Promise<Id[]>;
}

/** Redis presence. A user is offline when no gateway holds a record of them. */
export interface PresencePort {
  /** Gateways each online user is connected to; offline users are absent. */
  onlineGateways(userIds: Id[]): Promise<Map<Id, string[]>>;
  isOnline(userId: Id): Promise<boolean>;
  /**
   * Removes up to `limit` records whose heartbeat is older than `olderThanMs` (each only if it
   * is still that old at removal) and names the users left without any record.
   */
  expire(olderThanMs: number, limit: number): Promise<{ found: number; removed: number; offlineUserIds: Id[] }>;
}

/** Remembers which (gateway, user) pairs a fan-out batch already reached. */
export interface DeliveryLog {
  delivered(key: string): Promise<Set<string>>;
  record(key: string, entries: string[]): Promise<void>;
}

export interface ActivityDeps {
  friends: FriendsPort;
  members: MembersPort;
  presence: PresencePort;
  deliveries: DeliveryLog;
  publish(batch: { topic: string; records: JsonRecord[] }[]): Promise<void>;
  topics: TopicNames;
  clock: { now(): number };
  /** Told after each fan-out produce: how long after its creation the message went out. */
  onFanoutProduced?(latencyMs: number): void;
  /** Offline push; absent when it is off (PUSH_WEBHOOK_URL unset). */
  push?: PushDeps;
}
