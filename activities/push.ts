// Activities of the push workflow. deliverPushBatch runs once per attempt of a batch: each
// attempt first checks again what is still worth sending, so a user who came online or read the
// messages while the webhook was down gets nothing, then POSTs what is left. The receiver's
// answer decides: 2xx done; 408, 429 and 5xx (and no answer) retried by the workflow's policy;
// any other status refused for good.
import { ApplicationFailure } from '@temporalio/common';
import { toWebhookNotification, type Id, type PushNotification, type PushWebhookBody } from '../contract/index.ts';
import type { ActivityDeps } from './deps.ts';
import { invalidArgument } from './errors.ts';
import type { PushDeps, PushSkipReason } from './push-deps.ts';

export interface PushBatchInput {
  userId: Id;
  /** The same on every attempt: the receiver drops a repeat it has handled. */
  deliveryId: string;
  notifications: PushNotification[];
}

export interface PushBatchResult {
  posted: number;
  skipped: number;
  /** Refused by the receiver (not retried). */
  rejected: number;
}

/** A retried request honours Retry-After up to this. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export const PUSH_WEBHOOK_FAILURE = 'PushWebhookUnavailable';

/** Whether another attempt of a request the receiver answered with `status` may succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function pushActivities(deps: ActivityDeps) {
  function pushDeps(): PushDeps {
    if (!deps.push) throw invalidArgument('offline push is off on this worker (PUSH_WEBHOOK_URL is not set)');
    return deps.push;
  }

  /** The notifications still worth sending, and why the others are not. */
  async function deliverable(push: PushDeps, userId: Id, notifications: PushNotification[]) {
    const skipped = new Map<PushSkipReason, number>();
    const skip = (reason: PushSkipReason, n = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + n);
    // Online now: their devices hold (or sync) every message; nothing to push.
    if (await deps.presence.isOnline(userId)) {
      skip('online', notifications.length);
      return { keep: [], skipped };
    }
    const audience = await push.audience(userId, notifications);
    const now = deps.clock.now();
    const keep: { notification: PushNotification; conversation: { type: number; name: string | null } }[] = [];
    for (const n of notifications) {
      const c = audience.conversations.get(n.conversationId);
      const reason: PushSkipReason | undefined =
        !c ? 'left'
        : audience.withdrawn.has(n.messageId) ? 'withdrawn'
        : n.seq <= c.lastReadSeq ? 'read'
        : n.seq <= c.lastDeliveredSeq ? 'delivered'
        : audience.blockedSenders.has(n.senderId) ? 'blocked'
        // Do-not-disturb silences a conversation, except where the user is mentioned.
        : c.doNotDisturb && !n.mention ? 'do_not_disturb'
        : now - n.createdAt > push.maxAgeMs ? 'stale'
        : undefined;
      if (reason) skip(reason);
      else keep.push({ notification: n, conversation: c! });
    }
    return { keep, skipped };
  }

  return {
    async deliverPushBatch({ userId, deliveryId, notifications }: PushBatchInput): Promise<PushBatchResult> {
      const push = pushDeps();
      const { keep, skipped } = await deliverable(push, userId, notifications);
      const skippedCount = [...skipped.values()].reduce((a, b) => a + b, 0);
      // Told only with the attempt's outcome: a retried attempt must not count its skips twice.
      const tellSkipped = () => {
        for (const [reason, count] of skipped) push.report?.({ outcome: 'skipped', userId, reason, count });
      };
      if (keep.length === 0) {
        tellSkipped();
        return { posted: 0, skipped: skippedCount, rejected: 0 };
      }
      const body: PushWebhookBody = {
        delivery_id: deliveryId,
        user_id: userId,
        notifications: keep.map(({ notification, conversation }) => toWebhookNotification(notification, conversation)),
      };
      let answer: { status: number; retryAfterMs?: number };
      try {
        answer = await push.webhook.post(deliveryId, JSON.stringify(body));
      } catch (err) {
        const reason = err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err);
        push.report?.({ outcome: 'retrying', userId, deliveryId, status: null, reason });
        throw ApplicationFailure.create({ type: PUSH_WEBHOOK_FAILURE, message: `push webhook unreachable: ${reason}` });
      }
      const { status } = answer;
      if (status >= 200 && status < 300) {
        tellSkipped();
        push.report?.({ outcome: 'posted', userId, deliveryId, count: keep.length });
        return { posted: keep.length, skipped: skippedCount, rejected: 0 };
      }
      if (isRetryableStatus(status)) {
        push.report?.({ outcome: 'retrying', userId, deliveryId, status, reason: `answered ${status}` });
        const delay = answer.retryAfterMs === undefined ? undefined : Math.min(answer.retryAfterMs, MAX_RETRY_AFTER_MS);
        throw ApplicationFailure.create({ type: PUSH_WEBHOOK_FAILURE, message: `push webhook answered ${status}`, ...(delay !== undefined ? { nextRetryDelay: delay } : {}) });
      }
      // The receiver refuses this request (bad request, auth, gone, a redirect not followed):
      // sending it again would be refused again.
      tellSkipped();
      push.report?.({ outcome: 'rejected', userId, deliveryId, count: keep.length, status });
      return { posted: 0, skipped: skippedCount, rejected: keep.length };
    },

    /** A batch whose retries ran out: counted and logged (the user catches up on reconnect). */
    reportPushAbandoned({ userId, deliveryId, notifications, reason }: { userId: Id; deliveryId: string; notifications: number; reason: string }): Promise<void> {
      deps.push?.report?.({ outcome: 'abandoned', userId, deliveryId, count: notifications, reason });
      return Promise.resolve();
    },
  };
}
