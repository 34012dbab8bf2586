// push-{userId}: offline push for one user. Each message that reached the user while they were
// offline arrives as a signal (signal-with-start from the worker's push consumer). The workflow
// waits a short window so a burst goes out as one request, then one activity checks what is
// still worth sending (the user may have come online or read it meanwhile) and POSTs it to the
// operator's webhook, retried with backoff. It continues as new after a bounded number of
// batches and ends after an idle period, so its history stays short; the next message starts it
// again.
import { ActivityFailure, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import type { Id, PushNotification, PushTotals, PushWorkflowInput } from '../contract/index.ts';
import { FailureTypes, pushNotificationSignal, pushStateQuery, type PushResult } from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

/** Message ids remembered against redelivered records (a record comes again within seconds, not thousands of messages later). */
const SEEN_LIMIT = 1000;
/** Signals per run before it continues as new (each is an event in the history). */
const SIGNALS_PER_RUN = 500;

const { reportPushAbandoned } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function pushWorkflow(input: PushWorkflowInput): Promise<PushResult> {
  const { userId, settings } = input;
  const pending: PushNotification[] = [...(input.carried?.pending ?? [])];
  const seen = new RecentIds(input.carried?.seen ?? [], SEEN_LIMIT);
  const totals: PushTotals = { posted: 0, skipped: 0, failed: 0, ...input.carried?.totals };
  let nextBatch = input.carried?.nextBatch ?? 0;
  let signals = 0;

  setHandler(pushNotificationSignal, (notification) => {
    // A record read twice (the consumer restarted before committing) signals twice.
    if (seen.has(notification.messageId)) return;
    seen.add(notification.messageId);
    pending.push(notification);
    signals++;
  });
  setHandler(pushStateQuery, () => ({ userId, pending: pending.length, batches: nextBatch, totals: { ...totals } }));

  // The webhook's retries follow the configuration the workflow started with.
  const { deliverPushBatch } = proxyActivities<Activities>({
    // The presence and store checks, then one request bounded by its own timeout.
    startToCloseTimeout: settings.requestTimeoutMs + 15_000,
    scheduleToCloseTimeout: settings.retry.giveUpMs,
    retry: {
      initialInterval: settings.retry.initialMs,
      backoffCoefficient: 2,
      maximumInterval: settings.retry.maxIntervalMs,
      nonRetryableErrorTypes: [FailureTypes.invalidArgument, FailureTypes.notFound],
    },
  });

  for (let batches = 0; ; batches++) {
    if (batches >= settings.maxBatchesPerRun || signals >= SIGNALS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof pushWorkflow>({ userId, settings, carried: { pending, seen: seen.list(), nextBatch, totals } });
    }
    if (pending.length === 0) {
      await condition(() => pending.length > 0, settings.idleMs);
      // Checked again, not taken from the condition: a signal handled with the timer counts.
      if (pending.length === 0) return { userId, batches: nextBatch, totals };
    }
    // The batching window: what else arrives for the user in it goes out in the same request.
    if (settings.windowMs > 0) await condition(() => pending.length >= settings.maxPerBatch, settings.windowMs);
    const batch = pending.splice(0, settings.maxPerBatch);
    const deliveryId = deliveryIdOf(workflowInfo().workflowId, workflowInfo().firstExecutionRunId, nextBatch);
    nextBatch++;
    try {
      const done = await deliverPushBatch({ userId, deliveryId, notifications: batch });
      totals.posted += done.posted;
      totals.skipped += done.skipped;
      totals.failed += done.rejected;
    } catch (err) {
      // Retries ran out (PUSH_GIVE_UP_MS): the batch is given up, the user catches up on reconnect.
      if (!(err instanceof ActivityFailure)) throw err;
      totals.failed += batch.length;
      await reportPushAbandoned({ userId, deliveryId, notifications: batch.length, reason: err.cause?.message ?? err.message });
    }
  }
}

/** Unique per batch of a user's workflow chain (across continue-as-new), the same on every retry. */
function deliveryIdOf(workflowId: string, firstRunId: string, batch: number): string {
  return `${workflowId}:${firstRunId}:${batch}`;
}

/** Insertion-ordered set that forgets its oldest ids beyond `limit`. */
class RecentIds {
  private readonly ids: Set<Id>;
  private readonly limit: number;
  constructor(ids: Id[], limit: number) {
    this.ids = new Set(ids.slice(-limit));
    this.limit = limit;
  }
  has(id: Id): boolean {
    return this.ids.has(id);
  }
  add(id: Id): void {
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value!);
  }
  list(): Id[] {
    return [...this.ids];
  }
}
