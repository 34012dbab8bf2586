// The expired-status cleanup Schedule, created at worker start. Every worker runs this: the
// first creates the Schedule, the others (and later restarts) bring it in line with their
// configuration, keeping a pause an operator set.
import { ScheduleAlreadyRunning, type Client, type ScheduleHandle, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Config } from '../config/index.ts';
import type { presenceCleanupWorkflow } from '../workflows/presence-cleanup.ts';
import type { PresenceCleanupInput } from '../workflows/definitions.ts';

export const CLEANUP_BATCH_SIZE = 500;
export const CLEANUP_MAX_BATCHES = 100;

/** One Schedule per task queue, so deployments sharing a namespace keep their own. */
export function cleanupScheduleId(config: Config): string {
  return `presence-cleanup-${config.temporal.taskQueue}`;
}

export async function ensureCleanupSchedule(client: Client, config: Config): Promise<ScheduleHandle> {
  const scheduleId = cleanupScheduleId(config);
  const input: PresenceCleanupInput = {
    heartbeatTimeoutMs: config.presence.heartbeatTimeoutMs,
    batchSize: CLEANUP_BATCH_SIZE,
    maxBatches: CLEANUP_MAX_BATCHES,
  };
  const spec = { intervals: [{ every: config.presence.cleanupIntervalMs }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof presenceCleanupWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'presenceCleanupWorkflow',
    workflowId: scheduleId,
    taskQueue: config.temporal.taskQueue,
    args: [input],
    // A run that cannot finish within a few intervals is stuck; the next one starts fresh.
    workflowExecutionTimeout: Math.max(5 * config.presence.cleanupIntervalMs, 5 * 60_000),
    staticSummary: 'Marks users offline whose gateway stopped sending heartbeats',
  };
  // SKIP: never two cleanups at once; a short catch-up window: a missed run is not worth replaying.
  const policies = { overlap: 'SKIP' as const, catchupWindow: Math.max(config.presence.cleanupIntervalMs, 10_000) };
  try {
    return await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies,
      memo: { kind: 'presence-cleanup', taskQueue: config.temporal.taskQueue },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    const handle = client.schedule.getHandle(scheduleId);
    await handle.update((previous) => ({ ...previous, spec, action, policies: { ...previous.policies, ...policies } }));
    return handle;
  }
}
