// The activities' deps on the real services: repo functions over MySQL and Redis, the Kafka
// producer, the wall clock. Repo errors that no retry can fix become non-retryable failures.
import { ApplicationFailure } from '@temporalio/common';
import type { Redis } from 'ioredis';
import type { ActivityDeps } from '../activities/index.ts';
import { redisDeliveryLog } from '../activities/delivery-log.ts';
import type { JsonProducer } from '../bus/kafka.ts';
import type { TopicNames } from '../bus/topics.ts';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  cleanupExpired,
  createSingleConversation,
  findExpired,
  getConversation,
  getFriendRequest,
  getMemberIds,
  getOnlineGateways,
  getOnlineStatus,
  listFriendIds,
  repoCtx,
  updateFriendRequest,
  type Orm,
} from '../repo/index.ts';
import { FailureTypes } from '../workflows/definitions.ts';

export function createActivityDeps(opts: {
  orm: Orm;
  redis: Redis;
  producer: JsonProducer;
  topics: TopicNames;
  onFanoutProduced?: (latencyMs: number) => void;
}): ActivityDeps {
  const { orm, redis, producer, topics } = opts;
  // One EntityManager fork per call: a unit of work never outlives an activity attempt.
  const ctx = () => repoCtx(orm, redis);

  const friends: ActivityDeps['friends'] = {
    async requestExists(request) {
      const stored = await getFriendRequest(ctx(), request.requestId);
      return !!stored && stored.requesterId === request.requesterId && stored.targetId === request.targetId;
    },
    async accept({ requestId, requesterId, targetId }) {
      const stored = await getFriendRequest(ctx(), requestId);
      if (!stored || stored.requesterId !== requesterId || stored.targetId !== targetId) return 'not_found';
      if (stored.status === 0) {
        try {
          await updateFriendRequest(ctx(), requestId, 1, { actorId: targetId });
        } catch (err) {
          // A retry after the first attempt committed: already accepted is what we want.
          if (!(err instanceof ConflictError && err.reason === 'request_not_pending')) throw err;
          const now = await getFriendRequest(ctx(), requestId);
          if (now?.status !== 1) return 'closed';
        }
      } else if (stored.status !== 1) {
        return 'closed';
      }
      // One conversation per pair, found again on a retry or when both befriended each other.
      const { conversation } = await createSingleConversation(ctx(), requesterId, targetId);
      return { conversationId: conversation.id };
    },
    async close(requestId, status) {
      try {
        await updateFriendRequest(ctx(), requestId, status);
      } catch (err) {
        if (err instanceof ConflictError && err.reason === 'request_not_pending') return;
        if (err instanceof NotFoundError) return;
        throw err;
      }
    },
    friendIds: (userId) => listFriendIds(ctx(), userId),
  };

  const members: ActivityDeps['members'] = {
    async page(conversationId, afterUserId, limit) {
      const c = ctx();
      const ids = await getMemberIds(c, conversationId, { ...(afterUserId === null ? {} : { afterUserId }), limit });
      if (ids.length === 0 && !(await getConversation(c, conversationId))) return null;
      return ids;
    },
  };

  const presence: ActivityDeps['presence'] = {
    onlineGateways: (userIds) => getOnlineGateways(redis, userIds),
    isOnline: async (userId) => (await getOnlineStatus(redis, userId)).online,
    async expire(olderThanMs, limit) {
      const now = Date.now();
      const expired = await findExpired(redis, olderThanMs, limit, now);
      let removed = 0;
      const offlineUserIds: string[] = [];
      for (const record of expired) {
        const r = await cleanupExpired(redis, record.userId, record.gatewayId, olderThanMs, now);
        if (r.removed) removed++;
        if (r.removed && r.lastAnywhere) offlineUserIds.push(record.userId);
      }
      return { found: expired.length, removed, offlineUserIds };
    },
  };

  return {
    friends: failFast(friends),
    members: failFast(members),
    presence: failFast(presence),
    deliveries: redisDeliveryLog(redis),
    publish: (batch) => producer.sendBatch(batch),
    topics,
    clock: { now: () => Date.now() },
    ...(opts.onFanoutProduced ? { onFanoutProduced: opts.onFanoutProduced } : {}),
  };
}

/** Bad input and missing rows do not get better with retries: fail the activity for good. */
function failFast<T extends object>(port: T): T {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(port)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        if (err instanceof ValidationError) {
          throw ApplicationFailure.create({ type: FailureTypes.invalidArgument, message: err.message, nonRetryable: true, cause: err });
        }
        if (err instanceof NotFoundError) {
          throw ApplicationFailure.create({ type: FailureTypes.notFound, message: err.message, nonRetryable: true, cause: err });
        }
        throw err;
      }
    };
  }
  return wrapped as T;
}
