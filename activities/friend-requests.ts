// Activities of the friend-request workflow. Each is safe to run again after a retry.
import type { ClientEvent, Id } from '../contract/index.ts';
import type { ActivityDeps, NewFriendRequest } from './deps.ts';
import { notFound, requestClosed } from './errors.ts';
import { publishEnvelope, type EventTopic } from './notify.ts';

export function friendRequestActivities(deps: ActivityDeps) {
  return {
    async recordFriendRequest(request: NewFriendRequest): Promise<void> {
      if (!(await deps.friends.requestExists(request))) {
        throw notFound(`friend request ${request.requestId} from ${request.requesterId} to ${request.targetId} is not stored`);
      }
    },

    async acceptFriendRequest(request: { requestId: Id; requesterId: Id; targetId: Id }): Promise<{ conversationId: Id }> {
      const accepted = await deps.friends.accept(request);
      if (accepted === 'not_found') throw notFound(`friend request ${request.requestId} does not exist`);
      if (accepted === 'closed') throw requestClosed(`friend request ${request.requestId} was closed outside its workflow`);
      return accepted;
    },

    async rejectFriendRequest({ requestId }: { requestId: Id }): Promise<void> {
      await deps.friends.close(requestId, 2);
    },

    async expireFriendRequest({ requestId }: { requestId: Id }): Promise<void> {
      await deps.friends.close(requestId, 3);
    },

    /** At-least-once: a retried notification repeats an event that clients recognise by its ids. */
    async publishEvent({ topic, userIds, event }: { topic: EventTopic; userIds: Id[]; event: ClientEvent }): Promise<void> {
      await publishEnvelope(deps, topic, userIds, event);
    },
  };
}
