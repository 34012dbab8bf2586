// Offline push: the operator's webhook and how notifications are batched and retried
// (docs/push.md). Without PUSH_WEBHOOK_URL push is off: the logic worker produces nothing for it
// and the worker starts no consumer and no workflow.
import { PUSH_PREVIEW_MAX_CHARS, PUSH_RECORD_MAX_RECIPIENTS } from '../contract/push.ts';
import type { EnvReader } from './env.ts';

/** Shortest PUSH_WEBHOOK_SECRET production accepts (an HMAC-SHA256 key). */
export const PUSH_SECRET_MIN_CHARS = 32;

export function pushConfig(e: EnvReader) {
  const webhookUrl = e.str('PUSH_WEBHOOK_URL', '', { pattern: /^(|https?:\/\/[^\s]+)$/, hint: 'an http(s) URL, or empty for no push' });
  const webhookSecret = e.str('PUSH_WEBHOOK_SECRET', '');
  const enabled = webhookUrl !== '';
  const push = {
    enabled,
    webhookUrl,
    /** HMAC-SHA256 key of the X-GoChat-Signature header; empty (development only): requests go unsigned. */
    webhookSecret,
    /** A notification waits this long for others of the same user, so a burst is one request. */
    windowMs: e.int('PUSH_BATCH_WINDOW_MS', 2000, 0, 10 * 60_000),
    /** Most notifications in one webhook request. */
    maxPerBatch: e.int('PUSH_MAX_PER_BATCH', 100, 1, 1000),
    /**
     * Groups above this size push only to the members a message mentions by id, so one message
     * to a large group never starts a workflow per member.
     */
    groupMaxMembers: e.int('PUSH_GROUP_MAX_MEMBERS', 200, 0, PUSH_RECORD_MAX_RECIPIENTS),
    /** Characters of a text message's content a notification carries (0: none leave GoChat). */
    previewChars: e.int('PUSH_PREVIEW_CHARS', 100, 0, PUSH_PREVIEW_MAX_CHARS),
    retry: {
      /** The first retry of a failed request waits this long, each next one twice as long ... */
      initialMs: e.int('PUSH_RETRY_INITIAL_MS', 1000, 10, 3600_000),
      /** ... up to this. */
      maxIntervalMs: e.int('PUSH_RETRY_MAX_INTERVAL_MS', 60_000, 10, 24 * 3600_000),
      /** A batch not delivered this long after its first attempt is given up (counted, logged); older notifications are not sent. */
      giveUpMs: e.int('PUSH_GIVE_UP_MS', 30 * 60_000, 1000, 7 * 24 * 3600_000),
    },
    /** One webhook request may take this long before it counts as failed (and is retried). */
    requestTimeoutMs: e.int('PUSH_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    /** A user's push workflow ends after this long without a notification (the next one starts a new one). */
    idleMs: e.int('PUSH_IDLE_MS', 10 * 60_000, 1000, 7 * 24 * 3600_000),
  };
  if (enabled && e.str('NODE_ENV', 'development') === 'production' && webhookSecret.length < PUSH_SECRET_MIN_CHARS) {
    e.problems.push(`PUSH_WEBHOOK_SECRET must be set to at least ${PUSH_SECRET_MIN_CHARS} characters in production when PUSH_WEBHOOK_URL is set (requests are signed with it)`);
  }
  if (push.retry.maxIntervalMs < push.retry.initialMs) e.problems.push('PUSH_RETRY_MAX_INTERVAL_MS must not be shorter than PUSH_RETRY_INITIAL_MS');
  return push;
}

export type PushConfig = ReturnType<typeof pushConfig>;
