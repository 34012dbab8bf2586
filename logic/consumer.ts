// The upstream consumer. Records of one conversation share a partition (key = conversation id).
// Each Kafka batch is handled as a unit: its records are grouped by conversation, each group is
// stored in one transaction (conversations side by side), every resulting ack, message and
// dead letter is produced in one request, and only then are the offsets committed.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DeadLetter, UpstreamMessage } from '../bus/payloads.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { LogicDeps } from './deps.ts';
import { handleBatch, type SendOutcome } from './handle-batch.ts';
import { Outbox } from './outbox.ts';
import { parseUpstream } from './upstream-schema.ts';

export interface LogicConsumerOptions {
  kafka: Kafka;
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
  maxContentBytes: number;
  /** Conversations handled at once within a batch. */
  concurrency?: number;
  /** Most messages of one conversation stored in one transaction. */
  maxPerTransaction?: number;
  onOutcome?: (outcome: SendOutcome, latencyMs: number) => void;
  onError?: (err: unknown) => void;
  onLag?: (topic: string, partition: number, lag: number) => void;
}

/** Offsets are committed at most this often per partition; a replay after a crash is harmless. */
const COMMIT_INTERVAL_MS = 200;

export class LogicConsumer {
  private readonly consumer: Consumer;
  private readonly opts: LogicConsumerOptions;
  private readonly lastCommit = new Map<string, number>();
  /** Handled but not yet committed, per partition: the offset to resume from. */
  private readonly pending = new Map<string, { topic: string; partition: number; offset: string }>();
  private flusher: NodeJS.Timeout | undefined;

  constructor(opts: LogicConsumerOptions) {
    this.opts = opts;
    this.consumer = opts.kafka.consumer({
      groupId: opts.topics.logicGroup,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 20,
      maxBytesPerPartition: 1024 * 1024,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.opts.topics.upstream, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.onBatch(payload),
    });
    // Partitions that fell quiet right after a skipped commit get it here.
    this.flusher = setInterval(() => void this.flushCommits().catch((err: unknown) => this.opts.onError?.(err)), COMMIT_INTERVAL_MS * 2);
    this.flusher.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.flusher);
    await this.flushCommits().catch((err: unknown) => this.opts.onError?.(err));
    await this.consumer.disconnect();
  }

  private async flushCommits(): Promise<void> {
    if (this.pending.size === 0) return;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    await this.consumer.commitOffsets(offsets);
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const started = Date.now();
    const outbox = new Outbox();
    const byConversation = new Map<string, UpstreamMessage[]>();
    for (const m of batch.messages) {
      const parsed = parseUpstream(m.value, this.opts.maxContentBytes);
      if (!parsed.ok) {
        this.deadLetter(outbox, batch.topic, batch.partition, m, parsed.reason);
        continue;
      }
      let list = byConversation.get(parsed.message.conversationId);
      if (!list) byConversation.set(parsed.message.conversationId, (list = []));
      list.push(parsed.message);
    }

    let outcomes: SendOutcome[];
    try {
      outcomes = await handleBatch(
        {
          deps: this.opts.deps,
          topics: this.opts.topics,
          fanoutThreshold: this.opts.fanoutThreshold,
          concurrency: this.opts.concurrency ?? 16,
          maxPerTransaction: this.opts.maxPerTransaction ?? 200,
        },
        byConversation,
        outbox,
      );
    } catch (err) {
      // Transient (database, broker): nothing is produced or committed; the batch comes again
      // and the repeats are answered from what was stored.
      this.opts.onError?.(err);
      throw err;
    }
    for (const o of outcomes) {
      if (o.status === 'rejected' && o.code === 'NOT_FOUND') {
        this.deadLetter(outbox, batch.topic, batch.partition, null, o.reason, JSON.stringify(o.upstream));
      }
    }
    await this.opts.deps.publish(outbox.batches());
    const ms = Date.now() - started;
    for (const o of outcomes) this.opts.onOutcome?.(o, ms);

    payload.resolveOffset(batch.lastOffset());
    this.opts.onLag?.(batch.topic, batch.partition, Number(batch.offsetLag()));
    // With autoCommit off, only an explicit offset list commits. A restarted worker resumes
    // after the last commit; the few batches since are stored already and answer as repeats.
    const key = `${batch.topic}:${batch.partition}`;
    const now = Date.now();
    if (now - (this.lastCommit.get(key) ?? 0) >= COMMIT_INTERVAL_MS) {
      this.lastCommit.set(key, now);
      this.pending.delete(key);
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
    } else {
      this.pending.set(key, { topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() });
    }
    await payload.heartbeat();
  }

  private deadLetter(outbox: Outbox, topic: string, partition: number, m: KafkaMessage | null, reason: string, raw?: string): void {
    const letter: DeadLetter = { topic, partition, offset: m?.offset ?? '', reason, raw: raw ?? m?.value?.toString('utf8') ?? '' };
    outbox.add(this.opts.topics.deadLetter, { key: m?.key?.toString(), value: letter });
  }
}
