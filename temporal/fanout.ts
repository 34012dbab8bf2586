// Client side of the large-group fan-out, for the logic worker.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ChatMessage, Id } from '../contract/index.ts';
import type { Config } from '../config/index.ts';
import type { fanoutWorkflow } from '../workflows/fanout.ts';
import { ConversationIdKey, UserIdKey, workflowIds } from '../workflows/definitions.ts';

/** Batches per workflow run before it continues as new. */
export const FANOUT_BATCHES_PER_RUN = 20;

/**
 * Starts `fanout-{messageId}` for a stored message (messageId and conversationId, when given,
 * must match the message's). Idempotent per message id: while it runs, or once it completed,
 * starting again starts nothing (`started` false); a failed fan-out may run again.
 */
export async function startFanoutWorkflow(
  client: Client,
  config: Config,
  input: {
    message: ChatMessage;
    memberCount?: number;
    messageId?: Id;
    conversationId?: Id;
    /** Batches per workflow run before it continues as new (default FANOUT_BATCHES_PER_RUN). */
    batchesPerRun?: number;
  },
): Promise<{ workflowId: string; started: boolean }> {
  const { message } = input;
  const { messageId, conversationId } = message;
  if ((input.messageId ?? messageId) !== messageId || (input.conversationId ?? conversationId) !== conversationId) {
    throw new TypeError(`fan-out input names message ${input.messageId} in ${input.conversationId} but carries ${messageId} in ${conversationId}`);
  }
  const workflowId = workflowIds.fanout(messageId);
  try {
    await client.workflow.start<typeof fanoutWorkflow>('fanoutWorkflow', {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [{ message, batchSize: config.chat.fanoutBatchSize, maxBatchesPerRun: input.batchesPerRun ?? FANOUT_BATCHES_PER_RUN, parallel: config.chat.fanoutParallelPages }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      typedSearchAttributes: [
        { key: ConversationIdKey, value: conversationId },
        { key: UserIdKey, value: message.senderId },
      ],
      memo: { kind: 'fanout', messageId, conversationId, seq: message.seq, memberCount: input.memberCount ?? null },
      staticSummary: `Fan-out of message ${messageId} (seq ${message.seq}) to conversation ${conversationId}`,
    });
    return { workflowId, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
    throw err;
  }
}
