// The upstream consumer. Records of one conversation share a partition (key = conversation id)
// and are handled in order; different conversations in a batch run side by side. Offsets are
// committed only after every record before them is stored and handed on.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DeadLetter } from '../bus/payloads.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { LogicDeps } from './deps.ts';
import { handleSend, type SendOutcome } from './handle-send.ts';
import { parseUpstream } from './upstream-schema.ts';

export interface LogicConsumerOptions {
  kafka: Kafka;
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
  maxContentBytes: number;
  /** Conversations handled at once within a batch. */
  concurrency?: number;
  onOutcome?: (outcome: SendOutcome, latencyMs: number) => void;
  onError?: (err: unknown) => void;
  onLag?: (topic: string, partition: number, lag: number) => void;
}

/** Errors that no retry can fix (bad data): the record goes to the dead-letter topic. */
export function isPoisonError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { retryable?: unknown }).retryable === false;
}

export class LogicConsumer {
  private readonly consumer: Consumer;
  private readonly opts: LogicConsumerOptions;

  constructor(opts: LogicConsumerOptions) {
    this.opts = opts;
    this.consumer = opts.kafka.consumer({
      groupId: opts.topics.logicGroup,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
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
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const live = () => payload.isRunning() && !payload.isStale();
    const byConversation = new Map<string, KafkaMessage[]>();
    for (const m of batch.messages) {
      const key = m.key?.toString() ?? '';
      let list = byConversation.get(key);
      if (!list) byConversation.set(key, (list = []));
      list.push(m);
    }
    const queues = [...byConversation.values()];
    const concurrency = this.opts.concurrency ?? 16;
    const work = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) {
        for (const m of q) {
          if (!live()) return;
          await this.handleRecord(batch.topic, batch.partition, m);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, work));
    if (!live()) return;
    // Every record of the batch is done (a failure above throws and nothing is committed).
    payload.resolveOffset(batch.lastOffset());
    this.opts.onLag?.(batch.topic, batch.partition, Number(batch.offsetLag()));
    await payload.commitOffsetsIfNecessary();
    await payload.heartbeat();
  }

  private async handleRecord(topic: string, partition: number, m: KafkaMessage): Promise<void> {
    const started = Date.now();
    const parsed = parseUpstream(m.value, this.opts.maxContentBytes);
    if (!parsed.ok) return this.deadLetter(topic, partition, m, parsed.reason);
    try {
      const outcome = await handleSend(
        { deps: this.opts.deps, topics: this.opts.topics, fanoutThreshold: this.opts.fanoutThreshold },
        parsed.message,
      );
      this.opts.onOutcome?.(outcome, Date.now() - started);
      if (outcome.status === 'rejected' && outcome.code === 'NOT_FOUND') {
        await this.deadLetter(topic, partition, m, outcome.reason);
      }
    } catch (err) {
      if (!isPoisonError(err)) {
        this.opts.onError?.(err);
        throw err; // transient (database, broker): the batch is retried, nothing is committed
      }
      await this.deadLetter(topic, partition, m, err instanceof Error ? err.message : String(err));
    }
  }

  private async deadLetter(topic: string, partition: number, m: KafkaMessage, reason: string): Promise<void> {
    const letter: DeadLetter = { topic, partition, offset: m.offset, reason, raw: m.value?.toString('utf8') ?? '' };
    await this.opts.deps.publish([{ topic: this.opts.topics.deadLetter, records: [{ key: m.key?.toString(), value: letter }] }]);
  }
}
