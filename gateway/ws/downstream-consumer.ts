// Each gateway consumes its own downstream topic (messages, acks, errors for its sockets), the
// event topics (read receipts, recalls, presence, friend and conversation events) and the
// session topic (token revocations), and pushes what concerns its local connections. Each
// process reads through a consumer group of its own, so a restarted gateway joins at once; its
// place in the downstream topic survives restarts in DownstreamPositions. Every record is checked against the contract first: one that fails,
// or whose dispatch throws, is dead-lettered and the partition moves on.
import { randomBytes } from 'node:crypto';
import type { Admin, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetter } from '../../bus/dead-letters.ts';
import { backoffMs, describeError, isTransient, waitInPlace } from '../../bus/failures.ts';
import { CONSUMER_RETRY, type JsonRecord } from '../../bus/kafka.ts';
import { SupervisedConsumer } from '../../bus/supervised-consumer.ts';
import type { TopicNames } from '../../bus/topics.ts';
import { downstreamRecord, eventRecord, readJson, sessionRecord, type DownstreamBatch, type EventEnvelope, type SessionEvent } from '../../contract/index.ts';
import { traceDeliver } from '../../telemetry/spans.ts';
import { isTracing } from '../../telemetry/tracing.ts';
import type { ConnectionRegistry } from './connections.ts';
import { dispatchDownstream, dispatchEvent } from './dispatch.ts';
import { DownstreamPositions, type PositionStore } from './downstream-positions.ts';

/**
 * How often the place in the downstream topic is stored (one small upsert, skipped when nothing
 * moved); a restart replays at most this much, and clients drop what they already have by id.
 */
const POSITION_SAVE_MS = 1000;

export interface DownstreamConsumerOptions {
  kafka: Kafka;
  topics: TopicNames;
  gatewayId: string;
  /** Where this gateway is in its downstream topic, kept across restarts. */
  positionsStore: PositionStore;
  registry: ConnectionRegistry;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Writes records to the dead-letter topic (resolves once Kafka has them). */
  produceDeadLetters(records: JsonRecord[]): Promise<void>;
  onSessionEvent(event: SessionEvent): void;
  /** Every event record, after it was pushed to local sockets. */
  onEvent?: (envelope: EventEnvelope) => void;
  onDeadLetter(topic: string, letterClass: string, reason: string): void;
  onError(err: unknown, context: string): void;
  /** The consumer crashed (the Kafka client restarts it) or joined its group. */
  onGroupEvent?: (event: 'crash' | 'join', err?: unknown) => void;
  onLag(topic: string, partition: number, lag: number): void;
  /** A record of this gateway's own topic was pushed to its sockets. */
  onDelivered?: (record: DownstreamBatch) => void;
}

export class DownstreamConsumer {
  private readonly consumer: SupervisedConsumer;
  private readonly downstreamTopic: string;
  private readonly group: string;
  private readonly opts: DownstreamConsumerOptions;
  /** Only for the topic's end offsets, where a partition without a stored position starts. */
  private readonly admin: Admin;
  private readonly positions: DownstreamPositions;
  private saver: NodeJS.Timeout | undefined;
  private loaded = false;
  private running = false;
  private deadLetters = 0;

  constructor(opts: DownstreamConsumerOptions) {
    this.opts = opts;
    this.downstreamTopic = opts.topics.downstream(opts.gatewayId);
    this.group = opts.topics.gatewayGroup(opts.gatewayId);
    this.admin = opts.kafka.admin();
    this.positions = new DownstreamPositions(opts.positionsStore, () => this.admin.fetchTopicOffsets(this.downstreamTopic));
    this.consumer = new SupervisedConsumer({
      kafka: opts.kafka,
      config: {
        groupId: `${this.group}.${randomBytes(4).toString('hex')}`,
        // A fetch returns at the first record (minBytes 1); the wait only spaces idle polls.
        maxWaitTimeInMs: 250,
        sessionTimeout: opts.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: opts.heartbeatIntervalMs ?? 3000,
        retry: CONSUMER_RETRY,
      },
      // The gateway's own topic from its stored position (onJoin), so nothing produced for it
      // is skipped across a restart; events from now on only.
      subscriptions: [
        { topics: [this.downstreamTopic], fromBeginning: true },
        { topics: [...opts.topics.eventTopics, opts.topics.sessionEvents], fromBeginning: false },
      ],
      run: { autoCommit: false, partitionsConsumedConcurrently: 4, eachBatch: (payload) => this.onBatch(payload) },
      onJoin: (seek) => {
        for (const [partition, offset] of this.positions.entries()) seek(this.downstreamTopic, partition, offset);
      },
      ...(opts.onGroupEvent ? { onGroupEvent: opts.onGroupEvent } : {}),
      onError: (err, context) => opts.onError(err, context),
    });
  }

  get stats(): { crashes: number; groupJoins: number; deadLetters: number } {
    return { ...this.consumer.stats, deadLetters: this.deadLetters };
  }

  /** Consuming: frames for this gateway's sockets are being delivered. */
  get ready(): boolean {
    return this.consumer.ready;
  }

  /**
   * Connects and starts consuming; resolves before the group is joined (a restarted gateway
   * may wait for its dead predecessor's session to expire), so `ready` tells when it delivers.
   */
  async start(): Promise<void> {
    if (!this.loaded) {
      await this.admin.connect();
      await this.positions.load();
      this.loaded = true;
    }
    this.running = true;
    await this.consumer.start();
    this.saver ??= setInterval(() => void this.positions.save().catch((err: unknown) => this.opts.onError(err, 'saving downstream positions')), POSITION_SAVE_MS);
    this.saver.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.saver);
    await this.consumer.stop();
    await this.positions.save().catch((err: unknown) => this.opts.onError(err, 'saving downstream positions'));
    await this.admin.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const letters: JsonRecord[] = [];
    const own = batch.topic === this.downstreamTopic;
    for (const m of batch.messages) {
      // Before the seek takes hold, a fetch may start below the stored position: delivered already.
      if (own && !this.positions.wanted(batch.partition, m.offset)) continue;
      const problem = this.deliver(batch.topic, batch.partition, m);
      if (problem) letters.push(deadLetter({ topic: batch.topic, partition: batch.partition, message: m, group: this.group }, problem));
    }
    if (letters.length > 0) {
      // Kafka being down is the one reason this can fail: wait for it in place.
      for (let attempt = 0; this.running && payload.isRunning() && !payload.isStale(); attempt++) {
        try {
          await this.opts.produceDeadLetters(letters);
          for (const l of letters) {
            this.deadLetters++;
            const v = l.value as { class: string; reason: string };
            this.opts.onDeadLetter(batch.topic, v.class, v.reason);
          }
          break;
        } catch (err) {
          if (!isTransient(err)) throw err;
          this.opts.onError(err, 'dead-letter produce');
          await waitInPlace(backoffMs(attempt), () => payload.heartbeat().catch(() => undefined), () => this.running && payload.isRunning());
        }
      }
    }
    payload.resolveOffset(batch.lastOffset());
    if (own && batch.messages.length > 0) this.positions.advance(batch.partition, batch.lastOffset());
    this.opts.onLag(batch.topic, batch.partition, Number(batch.offsetLagLow()));
    await payload.heartbeat();
  }

  /** Pushes one record to local sockets; what went wrong when it cannot be. */
  private deliver(topic: string, partition: number, m: KafkaMessage): { class: 'invalid' | 'failed'; reason: string; error?: string } | undefined {
    let checked: { kind: 'downstream' | 'session' | 'event'; value: unknown } | { class: 'invalid'; reason: string };
    try {
      checked = this.check(topic, m);
    } catch (err) {
      return { class: 'invalid', reason: `unreadable: ${describeError(err)}` };
    }
    if ('class' in checked) return checked;
    const { kind, value: v } = checked;
    try {
      if (kind === 'downstream') {
        const record = v as DownstreamBatch;
        // Traced, a record whose producer sent a trace context is a `deliver` span in that trace.
        if (isTracing()) traceDeliver(m.headers, { topic, partition, offset: m.offset }, record, () => dispatchDownstream(this.opts.registry, record));
        else dispatchDownstream(this.opts.registry, record);
        this.opts.onDelivered?.(record);
      } else if (kind === 'session') this.opts.onSessionEvent(v as SessionEvent);
      else {
        dispatchEvent(this.opts.registry, v as EventEnvelope);
        this.opts.onEvent?.(v as EventEnvelope);
      }
      return undefined;
    } catch (err) {
      // Pushing is local (no dependency to wait for), and repeating it could send a frame twice:
      // a record whose dispatch throws is not retried.
      this.opts.onError(err, `dispatch of a record on ${topic}`);
      return { class: 'failed', reason: 'dispatch threw', error: describeError(err) };
    }
  }

  /** The record's value, checked against the contract of its topic. */
  private check(topic: string, m: KafkaMessage): { kind: 'downstream' | 'session' | 'event'; value: unknown } | { class: 'invalid'; reason: string } {
    const json = readJson(m.value);
    if (!json.ok) return { class: 'invalid', reason: json.reason };
    const kind = topic === this.downstreamTopic ? 'downstream' : topic === this.opts.topics.sessionEvents ? 'session' : 'event';
    const v = json.value;
    const problem = kind === 'downstream' ? downstreamRecord.problem(v) : kind === 'session' ? sessionRecord.problem(v) : eventRecord.problem(v);
    if (problem) return { class: 'invalid', reason: `${problem.field}: ${problem.problem}` };
    return { kind, value: v };
  }
}
