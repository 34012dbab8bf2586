// The logic worker's dependencies on the real services: repo functions (MySQL, Redis caches and
// presence), the Kafka producer and the Temporal fan-out workflow.
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { JsonProducer } from '../bus/kafka.ts';
import type { Config } from '../config/index.ts';
import {
  getConversation,
  getMemberIds,
  getMembership,
  ConflictError,
  ForbiddenError,
  getUser,
  NotFoundError,
  repoCtx,
  ValidationError,
  saveMessage,
  type Orm,
} from '../repo/index.ts';
import { getOnlineGateways } from '../repo/presence/presence.ts';
import { startFanoutWorkflow } from '../temporal/fanout.ts';
import { SendRefused, type LogicDeps } from './deps.ts';

/** Repo refusals are final: the sender gets an error, the record is not retried. */
function refusal(err: unknown): unknown {
  if (err instanceof ForbiddenError) return new SendRefused('NOT_CONVERSATION_MEMBER', err.message);
  if (err instanceof ValidationError) return new SendRefused('VALIDATION_ERROR', err.message);
  if (err instanceof ConflictError) return new SendRefused('CONFLICT', err.message);
  if (err instanceof NotFoundError) return new SendRefused('NOT_FOUND', err.message);
  return err;
}

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
    async getConversation(id) {
      const c = await getConversation(ctx(), id);
      return c && { id: c.id, type: c.type, memberCount: c.memberCount };
    },
    async getMembership(conversationId, userId) {
      const m = await getMembership(ctx(), conversationId, userId);
      return m && { muted: m.muted };
    },
    saveMessage: (input) =>
      saveMessage(ctx(), input, { maxContentBytes: config.chat.maxContentBytes }).catch((err: unknown) => {
        throw refusal(err);
      }),
    // Only called for conversations at or under the fan-out threshold: one page holds them all.
    getMemberIds: (conversationId) => getMemberIds(ctx(), conversationId, { limit: config.chat.fanoutThreshold + 1 }),
    async getSenderInfo(userId) {
      const u = await getUser(ctx(), userId);
      return u && { id: u.id, username: u.username, nickname: u.nickname, avatarUrl: u.avatarUrl };
    },
    getOnlineGateways: (userIds) => getOnlineGateways(redis, userIds),
    publish: (batch) => producer.sendBatch(batch),
    async startLargeFanout(message, memberCount) {
      await startFanoutWorkflow(temporal, config, { message, memberCount });
    },
  };
}
