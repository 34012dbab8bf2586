// What the push activities need: the store's view of a user and their conversations, the
// operator's webhook, and where outcomes are told (metrics and logs, workers/push-report.ts).
import type { Id } from '../contract/index.ts';

export interface PushConversationView {
  type: number;
  name: string | null;
  doNotDisturb: boolean;
  lastReadSeq: number;
  lastDeliveredSeq: number;
}

/** repo/push getPushAudience: one user, a batch of messages. */
export interface PushAudienceView {
  /** Conversations the user is still a member of. */
  conversations: Map<Id, PushConversationView>;
  /** Messages recalled or deleted since. */
  withdrawn: Set<Id>;
  /** Senders the user has blocked. */
  blockedSenders: Set<Id>;
}

export interface PushWebhook {
  /**
   * One signed POST of `body`; the receiver's status (and Retry-After, in ms). Throws when no
   * answer came (unreachable, timed out): a retry may succeed.
   */
  post(deliveryId: string, body: string): Promise<{ status: number; retryAfterMs?: number }>;
}

/** Why a notification was not sent. */
export type PushSkipReason = 'online' | 'read' | 'delivered' | 'do_not_disturb' | 'left' | 'withdrawn' | 'blocked' | 'stale';

export type PushReport =
  | { outcome: 'posted'; userId: Id; deliveryId: string; count: number }
  | { outcome: 'skipped'; userId: Id; reason: PushSkipReason; count: number }
  /** The receiver refused the request (a 4xx other than 408/429, or a redirect): not retried. */
  | { outcome: 'rejected'; userId: Id; deliveryId: string; count: number; status: number }
  /** Retries ran out (PUSH_GIVE_UP_MS). */
  | { outcome: 'abandoned'; userId: Id; deliveryId: string; count: number; reason: string }
  /** One request that did not succeed and is retried. */
  | { outcome: 'retrying'; userId: Id; deliveryId: string; status: number | null; reason: string };

export interface PushDeps {
  audience(userId: Id, batch: { conversationId: Id; messageId: Id; senderId: Id }[]): Promise<PushAudienceView>;
  webhook: PushWebhook;
  /** A notification older than this is no longer sent (PUSH_GIVE_UP_MS). */
  maxAgeMs: number;
  report?(report: PushReport): void;
}
