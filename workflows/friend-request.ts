// friend-request-{requestId}: the request is stored and the target notified, then the workflow
// waits for the target's answer (a Workflow Update, so the HTTP call gets the outcome back) or
// for the expiry. Accepting creates the friendship and the one 1:1 conversation of the pair.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import type { ClientEvent, Id } from '../contract/index.ts';
import {
  ConversationIdKey,
  FailureTypes,
  answerFriendRequestUpdate,
  friendRequestStateQuery,
  type FriendRequestAnswer,
  type FriendRequestAnswerResult,
  type FriendRequestInput,
  type FriendRequestResult,
  type FriendRequestState,
} from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

// Database steps retry until they succeed: an accepted request must end up accepted.
const store = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FailureTypes.notFound, FailureTypes.invalidArgument],
  },
});

// Notifications are best effort: the user also sees the result in the request list.
const notify = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

export async function friendRequestWorkflow(input: FriendRequestInput): Promise<FriendRequestResult> {
  const { requestId, requesterId, targetId } = input;
  const state: FriendRequestState = {
    status: 'pending',
    requestId,
    requesterId,
    targetId,
    expiresAt: workflowInfo().startTime.getTime() + input.ttlMs,
  };
  let answer: FriendRequestAnswer | undefined;
  let outcome: FriendRequestAnswerResult | undefined;
  let failure: ApplicationFailure | undefined;

  setHandler(friendRequestStateQuery, () => ({ ...state }));
  setHandler(
    answerFriendRequestUpdate,
    async (a) => {
      answer ??= a;
      await condition(() => outcome !== undefined || failure !== undefined);
      if (failure) throw failure;
      return outcome as FriendRequestAnswerResult;
    },
    { validator: (a: FriendRequestAnswer) => validateAnswer(input, state, answer, a) },
  );

  await store.recordFriendRequest({ requestId, requesterId, targetId, message: input.message });
  await tell('friend', [targetId], { type: 'friend_request', requestId, fromUserId: requesterId, toUserId: targetId, message: input.message });

  const answered = await condition(() => answer !== undefined, input.ttlMs);
  if (!answered || !answer) {
    state.status = 'expired';
    await store.expireFriendRequest({ requestId });
    await tell('friend', [requesterId], { type: 'friend_request_result', requestId, fromUserId: requesterId, toUserId: targetId, status: 'expired' });
    return { status: 'expired' };
  }

  state.status = 'answering';
  try {
    outcome = answer.action === 'accept' ? await accept(input, state) : await reject(input, state);
  } catch (err) {
    failure = ApplicationFailure.fromError(err instanceof ActivityFailure && err.cause ? err.cause : err);
  }
  // The update handler returns the outcome (or the failure) before the workflow completes.
  await condition(allHandlersFinished);
  if (failure) throw failure;
  return outcome as FriendRequestAnswerResult;
}

async function accept(input: FriendRequestInput, state: FriendRequestState): Promise<FriendRequestAnswerResult> {
  const { requestId, requesterId, targetId } = input;
  const { conversationId } = await store.acceptFriendRequest({ requestId, requesterId, targetId });
  state.status = 'accepted';
  state.conversationId = conversationId;
  upsertSearchAttributes([{ key: ConversationIdKey, value: conversationId }]);
  await tell('friend', [requesterId, targetId], { type: 'friend_request_result', requestId, fromUserId: requesterId, toUserId: targetId, status: 'accepted', conversationId });
  await tell('conversation', [requesterId, targetId], { type: 'conversation_created', conversationId, conversationType: 1, memberIds: [requesterId, targetId] });
  return { status: 'accepted', conversationId };
}

async function reject(input: FriendRequestInput, state: FriendRequestState): Promise<FriendRequestAnswerResult> {
  const { requestId, requesterId, targetId } = input;
  await store.rejectFriendRequest({ requestId });
  state.status = 'rejected';
  await tell('friend', [requesterId], { type: 'friend_request_result', requestId, fromUserId: requesterId, toUserId: targetId, status: 'rejected' });
  return { status: 'rejected' };
}

/** Rejects an update before it is written to history: wrong user, unknown action, too late. */
function validateAnswer(input: FriendRequestInput, state: FriendRequestState, previous: FriendRequestAnswer | undefined, a: FriendRequestAnswer): void {
  if (a.action !== 'accept' && a.action !== 'reject') {
    throw ApplicationFailure.create({ type: FailureTypes.invalidArgument, message: `unknown action ${String(a.action)}`, nonRetryable: true });
  }
  if (a.actingUserId !== input.targetId) {
    throw ApplicationFailure.create({ type: FailureTypes.notRequestTarget, message: 'only the target of a friend request can answer it', nonRetryable: true });
  }
  // Answering again with the same action is a retry of the same PUT: it gets the same result.
  if (state.status === 'expired' || (previous && previous.action !== a.action)) {
    const status = state.status === 'expired' ? 'expired' : previous?.action === 'accept' ? 'accepted' : 'rejected';
    throw ApplicationFailure.create({ type: FailureTypes.requestClosed, message: `the friend request is already ${status}`, details: [status], nonRetryable: true });
  }
}

async function tell(topic: 'friend' | 'conversation', userIds: Id[], event: ClientEvent): Promise<void> {
  try {
    await notify.publishEvent({ topic, userIds, event });
  } catch (err) {
    log.warn('notification not delivered', { event: event.type, error: err instanceof Error ? err.message : String(err) });
  }
}
