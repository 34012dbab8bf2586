// The fan-out batch: one page of members, one presence lookup, one produce per gateway.
// Each gateway's produce is followed by a delivery record of the (gateway, user) pairs it
// carried; a retried batch reads the record and leaves those pairs out, so a user is not
// pushed the message twice even when presence changed between the attempts.
import type { ChatMessage, DownstreamBatch, Id } from '../contract/index.ts';
import { groupByGateway } from '../domain/fanout-plan.ts';
import { redisKeys } from '../repo/redis-keys.ts';
import type { ActivityDeps } from './deps.ts';
import { invalidArgument, notFound } from './errors.ts';

export interface FanoutBatchInput {
  message: ChatMessage;
  batchIndex: number;
  afterUserId: Id | null;
  limit: number;
}

export interface FanoutBatchResult {
  members: number;
  /** (gateway, user) pairs of this batch that have the message, whichever attempt pushed them. */
  recipients: number;
  /** Pairs left out because an earlier attempt of the batch pushed them. */
  skipped: number;
  gateways: number;
  lastUserId: Id | null;
  /** No members after this page. */
  last: boolean;
}

export function deliveryKey(messageId: Id, batchIndex: number): string {
  return redisKeys.fanoutDelivered(messageId, batchIndex);
}

export function fanoutActivities(deps: ActivityDeps) {
  return {
    async fanoutBatch({ message, batchIndex, afterUserId, limit }: FanoutBatchInput): Promise<FanoutBatchResult> {
      if (!Number.isInteger(limit) || limit < 1) throw invalidArgument(`batch size must be a positive integer, got ${limit}`);
      // One member more than the batch tells whether another batch follows.
      const page = await deps.members.page(message.conversationId, afterUserId, limit + 1);
      if (!page) throw notFound(`conversation ${message.conversationId} does not exist`);
      const members = page.slice(0, limit);
      const lastUserId = members.at(-1) ?? afterUserId;
      const last = page.length <= limit;
      if (members.length === 0) return { members: 0, recipients: 0, skipped: 0, gateways: 0, lastUserId, last };

      const key = deliveryKey(message.messageId, batchIndex);
      const [done, online] = await Promise.all([deps.deliveries.delivered(key), deps.presence.onlineGateways(members)]);
      let pushed = 0;
      let skipped = 0;
      const byGateway = groupByGateway(members, online);
      await Promise.all(
        [...byGateway].map(async ([gatewayId, userIds]) => {
          const todo = userIds.filter((u) => !done.has(pair(gatewayId, u)));
          skipped += userIds.length - todo.length;
          if (todo.length > 0) {
            const out: DownstreamBatch = { kind: 'message', userIds: todo, message };
            await deps.publish([{ topic: deps.topics.downstream(gatewayId), records: [{ key: message.conversationId, value: out }] }]);
            await deps.deliveries.record(key, todo.map((u) => pair(gatewayId, u)));
            deps.onFanoutProduced?.(deps.clock.now() - message.createdAt);
            pushed += todo.length;
          }
        }),
      );
      return { members: members.length, recipients: done.size + pushed, skipped, gateways: byGateway.size, lastUserId, last };
    },
  };
}

function pair(gatewayId: string, userId: Id): string {
  return `${gatewayId}|${userId}`;
}
