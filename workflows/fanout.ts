// fanout-{messageId}: pushes one stored message of a large group to every online member. Each
// batch of members is one activity (presence lookup, one produce per gateway, a delivery record
// so a retried batch skips whoever it already reached). A first activity plans where every batch
// starts, so the batches run several at once; a run that predates the plan pages one batch after
// another. After a number of batches the workflow continues as new, so a 100k-member group keeps
// a short history.
import { continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import { FailureTypes, fanoutProgressQuery, type FanoutInput, type FanoutProgress, type FanoutResult } from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

const { fanoutBatch, fanoutPlan } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // A message nobody receives live is still there on reconnect (sync by seq): give up after
  // 15 minutes rather than push a stale message.
  scheduleToCloseTimeout: '15 minutes',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [FailureTypes.notFound, FailureTypes.invalidArgument],
  },
});

/** Batches in flight at once: the worker's CPU and the gateways' sockets, not Temporal, bound it. */
const PARALLEL_BATCHES = 4;
/** Histories recorded before the plan replay the batch-after-batch path. */
const PLANNED_BATCHES = 'fanout-planned-parallel-batches';

export async function fanoutWorkflow(input: FanoutInput): Promise<FanoutResult> {
  const { message, batchSize } = input;
  const progress: FanoutProgress = input.progress ?? { afterUserId: null, nextBatch: 0, members: 0, recipients: 0 };
  setHandler(fanoutProgressQuery, () => ({ ...progress }));
  if (patched(PLANNED_BATCHES)) return planned(input, progress);

  for (let inThisRun = 0; ; inThisRun++) {
    if (inThisRun >= input.maxBatchesPerRun || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof fanoutWorkflow>({ ...input, progress });
    }
    const batch = await fanoutBatch({
      message,
      batchIndex: progress.nextBatch,
      afterUserId: progress.afterUserId,
      limit: batchSize,
    });
    progress.nextBatch += 1;
    progress.members += batch.members;
    progress.recipients += batch.recipients;
    progress.afterUserId = batch.lastUserId;
    if (batch.last) {
      return { messageId: message.messageId, batches: progress.nextBatch, members: progress.members, recipients: progress.recipients };
    }
  }
}

async function planned(input: FanoutInput, progress: FanoutProgress): Promise<FanoutResult> {
  const { message, batchSize } = input;
  const plan = input.plan ?? (await fanoutPlan({ conversationId: message.conversationId, batchSize }));
  const { bounds } = plan;
  for (let inThisRun = 0; progress.nextBatch < bounds.length;) {
    if (inThisRun >= input.maxBatchesPerRun || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof fanoutWorkflow>({ ...input, plan, progress });
    }
    const first = progress.nextBatch;
    const end = Math.min(bounds.length, first + PARALLEL_BATCHES, first + input.maxBatchesPerRun - inThisRun);
    const wave = await Promise.all(
      bounds.slice(first, end).map((afterUserId, i) =>
        fanoutBatch({ message, batchIndex: first + i, afterUserId, upToUserId: bounds[first + i + 1] ?? null, limit: batchSize }),
      ),
    );
    for (const batch of wave) {
      progress.members += batch.members;
      progress.recipients += batch.recipients;
    }
    progress.nextBatch = end;
    progress.afterUserId = bounds[end] ?? wave.at(-1)?.lastUserId ?? progress.afterUserId;
    inThisRun += end - first;
  }
  return { messageId: message.messageId, batches: bounds.length, members: progress.members, recipients: progress.recipients };
}
