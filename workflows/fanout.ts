// fanout-{messageId}: pushes one stored message of a large group to every online member. Members
// are paged in id order; each page is one activity (presence lookup, one produce per gateway,
// a delivery record so a retried page skips whoever it already reached). After a number of
// pages the workflow continues as new, so a 100k-member group keeps a short history.
//
// The first page also reads where the following pages end (key ranges of the member index), and
// those are pushed `parallel` at a time: a 50,000-member group is one page, then waves of pages
// side by side, instead of ten pages one after another. Workflows started before this (no
// `pages-side-by-side` marker in their history) go on one page at a time.
import { continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import type { Id } from '../contract/index.ts';
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

/** Marks histories whose pages after the first are pushed side by side. */
export const PAGES_SIDE_BY_SIDE = 'pages-side-by-side';

export async function fanoutWorkflow(input: FanoutInput): Promise<FanoutResult> {
  const progress: FanoutProgress = input.progress ?? { afterUserId: null, nextBatch: 0, members: 0, recipients: 0 };
  setHandler(fanoutProgressQuery, () => ({ ...progress }));
  return patched(PAGES_SIDE_BY_SIDE) ? sideBySide(input, progress) : oneByOne(input, progress);
}

const result = (input: FanoutInput, progress: FanoutProgress): FanoutResult => ({
  messageId: input.message.messageId,
  batches: progress.nextBatch,
  members: progress.members,
  recipients: progress.recipients,
});

const tooLong = (input: FanoutInput, inThisRun: number) => inThisRun >= input.maxBatchesPerRun || workflowInfo().continueAsNewSuggested;

async function oneByOne(input: FanoutInput, progress: FanoutProgress): Promise<FanoutResult> {
  const { message, batchSize } = input;
  for (let inThisRun = 0; ; inThisRun++) {
    if (tooLong(input, inThisRun)) await continueAsNew<typeof fanoutWorkflow>({ ...input, progress });
    const batch = await fanoutBatch({ message, batchIndex: progress.nextBatch, afterUserId: progress.afterUserId, limit: batchSize });
    progress.nextBatch += 1;
    progress.members += batch.members;
    progress.recipients += batch.recipients;
    progress.afterUserId = batch.lastUserId;
    if (batch.last) return result(input, progress);
  }
}

/**
 * The pages in hand are `progress.bounds`: page i covers (bounds[i], bounds[i + 1]] and the last
 * one is open-ended, everything above its bound. Without a plan that is one open-ended page from
 * `afterUserId`. The open-ended page also plans what lies above it, so a plan is read with the
 * first page and again only if members joined beyond the last one. Pages go `parallel` at a
 * time, within what is left of this run's budget.
 */
async function sideBySide(input: FanoutInput, progress: FanoutProgress): Promise<FanoutResult> {
  const { message, batchSize } = input;
  const parallel = Math.max(1, input.parallel ?? 1);
  for (let inThisRun = 0; ;) {
    if (tooLong(input, inThisRun)) await continueAsNew<typeof fanoutWorkflow>({ ...input, progress });
    const bounds: (Id | null)[] = progress.bounds ?? [progress.afterUserId];
    const from = progress.plannedPage ?? 0;
    const wave = Math.min(parallel, bounds.length - from, Math.max(1, input.maxBatchesPerRun - inThisRun));
    const batches = await Promise.all(Array.from({ length: wave }, (_, k) => {
      const page = { message, batchIndex: progress.nextBatch + k, afterUserId: bounds[from + k] ?? null, limit: batchSize };
      const upToUserId = bounds[from + k + 1];
      return upToUserId ? fanoutBatch({ ...page, upToUserId }) : fanoutBatch({ ...page, plan: true });
    }));
    inThisRun += wave;
    progress.nextBatch += wave;
    for (const b of batches) {
      progress.members += b.members;
      progress.recipients += b.recipients;
    }
    if (from + wave < bounds.length) {
      // Planned pages are left (an unplanned page is a single one).
      progress.plannedPage = from + wave;
      continue;
    }
    const open = batches[wave - 1]!;
    if (open.last || open.lastUserId === null) return result(input, progress);
    progress.afterUserId = open.lastUserId;
    progress.bounds = [open.lastUserId, ...(open.bounds ?? [])];
    progress.plannedPage = 0;
  }
}
