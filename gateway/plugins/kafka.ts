// Kafka for the gateway: one JSON producer (upstream sends, recall and other
// events) and an admin probe for readiness. Decorates `app.kafka`; disconnects on close.
import fp from 'fastify-plugin';
import type { Kafka } from 'kafkajs';
import { CoalescingProducer } from '../../bus/coalescing-producer.ts';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import { topicNames, type TopicNames } from '../../bus/topics.ts';
import type { Config } from '../../config/index.ts';

export interface GatewayKafka {
  client: Kafka;
  producer: JsonProducer;
  /**
   * The same producer, with records from concurrent callers (sockets, requests) coalesced into
   * one request: use it for everything sent per client action.
   */
  coalesced: CoalescingProducer;
  topics: TopicNames;
  /** Resolves when a broker answers a metadata request. */
  ping(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    kafka: GatewayKafka;
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const client = createKafka(config, `-gateway-${config.gatewayId}`, app.log);
    const topics = topicNames(config.kafka.topicSuffix);
    await ensureTopics(client, [
      { topic: topics.upstream, numPartitions: config.kafka.upstreamPartitions },
      ...topics.eventTopics.map((topic) => ({ topic })),
      { topic: topics.sessionEvents },
      { topic: topics.downstream(config.gatewayId) },
      { topic: topics.deadLetter },
    ], config.kafka.replication);
    const admin = client.admin();
    await admin.connect();
    const producer = new JsonProducer(client);
    await producer.connect();
    app.decorate('kafka', {
      client,
      producer,
      coalesced: new CoalescingProducer(producer),
      topics,
      async ping() {
        await admin.describeCluster();
      },
    });
    app.addHook('onClose', async () => {
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
    });
  },
  { name: 'gochat-kafka', fastify: '5.x' },
);
