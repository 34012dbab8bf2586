// The logic worker's dependencies on the real services: repo functions (MySQL, Redis caches and
// presence), the Kafka producer and the Temporal fan-out workflow.
import type { Client } from '@temporalio/client';
import type { RedisClient } from '../repo/redis.ts';
import { CoalescingProducer } from '../bus/coalescing-producer.ts';
import type { JsonProducer } from '../bus/kafka.ts';
import type { Config } from '../config/index.ts';
import { getMemberIdsOf, getOnlineGateways, getUsers, publishVersions, repoCtx, saveMessagesAcross, type Orm } from '../repo/index.ts';
import { startFanoutWorkflow } from '../temporal/fanout.ts';
import type { LogicDeps } from './deps.ts';
import { StoreCoalescer } from './store-coalescer.ts';

/** Most messages in a transaction several batches share (a Kafka batch is stored in chunks of up to 1,000). */
const MAX_SHARED_MESSAGES = 1000;

export function createLogicDeps(opts: {
  orm: Orm;
  redis: RedisClient;
  producer: JsonProducer;
  temporal: Client;
  config: Config;
  onCacheRead?: (cache: string, hit: boolean) => void;
}): LogicDeps {
  const { orm, redis, producer, temporal, config } = opts;
  const ctx = () => repoCtx(orm, redis, opts.onCacheRead);
  // The partitions' batches finish side by side; their records leave in one produce request
  // instead of one request each waiting behind the others (one request in flight).
  const coalesced = new CoalescingProducer(producer, 2000);
  // Likewise their stores share a transaction (a round waits for the one out).
  // The versions are published by each batch beside its presence lookup (handle-batch.ts).
  const store = new StoreCoalescer((groups) => saveMessagesAcross(ctx(), groups, { maxContentBytes: config.chat.maxContentBytes, membersUpTo: config.chat.fanoutThreshold, deferVersions: true }), {
    maxMessages: MAX_SHARED_MESSAGES,
    maxInFlight: config.kafka.logicStoreTransactions,
  });
  return {
    saveAll: (groups) => store.saveAll(groups),
    getMembersOf: (conversationIds) => getMemberIdsOf(ctx(), conversationIds),
    async getSenders(userIds) {
      const users = userIds.length === 0 ? [] : await getUsers(ctx(), userIds);
      return new Map(users.map((u) => [u.id, { id: u.id, username: u.username, nickname: u.nickname, avatarUrl: u.avatarUrl }]));
    },
    getOnlineGateways: (userIds) => getOnlineGateways(redis, userIds),
    publishVersions: (bumps) => publishVersions(redis, bumps),
    async publish(batch) {
      await Promise.all(batch.map(({ topic, records }) => coalesced.send(topic, records)));
    },
    async startLargeFanout(message, memberCount) {
      await startFanoutWorkflow(temporal, config, { message, memberCount });
    },
  };
}
