// fanout-{messageId}: pushes one stored message of a large group to every online member. Members
// are paged in id order; each batch is one activity (presence lookup, one produce per gateway,
// a delivery record so a retried batch skips whoever it already reached). After a number of
// batches the workflow continues as new, so a 100k-member group keeps a short history.
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import { FailureTypes, fanoutProgressQuery, type FanoutInput, type FanoutProgress, type FanoutResult } from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

const { fanoutBatch } = proxyActivities<Activities>({
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

export async function fanoutWorkflow(input: FanoutInput): Promise<FanoutResult> {
  const { message, batchSize } = input;
  const progress: FanoutProgress = input.progress ?? { afterUserId: null, nextBatch: 0, members: 0, recipients: 0 };
  setHandler(fanoutProgressQuery, () => ({ ...progress }));

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
