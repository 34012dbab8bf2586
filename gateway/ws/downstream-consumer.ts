// Each gateway consumes its own downstream topic (messages, acks, errors for its sockets) and
// the event topics (read receipts, recalls, presence, friend and conversation events), in a
// consumer group of its own, and pushes what concerns its local connections.
import type { Consumer, Kafka } from 'kafkajs';
import type { DownstreamBatch, EventEnvelope } from '../../bus/payloads.ts';
import type { TopicNames } from '../../bus/topics.ts';
import type { ConnectionRegistry } from './connections.ts';
import { dispatchDownstream, dispatchEvent } from './dispatch.ts';

export class DownstreamConsumer {
  private readonly consumer: Consumer;
  private readonly downstreamTopic: string;
  private readonly kafka: Kafka;
  private readonly topics: TopicNames;
  private readonly registry: ConnectionRegistry;
  private readonly onBadRecord: (topic: string, err: unknown) => void;
  private readonly onLag: (topic: string, partition: number, lag: number) => void;

  constructor(opts: {
    kafka: Kafka;
    topics: TopicNames;
    gatewayId: string;
    registry: ConnectionRegistry;
    onBadRecord: (topic: string, err: unknown) => void;
    onLag: (topic: string, partition: number, lag: number) => void;
  }) {
    this.kafka = opts.kafka;
    this.topics = opts.topics;
    this.registry = opts.registry;
    this.onBadRecord = opts.onBadRecord;
    this.onLag = opts.onLag;
    this.downstreamTopic = opts.topics.downstream(opts.gatewayId);
    this.consumer = opts.kafka.consumer({ groupId: opts.topics.gatewayGroup(opts.gatewayId), maxWaitTimeInMs: 20, heartbeatInterval: 3000 });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    // The gateway's own topic is read from its committed offset (or the start, for a new
    // gateway id), so nothing produced for it is skipped; events from now on only.
    await this.consumer.subscribe({ topics: [this.downstreamTopic], fromBeginning: true });
    await this.consumer.subscribe({ topics: this.topics.eventTopics, fromBeginning: false });
    const joined = new Promise<void>((resolve) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await this.consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const isEvent = batch.topic !== this.downstreamTopic;
        for (const m of batch.messages) {
          try {
            const value = JSON.parse(m.value?.toString('utf8') ?? 'null') as unknown;
            if (isEvent) dispatchEvent(this.registry, value as EventEnvelope);
            else dispatchDownstream(this.registry, value as DownstreamBatch);
          } catch (err) {
            this.onBadRecord(batch.topic, err);
          }
          payload.resolveOffset(m.offset);
        }
        this.onLag(batch.topic, batch.partition, Number(batch.offsetLagLow()));
        await payload.heartbeat();
      },
    });
    await joined;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
