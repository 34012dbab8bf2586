// Client side of offline push, for the worker's push consumer: one notification to one user's
// push workflow, started if it is not running (signal-with-start).
import type { Client } from '@temporalio/client';
import type { Id, PushNotification, PushSettings } from '../contract/index.ts';
import type { Config } from '../config/index.ts';
import type { pushWorkflow } from '../workflows/push.ts';
import { UserIdKey, pushNotificationSignal, workflowIds } from '../workflows/definitions.ts';

/** Batches per workflow run before it continues as new. */
export const PUSH_BATCHES_PER_RUN = 100;

/** The settings a push workflow starts with (a running one keeps its own until it ends). */
export function pushSettings(config: Config): PushSettings {
  const { push } = config;
  return {
    windowMs: push.windowMs,
    maxPerBatch: push.maxPerBatch,
    idleMs: push.idleMs,
    maxBatchesPerRun: PUSH_BATCHES_PER_RUN,
    retry: { ...push.retry },
    requestTimeoutMs: push.requestTimeoutMs,
  };
}

/**
 * Hands `notification` to `push-{userId}`, starting it if needed. Safe to repeat: the workflow
 * keeps a notification of a message id once.
 */
export async function signalPushNotification(client: Client, config: Config, userId: Id, notification: PushNotification): Promise<void> {
  await client.workflow.signalWithStart<typeof pushWorkflow, [PushNotification]>('pushWorkflow', {
    workflowId: workflowIds.push(userId),
    taskQueue: config.temporal.taskQueue,
    args: [{ userId, settings: pushSettings(config) }],
    signal: pushNotificationSignal,
    signalArgs: [notification],
    typedSearchAttributes: [{ key: UserIdKey, value: userId }],
    memo: { kind: 'push', userId },
    staticSummary: `Offline push for user ${userId}`,
  });
}
