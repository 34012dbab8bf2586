// Activities of the offline confirmation and of the expired-status cleanup. Offline in Redis is
// the absence of presence records (the gateway removes its record when the last socket closes,
// the cleanup removes those of dead gateways); these activities confirm it and tell friends.
import type { Id } from '../contract/index.ts';
import type { ActivityDeps } from './deps.ts';
import { invalidArgument } from './errors.ts';
import { publishEnvelope } from './notify.ts';

export function presenceActivities(deps: ActivityDeps) {
  /** Publishes the offline event to the user's friends; returns how many were told. */
  async function announceOffline(userId: Id): Promise<number> {
    const friends = await deps.friends.friendIds(userId);
    await publishEnvelope(deps, 'user', friends, { type: 'presence', userId, online: false, at: deps.clock.now() });
    return friends.length;
  }

  return {
    /** The offline timer ran out: offline only if no gateway holds a record of the user. */
    async confirmOffline({ userId }: { userId: Id }): Promise<{ offline: boolean; notifiedFriends: number }> {
      if (await deps.presence.isOnline(userId)) return { offline: false, notifiedFriends: 0 };
      return { offline: true, notifiedFriends: await announceOffline(userId) };
    },

    /**
     * One batch of records whose heartbeat expired: removes them and names the users left with
     * no record. The workflow announces those users in a separate activity, so a failure after
     * the removal cannot lose an announcement.
     */
    async expirePresence({ heartbeatTimeoutMs, limit }: { heartbeatTimeoutMs: number; limit: number }): Promise<{ expiredRecords: number; offlineUserIds: Id[]; more: boolean }> {
      if (!(heartbeatTimeoutMs > 0) || !Number.isInteger(limit) || limit < 1) {
        throw invalidArgument(`bad cleanup input: heartbeatTimeoutMs=${heartbeatTimeoutMs} limit=${limit}`);
      }
      const { found, removed, offlineUserIds } = await deps.presence.expire(heartbeatTimeoutMs, limit);
      return { expiredRecords: removed, offlineUserIds: [...new Set(offlineUserIds)], more: found >= limit };
    },

    /** Tells the friends of each user that the user is offline (again, after a retry). */
    async announceOffline({ userIds }: { userIds: Id[] }): Promise<{ notifiedFriends: number }> {
      let notifiedFriends = 0;
      for (const userId of userIds) notifiedFriends += await announceOffline(userId);
      return { notifiedFriends };
    },
  };
}
