// Client side of the friend-request workflow, for POST /friends/requests and
// PUT /friends/requests/:id.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Id } from '../contract/index.ts';
import type { Config } from '../config/index.ts';
import type { friendRequestWorkflow } from '../workflows/friend-request.ts';
import {
  FailureTypes,
  UserIdKey,
  answerFriendRequestUpdate,
  workflowIds,
  type FriendRequestAction,
  type FriendRequestAnswerResult,
  type FriendRequestResult,
} from '../workflows/definitions.ts';

export type { FriendRequestAction, FriendRequestAnswerResult } from '../workflows/definitions.ts';

export class FriendRequestNotFoundError extends Error {
  readonly code = 'FRIEND_REQUEST_NOT_FOUND';
  readonly requestId: Id;
  constructor(requestId: Id) {
    super(`friend request ${requestId} does not exist`);
    this.name = 'FriendRequestNotFoundError';
    this.requestId = requestId;
  }
}

export class FriendRequestNotTargetError extends Error {
  readonly code = 'FRIEND_REQUEST_NOT_TARGET';
  readonly requestId: Id;
  constructor(requestId: Id) {
    super(`only the target of friend request ${requestId} can answer it`);
    this.name = 'FriendRequestNotTargetError';
    this.requestId = requestId;
  }
}

/** Already answered the other way, expired, or ended without an answer (`closed`). */
export class FriendRequestClosedError extends Error {
  readonly code = 'FRIEND_REQUEST_CLOSED';
  readonly requestId: Id;
  readonly status: 'accepted' | 'rejected' | 'expired' | 'closed';
  constructor(requestId: Id, status: FriendRequestClosedError['status']) {
    super(`friend request ${requestId} is already ${status}`);
    this.name = 'FriendRequestClosedError';
    this.requestId = requestId;
    this.status = status;
  }
}

type FriendRequestMemo = {
  kind: 'friend-request';
  requesterId: Id;
  targetId: Id;
};

/**
 * Starts `friend-request-{requestId}` for a request row the caller stored. Starting it again
 * for the same request id (a retried POST) starts nothing: `started` is false.
 */
export async function startFriendRequestWorkflow(
  client: Client,
  config: Config,
  request: { requestId: Id; requesterId: Id; targetId: Id; message: string | null },
): Promise<{ workflowId: string; started: boolean }> {
  const workflowId = workflowIds.friendRequest(request.requestId);
  const memo: FriendRequestMemo = { kind: 'friend-request', requesterId: request.requesterId, targetId: request.targetId };
  try {
    await client.workflow.start<typeof friendRequestWorkflow>('friendRequestWorkflow', {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [{ ...request, ttlMs: config.friends.requestTtlMs }],
      // One workflow per request, ever: a finished request is not run again.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [{ key: UserIdKey, value: request.requesterId }],
      memo,
      staticSummary: `Friend request ${request.requestId}: user ${request.requesterId} → user ${request.targetId}`,
    });
    return { workflowId, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
    throw err;
  }
}

/**
 * The target accepts or rejects; resolves once the answer is applied (on accept, with the 1:1
 * conversation). Repeating the same answer returns the same result.
 * @throws FriendRequestNotFoundError, FriendRequestNotTargetError, FriendRequestClosedError
 */
export async function answerFriendRequest(
  client: Client,
  requestId: Id,
  action: FriendRequestAction,
  actingUserId: Id,
): Promise<FriendRequestAnswerResult> {
  const handle = client.workflow.getHandle<typeof friendRequestWorkflow>(workflowIds.friendRequest(requestId));
  try {
    return await handle.executeUpdate(answerFriendRequestUpdate, {
      args: [{ action, actingUserId }],
      // A retried PUT reuses the id: the server hands back the first call's outcome.
      updateId: `answer-${action}-${actingUserId}`,
    });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const failure = err.cause;
      if (failure.type === FailureTypes.notRequestTarget) throw new FriendRequestNotTargetError(requestId);
      if (failure.type === FailureTypes.requestClosed) throw new FriendRequestClosedError(requestId, closedStatus(failure.details?.[0]));
      // The stored request vanished under the workflow (deleted users): nothing left to answer.
      if (failure.type === FailureTypes.notFound) throw new FriendRequestNotFoundError(requestId);
    }
    if (err instanceof WorkflowNotFoundError) return answerFinished(client, requestId, action, actingUserId);
    throw err;
  }
}

/** The workflow is gone or finished: answer from its result, as the running workflow would have. */
async function answerFinished(client: Client, requestId: Id, action: FriendRequestAction, actingUserId: Id): Promise<FriendRequestAnswerResult> {
  const handle = client.workflow.getHandle<typeof friendRequestWorkflow>(workflowIds.friendRequest(requestId));
  let description;
  try {
    description = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new FriendRequestNotFoundError(requestId);
    throw err;
  }
  const memo = description.memo as Partial<FriendRequestMemo> | undefined;
  if (memo?.targetId !== undefined && memo.targetId !== actingUserId) throw new FriendRequestNotTargetError(requestId);
  if (description.status.name !== 'COMPLETED') throw new FriendRequestClosedError(requestId, 'closed');
  const result: FriendRequestResult = await handle.result();
  if (result.status === 'expired' || result.status !== (action === 'accept' ? 'accepted' : 'rejected')) {
    throw new FriendRequestClosedError(requestId, result.status);
  }
  return result.conversationId ? { status: result.status, conversationId: result.conversationId } : { status: result.status };
}

function closedStatus(detail: unknown): FriendRequestClosedError['status'] {
  return detail === 'accepted' || detail === 'rejected' || detail === 'expired' ? detail : 'closed';
}
