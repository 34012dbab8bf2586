// The friend-request workflow as the friends service sees it: start one per stored request and
// answer it with a Workflow Update. Typed client errors become the service's refusals.
import type { Client } from '@temporalio/client';
import type { Config } from '../../config/index.ts';
import {
  FriendRequestClosedError, FriendRequestNotFoundError, FriendRequestNotTargetError,
  answerFriendRequest, startFriendRequestWorkflow,
} from '../../temporal/friend-requests.ts';
import { forbidden, notFound } from '../errors.ts';
import { FriendAnswerRefused, type AnswerOutcome, type FriendAction } from './friends.ts';
import type { FriendRequestView } from './types.ts';

export function createFriendFlow(deps: { temporal: Client; config: Config }) {
  return {
    async start(request: FriendRequestView): Promise<void> {
      await startFriendRequestWorkflow(deps.temporal, deps.config, {
        requestId: request.id,
        requesterId: request.requesterId,
        targetId: request.targetId,
        message: request.message,
      });
    },

    async answer(requestId: string, action: FriendAction, actingUserId: string): Promise<AnswerOutcome> {
      try {
        return await answerFriendRequest(deps.temporal, requestId, action, actingUserId);
      } catch (err) {
        if (err instanceof FriendRequestClosedError) throw new FriendAnswerRefused(`the friend request is already ${err.status}`);
        if (err instanceof FriendRequestNotTargetError) throw forbidden('only the recipient can answer a friend request');
        if (err instanceof FriendRequestNotFoundError) throw notFound(`friend request ${requestId}`);
        throw err;
      }
    },
  };
}
