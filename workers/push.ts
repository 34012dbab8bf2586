// Offline push in the worker process, when PUSH_WEBHOOK_URL is set: the push topic's consumer,
// which signals each recipient's push workflow through the Temporal client.
import type { Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { JsonProducer } from '../bus/kafka.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { Config } from '../config/index.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { Logger } from '../runtime/logger.ts';
import { signalPushNotification } from '../temporal/push.ts';
import { PushConsumer } from './push-consumer.ts';

export async function startPushConsumer(opts: { kafka: Kafka; topics: TopicNames; config: Config; client: Client; producer: JsonProducer; metrics: Metrics; logger: Logger }): Promise<PushConsumer> {
  const { kafka, topics, config, client, producer, metrics, logger } = opts;
  if (!config.push.webhookSecret) logger.warn('PUSH_WEBHOOK_SECRET is not set: push webhook requests go out unsigned');
  const consumer = new PushConsumer({
    kafka,
    topics,
    signal: (userId, notification) => signalPushNotification(client, config, userId, notification),
    produceDeadLetters: (records) => producer.send(topics.deadLetter, records),
    maxAgeMs: config.push.retry.giveUpMs,
    partitions: config.kafka.upstreamPartitions,
    sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    heartbeatIntervalMs: config.kafka.heartbeatIntervalMs,
    onSignalled: (n) => metrics.pushSignals.inc(n),
    onStale: (n) => metrics.pushSkipped.inc({ reason: 'stale' }, n),
    onDeadLetter: (topic, letterClass, reason) => {
      metrics.deadLetters.inc({ topic });
      logger.warn({ topic, letterClass, reason }, 'dead-lettered a record');
    },
    onError: (err, failureClass) => {
      if (failureClass === 'transient') {
        metrics.consumerRetries.inc({ group: topics.pushGroup });
        logger.warn({ err }, 'Temporal is unreachable, retrying the push batch in place');
      } else if (failureClass === 'poison') {
        logger.error({ err }, 'a push record failed to process; it is isolated and retried, then dead-lettered');
      } else {
        logger.warn({ err }, 'committing push offsets failed; the next commit covers them');
      }
    },
    onGroupEvent: (event, err) => {
      if (event === 'join') metrics.consumerRejoins.inc({ group: topics.pushGroup });
      else {
        metrics.consumerCrashes.inc({ group: topics.pushGroup });
        logger.error({ err }, 'push consumer crashed');
      }
    },
  });
  await consumer.start();
  return consumer;
}
