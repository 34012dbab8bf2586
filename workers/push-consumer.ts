// The push topic's consumer, in the worker process: each record (one stored message and the
// members who were offline) becomes one signal per member to that member's push workflow.
// Offsets are committed only once every signal of the batch went through; a record read again
// signals again, and the workflow keeps a message id once.
//
// Failures, as every consumer sorts them (bus/failures.ts):
// - invalid (not JSON, not the contract's shape): dead-lettered at once, the rest goes on;
// - poison (a signal refused for a reason that is not an outage): the record is tried a few
//   times alone, then dead-lettered;
// - transient (Temporal unreachable or busy): the batch is retried in place with backoff, the
//   group membership kept alive, readiness not-ready meanwhile.
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetter } from '../bus/dead-letters.ts';
import { backoffMs, describeError, heartbeatIfPossible, isTransient, waitInPlace } from '../bus/failures.ts';
import { CONSUMER_RETRY, type JsonRecord } from '../bus/kafka.ts';
import { SupervisedConsumer } from '../bus/supervised-consumer.ts';
import type { TopicNames } from '../bus/topics.ts';
import { notificationsOf, pushRecord, readJson, type Id, type PushNotification, type PushRecord } from '../contract/index.ts';

export interface PushConsumerOptions {
  kafka: Kafka;
  topics: TopicNames;
  /** Hands one notification to the user's push workflow (signal-with-start). */
  signal(userId: Id, notification: PushNotification): Promise<void>;
  /** Writes records to the dead-letter topic (resolves once Kafka has them). */
  produceDeadLetters(records: JsonRecord[]): Promise<void>;
  /** A record of a message older than this is dropped after its check, its notifications counted as stale (after a long outage its news is old). */
  maxAgeMs: number;
  now?: () => number;
  /** Signals in flight at once. */
  concurrency?: number;
  /** Tries of a record whose signals fail (not an outage) before it is dead-lettered. */
  poisonAttempts?: number;
  partitions?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  onSignalled?: (count: number) => void;
  onStale?: (count: number) => void;
  onDeadLetter?: (topic: string, letterClass: string, reason: string) => void;
  onError?: (err: unknown, failureClass: 'transient' | 'poison' | 'commit') => void;
  onGroupEvent?: (event: 'crash' | 'join', err?: unknown) => void;
}

interface Parsed {
  m: KafkaMessage;
  record: PushRecord;
}

export class PushConsumer {
  private readonly consumer: SupervisedConsumer;
  private readonly opts: PushConsumerOptions;
  private running = false;
  private degradedSince: number | undefined;
  readonly stats = { signals: 0, deadLetters: 0, stale: 0, transientRetries: 0 };

  constructor(opts: PushConsumerOptions) {
    this.opts = opts;
    this.consumer = new SupervisedConsumer({
      kafka: opts.kafka,
      config: {
        groupId: opts.topics.pushGroup,
        sessionTimeout: opts.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: opts.heartbeatIntervalMs ?? 3000,
        maxWaitTimeInMs: 250,
        retry: CONSUMER_RETRY,
      },
      // From the beginning for a new group: records produced before the first worker started
      // are still pushed (stale ones are dropped by age).
      subscriptions: [{ topics: [opts.topics.push], fromBeginning: true }],
      run: {
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: opts.partitions ?? 4,
        eachBatch: (payload) => this.onBatch(payload),
      },
      ...(opts.onGroupEvent ? { onGroupEvent: opts.onGroupEvent } : {}),
      onError: (err) => opts.onError?.(err, 'transient'),
    });
  }

  /** Consuming, and not stuck retrying an outage. */
  get ready(): boolean {
    return this.running && this.consumer.ready && this.degradedSince === undefined;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.stop();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const stillWanted = () => this.running && payload.isRunning() && !payload.isStale();
    const letters: JsonRecord[] = [];
    const valid: Parsed[] = [];
    const oldest = (this.opts.now ?? Date.now)() - this.opts.maxAgeMs;
    let stale = 0;
    for (const m of batch.messages) {
      const problem = check(m);
      if ('reason' in problem) letters.push(this.letter(batch.topic, batch.partition, m, 'invalid', problem.reason));
      else if (problem.record.createdAt < oldest) stale += problem.record.recipients.length;
      else valid.push({ m, record: problem.record });
    }

    const done = await this.untilDone(payload, stillWanted, () => this.signalAll(valid));
    if (done === undefined) return; // the partition was taken away or the consumer stops: nothing committed
    if (done === 'poison') {
      // Isolate: each record alone, so one that keeps failing cannot hold up the others.
      for (const record of valid) {
        const one = await this.alone(payload, record, stillWanted);
        if (one === undefined) return;
        if (one !== true) letters.push(one);
      }
    }
    if (letters.length > 0) {
      let failure: unknown;
      const sent = await this.untilDone(payload, stillWanted, async () => {
        await this.opts.produceDeadLetters(letters);
        return true;
      }, (err) => {
        failure = err;
      });
      // Dead letters Kafka refuses for good: the consumer restarts (backing off) rather than
      // fetching this batch again at once, and again.
      if (sent === 'poison') throw failure;
      if (sent !== true) return;
      for (const l of letters) {
        this.stats.deadLetters++;
        const v = l.value as { class: string; reason: string };
        this.opts.onDeadLetter?.(batch.topic, v.class, v.reason);
      }
    }
    if (stale > 0) {
      this.stats.stale += stale;
      this.opts.onStale?.(stale);
    }
    payload.resolveOffset(batch.lastOffset());
    try {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
    } catch (err) {
      // The next batch's commit covers this one; if none comes, a restart signals these again
      // and the workflows drop the repeats.
      this.opts.onError?.(err, 'commit');
    }
    await payload.heartbeat().catch(() => undefined);
  }

  /** Every notification of the records: users side by side, each user's in record order. */
  private async signalAll(records: Parsed[]): Promise<true> {
    const byUser = new Map<Id, PushNotification[]>();
    for (const { record } of records) {
      for (const { userId, notification } of notificationsOf(record)) {
        let list = byUser.get(userId);
        if (!list) byUser.set(userId, (list = []));
        list.push(notification);
      }
    }
    const queue = [...byUser];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [userId, notifications] = next;
        for (const n of notifications) {
          await this.opts.signal(userId, n);
          this.stats.signals++;
          this.opts.onSignalled?.(1);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 16, queue.length) }, worker));
    return true;
  }

  /** One record alone, a few times; its dead letter when it keeps failing. */
  private async alone(payload: EachBatchPayload, record: Parsed, stillWanted: () => boolean): Promise<true | JsonRecord | undefined> {
    const attempts = this.opts.poisonAttempts ?? 3;
    let failure: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const r = await this.untilDone(payload, stillWanted, () => this.signalAll([record]), (err) => {
        failure = err;
      });
      if (r !== 'poison') return r;
      if (attempt < attempts) await waitInPlace(backoffMs(attempt, 100, 1000), () => heartbeatIfPossible(payload), stillWanted);
    }
    return this.letter(payload.batch.topic, payload.batch.partition, record.m, 'failed', 'signalling the push workflow failed after retries', describeError(failure));
  }

  /**
   * Runs `work` until it succeeds, retrying transient failures in place; 'poison' for any other
   * failure; undefined when the partition is no longer ours or the consumer stops.
   */
  private async untilDone<T extends NonNullable<unknown>>(payload: EachBatchPayload, stillWanted: () => boolean, work: () => Promise<T>, onPoison?: (err: unknown) => void): Promise<T | 'poison' | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (!stillWanted()) return undefined;
      try {
        const result = await work();
        this.degradedSince = undefined;
        return result;
      } catch (err) {
        if (!isTransient(err)) {
          this.opts.onError?.(err, 'poison');
          onPoison?.(err);
          return 'poison';
        }
        this.stats.transientRetries++;
        this.degradedSince ??= Date.now();
        this.opts.onError?.(err, 'transient');
        await waitInPlace(backoffMs(attempt, 200, 5000), () => heartbeatIfPossible(payload), stillWanted);
      }
    }
  }

  private letter(topic: string, partition: number, m: KafkaMessage, cls: 'invalid' | 'failed', reason: string, error?: string): JsonRecord {
    return deadLetter({ topic, partition, message: m, group: this.opts.topics.pushGroup }, { class: cls, reason, ...(error ? { error } : {}) });
  }
}

/** The record, checked against the contract; never throws. */
function check(m: KafkaMessage): { record: PushRecord } | { reason: string } {
  try {
    const json = readJson(m.value);
    if (!json.ok) return { reason: json.reason };
    const problem = pushRecord.problem(json.value);
    if (problem) return { reason: `${problem.field}: ${problem.problem}` };
    return { record: json.value as PushRecord };
  } catch (err) {
    return { reason: `unreadable: ${describeError(err)}` };
  }
}
