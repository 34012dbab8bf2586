// The activities' ports on the real stores: friend requests and members in MySQL (repo/),
// presence in Redis. Each call runs in its own EntityManager fork, so a unit of work never
// outlives an activity attempt.
import type { RedisClient } from '../repo/redis.ts';
import {
  ConflictError,
  NotFoundError,
  cleanupExpired,
  createSingleConversation,
  findExpired,
  getConversation,
  getFriendRequest,
  getMemberIds,
  getMemberIdsBetween,
  getMemberPageBounds,
  getOnlineGateways,
  getOnlineStatus,
  getPushAudience,
  listFriendIds,
  updateFriendRequest,
  type RepoCtx,
} from '../repo/index.ts';
import type { FriendsPort, MembersPort, PresencePort } from './deps.ts';
import type { PushDeps } from './push-deps.ts';

export function repoFriends(ctx: () => RepoCtx): FriendsPort {
  return {
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
}

export function repoMembers(ctx: () => RepoCtx): MembersPort {
  return {
    async page(conversationId, afterUserId, limit) {
      const c = ctx();
      const ids = await getMemberIds(c, conversationId, { ...(afterUserId === null ? {} : { afterUserId }), limit });
      if (ids.length === 0 && !(await getConversation(c, conversationId))) return null;
      return ids;
    },
    async range(conversationId, afterUserId, upToUserId, limit) {
      const c = ctx();
      const ids = await getMemberIdsBetween(c, conversationId, afterUserId, upToUserId, limit);
      if (ids.length === 0 && !(await getConversation(c, conversationId))) return null;
      return ids;
    },
    pageBounds: (conversationId, afterUserId, every) => getMemberPageBounds(ctx(), conversationId, afterUserId, every),
  };
}

export function redisPresence(redis: RedisClient, now: () => number = Date.now): PresencePort {
  return {
    onlineGateways: (userIds) => getOnlineGateways(redis, userIds),
    isOnline: async (userId) => (await getOnlineStatus(redis, userId)).online,
    async expire(olderThanMs, limit) {
      const at = now();
      const expired = await findExpired(redis, olderThanMs, limit, at);
      let removed = 0;
      const offlineUserIds: string[] = [];
      for (const record of expired) {
        const r = await cleanupExpired(redis, record.userId, record.gatewayId, olderThanMs, at);
        if (r.removed) removed++;
        if (r.removed && r.lastAnywhere) offlineUserIds.push(record.userId);
      }
      return { found: expired.length, removed, offlineUserIds };
    },
  };
}

/** The store's view of a user for the push activities (repo/push). */
export function repoPushAudience(ctx: () => RepoCtx): PushDeps['audience'] {
  return (userId, batch) => getPushAudience(ctx(), userId, batch);
}
