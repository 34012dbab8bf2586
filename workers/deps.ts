// The activities' deps on the real services: repo functions over MySQL and Redis, the Kafka
// producer, the wall clock. Repo errors that no retry can fix become non-retryable failures.
import type { RedisClient } from '../repo/redis.ts';
import type { ActivityDeps } from '../activities/index.ts';
import { redisDeliveryLog } from '../activities/delivery-log.ts';
import { failFast } from '../activities/errors.ts';
import type { PushReport } from '../activities/push-deps.ts';
import { httpPushWebhook } from '../activities/push-webhook.ts';
import { redisPresence, repoFriends, repoMembers, repoPushAudience } from '../activities/repo-ports.ts';
import type { JsonProducer } from '../bus/kafka.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { PushConfig } from '../config/push.ts';
import { repoCtx, type Orm } from '../repo/index.ts';

export function createActivityDeps(opts: {
  orm: Orm;
  redis: RedisClient;
  producer: JsonProducer;
  topics: TopicNames;
  onFanoutProduced?: (latencyMs: number) => void;
  /** Offline push, when config.push.enabled. */
  push?: { config: PushConfig; report?: (report: PushReport) => void };
}): ActivityDeps {
  const { orm, redis, producer, topics } = opts;
  const ctx = () => repoCtx(orm, redis);
  const push = opts.push;
  return {
    friends: failFast(repoFriends(ctx)),
    members: failFast(repoMembers(ctx)),
    presence: failFast(redisPresence(redis)),
    deliveries: redisDeliveryLog(redis),
    publish: (batch) => producer.sendBatch(batch),
    topics,
    clock: { now: () => Date.now() },
    ...(opts.onFanoutProduced ? { onFanoutProduced: opts.onFanoutProduced } : {}),
    ...(push ? {
      push: {
        audience: failFast({ audience: repoPushAudience(ctx) }).audience,
        webhook: httpPushWebhook({ url: push.config.webhookUrl, secret: push.config.webhookSecret, timeoutMs: push.config.requestTimeoutMs }),
        maxAgeMs: push.config.retry.giveUpMs,
        ...(push.report ? { report: push.report } : {}),
      },
    } : {}),
  };
}
