// The gateway's presence ports on the real services: its Redis records, the offline
// confirmation workflow (presence-{userId}) and the "online" event to the user's friends.
import type { Client } from '@temporalio/client';
import type { RedisClient } from '../../repo/redis.ts';
import { redisKeys } from '../../repo/redis-keys.ts';
import type { Config } from '../../config/index.ts';
import { heartbeats, listFriendIds, repoCtx, setGatewayConnections, type Orm } from '../../repo/index.ts';
import { signalUserConnected, signalUserDisconnected } from '../../temporal/presence.ts';
import type { EventPublisher } from '../services/events.ts';
import type { PresencePorts } from './presence.ts';

const offlinePendingKey = redisKeys.offlinePending;
const OFFLINE_MARKER_MARGIN_MS = 5 * 60_000;

export function createPresencePorts(deps: {
  redis: RedisClient;
  orm: Orm;
  temporal: Client;
  config: Config;
  events: EventPublisher;
  onError: (err: unknown, context: string) => void;
}): PresencePorts {
  const { redis, temporal, config, events, onError } = deps;
  const gatewayId = config.gatewayId;
  return {
    setConnections: (userId, n) => setGatewayConnections(redis, userId, gatewayId, n),
    heartbeat: (userIds) => heartbeats(redis, userIds, gatewayId),
    // A marker in Redis says an offline confirmation may be pending, so the common connect
    // (nothing pending) costs no Temporal call. It outlives the workflow's timer; if it is
    // ever wrong, the workflow still finds the user online and announces nothing.
    cancelOfflineConfirmation: async (userId) => {
      if ((await redis.getdel(offlinePendingKey(userId))) === null) return false;
      // Temporal being unreachable must not keep anyone from chatting: the worst outcome is
      // an extra "online" notice to friends.
      return signalUserConnected(temporal, config, userId).catch((err: unknown) => {
        onError(err, 'cancel offline confirmation');
        return false;
      });
    },
    startOfflineConfirmation: async (userId) => {
      await redis.set(offlinePendingKey(userId), '1', 'PX', config.presence.offlineDelayMs + OFFLINE_MARKER_MARGIN_MS);
      await signalUserDisconnected(temporal, config, userId);
    },
    announceOnline: async (userId) => {
      const friends = await listFriendIds(repoCtx(deps.orm, redis), userId);
      await events.publish('user', friends, { type: 'presence', userId, online: true, at: Date.now() });
    },
    onError: (err, context) => onError(err, context),
  };
}
