// Client side of the delayed offline confirmation, for the gateway's connection lifecycle.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Id } from '../contract/index.ts';
import type { Config } from '../config/index.ts';
import type { presenceWorkflow } from '../workflows/presence.ts';
import { UserIdKey, userConnectedSignal, userDisconnectedSignal, workflowIds } from '../workflows/definitions.ts';

/**
 * The user's last connection on this gateway closed: starts `presence-{userId}` (or signals the
 * running one, which restarts its timer). The user counts as offline after
 * config.presence.offlineDelayMs unless a connection comes back.
 */
export async function signalUserDisconnected(client: Client, config: Config, userId: Id): Promise<void> {
  await client.workflow.signalWithStart<typeof presenceWorkflow, []>('presenceWorkflow', {
    workflowId: workflowIds.presence(userId),
    taskQueue: config.temporal.taskQueue,
    args: [{ userId, offlineDelayMs: config.presence.offlineDelayMs }],
    signal: userDisconnectedSignal,
    signalArgs: [],
    typedSearchAttributes: [{ key: UserIdKey, value: userId }],
    memo: { kind: 'presence', userId },
    staticSummary: `Offline confirmation for user ${userId}`,
  });
}

/**
 * A connection of the user opened: cancels a pending offline confirmation. Returns false when
 * none was pending (the common case), which is not an error.
 */
export async function signalUserConnected(client: Client, _config: Config, userId: Id): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowIds.presence(userId)).signal(userConnectedSignal);
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}
