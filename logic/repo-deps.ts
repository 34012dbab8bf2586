// The logic worker's dependencies on the real services: repo functions (MySQL, Redis caches and
// presence), the Kafka producer and the Temporal fan-out workflow.
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { JsonProducer } from '../bus/kafka.ts';
import type { Config } from '../config/index.ts';
import { getMemberIdsOf, getOnlineGateways, getUsers, repoCtx, saveMessagesAcross, type Orm } from '../repo/index.ts';
import { startFanoutWorkflow } from '../temporal/fanout.ts';
import type { LogicDeps } from './deps.ts';

export function createLogicDeps(opts: {
  orm: Orm;
  redis: Redis;
  producer: JsonProducer;
  temporal: Client;
  config: Config;
  onCacheRead?: (cache: string, hit: boolean) => void;
}): LogicDeps {
  const { orm, redis, producer, temporal, config } = opts;
  const ctx = () => repoCtx(orm, redis, opts.onCacheRead);
  return {
    saveAll: (groups) => saveMessagesAcross(ctx(), groups, { maxContentBytes: config.chat.maxContentBytes }),
    getMembersOf: (conversationIds) => getMemberIdsOf(ctx(), conversationIds),
    async getSenders(userIds) {
      const users = userIds.length === 0 ? [] : await getUsers(ctx(), userIds);
      return new Map(users.map((u) => [u.id, { id: u.id, username: u.username, nickname: u.nickname, avatarUrl: u.avatarUrl }]));
    },
    getOnlineGateways: (userIds) => getOnlineGateways(redis, userIds),
    publish: (batch) => producer.sendBatch(batch),
    async startLargeFanout(message, memberCount) {
      await startFanoutWorkflow(temporal, config, { message, memberCount });
    },
  };
}
