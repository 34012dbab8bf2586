// Everything a workflow and its callers share: ids, inputs and results, signals, queries,
// updates, search-attribute keys and failure types. Side-effect free, so the gateway and the
// logic worker import it without loading any workflow code.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { defineSearchAttributeKey } from '@temporalio/common';
import type { ChatMessage, Id, PushNotification, PushTotals } from '../contract/index.ts';

/** Readable, deterministic workflow ids: operators find a workflow from the id alone. */
export const workflowIds = {
  friendRequest: (requestId: Id) => `friend-request-${requestId}`,
  fanout: (messageId: Id) => `fanout-${messageId}`,
  presence: (userId: Id) => `presence-${userId}`,
  push: (userId: Id) => `push-${userId}`,
};

// Registered on the cluster as Keyword (scripts/stack/temporal.sh). Plain objects with the
// SDK's key type: workflow code then needs nothing but @temporalio/workflow at run time.
type KeywordKey = ReturnType<typeof defineSearchAttributeKey<'KEYWORD'>>;
export const UserIdKey: KeywordKey = { name: 'UserId', type: 'KEYWORD' };
export const ConversationIdKey: KeywordKey = { name: 'ConversationId', type: 'KEYWORD' };

/** ApplicationFailure types: the client maps them to typed errors, retries skip them. */
export const FailureTypes = {
  /** Someone other than the request's target tried to answer it. */
  notRequestTarget: 'FriendRequestNotTarget',
  /** The request was already answered differently, or it expired. */
  requestClosed: 'FriendRequestClosed',
  invalidArgument: 'InvalidArgument',
  /** A user, request or conversation the activity needs does not exist (retrying cannot help). */
  notFound: 'NotFound',
} as const;

// ---------------------------------------------------------------- friend request

export type FriendRequestAction = 'accept' | 'reject';

export interface FriendRequestInput {
  requestId: Id;
  requesterId: Id;
  targetId: Id;
  message: string | null;
  /** After this long without an answer the request expires (status 3). */
  ttlMs: number;
}

export interface FriendRequestAnswer {
  action: FriendRequestAction;
  actingUserId: Id;
}

export interface FriendRequestAnswerResult {
  status: 'accepted' | 'rejected';
  conversationId?: Id;
}

export interface FriendRequestResult {
  status: 'accepted' | 'rejected' | 'expired';
  conversationId?: Id;
}

export interface FriendRequestState {
  status: 'pending' | 'answering' | 'accepted' | 'rejected' | 'expired';
  requestId: Id;
  requesterId: Id;
  targetId: Id;
  conversationId?: Id;
  /** When the request expires unless answered (ms since epoch, workflow time). */
  expiresAt: number;
}

/** Answered by the target through `PUT /friends/requests/:id`; returns once the answer is applied. */
export const answerFriendRequestUpdate = defineUpdate<FriendRequestAnswerResult, [FriendRequestAnswer]>('answerFriendRequest');
export const friendRequestStateQuery = defineQuery<FriendRequestState>('friendRequestState');

// ---------------------------------------------------------------- fan-out

export interface FanoutInput {
  message: ChatMessage;
  batchSize: number;
  /** Batches per run before continue-as-new keeps the history bounded. */
  maxBatchesPerRun: number;
  /** Planned pages pushed side by side (absent: one at a time). */
  parallel?: number;
  /** Progress carried over a continue-as-new; absent on the first run. */
  progress?: FanoutProgress;
}

export interface FanoutProgress {
  /** Last member id of the previous batch (members are paged in id order). */
  afterUserId: Id | null;
  nextBatch: number;
  members: number;
  recipients: number;
  /**
   * Pages planned and not all pushed yet: page i covers (bounds[i], bounds[i + 1]], the last
   * one every member above its bound.
   */
  bounds?: Id[];
  /** The first of `bounds`' pages not pushed yet. */
  plannedPage?: number;
}

export interface FanoutResult {
  messageId: Id;
  batches: number;
  /** Members paged through. */
  members: number;
  /** (user, gateway) deliveries produced. */
  recipients: number;
}

export const fanoutProgressQuery = defineQuery<FanoutProgress>('fanoutProgress');

// ---------------------------------------------------------------- presence

export interface PresenceInput {
  userId: Id;
  /** How long the user must stay without any connection before they count as offline. */
  offlineDelayMs: number;
  /** Set when a run continues as new while its timer was pending. */
  resumePending?: boolean;
}

export interface PresenceResult {
  userId: Id;
  /** `reconnected`: a connection came back in time; `online`: Redis still had a live record. */
  outcome: 'offline' | 'reconnected' | 'online';
  notifiedFriends: number;
}

export interface PresenceState {
  userId: Id;
  /** True while the offline timer runs. */
  pendingOffline: boolean;
}

/** The user's last connection on a gateway closed (sent with signal-with-start). */
export const userDisconnectedSignal = defineSignal<[]>('userDisconnected');
/** A connection of the user opened: cancels a pending offline confirmation. */
export const userConnectedSignal = defineSignal<[]>('userConnected');
export const presenceStateQuery = defineQuery<PresenceState>('presenceState');

// ---------------------------------------------------------------- expired-status cleanup

export interface PresenceCleanupInput {
  /** A presence record whose heartbeat is older than this belongs to a dead gateway. */
  heartbeatTimeoutMs: number;
  batchSize: number;
  /** Upper bound of batches per run; the next scheduled run picks up the rest. */
  maxBatches: number;
}

export interface PresenceCleanupResult {
  batches: number;
  expiredRecords: number;
  usersOffline: number;
}

// ---------------------------------------------------------------- offline push

/** A message for the user while they were offline (sent with signal-with-start; a repeat of a message id is dropped). */
export const pushNotificationSignal = defineSignal<[PushNotification]>('pushNotification');

export interface PushState {
  userId: Id;
  /** Notifications waiting for the next batch. */
  pending: number;
  /** Batches handled since the first run. */
  batches: number;
  totals: PushTotals;
}
export const pushStateQuery = defineQuery<PushState>('pushState');

export interface PushResult {
  userId: Id;
  batches: number;
  totals: PushTotals;
}
