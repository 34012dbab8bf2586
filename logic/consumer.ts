// The upstream consumer. Records of one conversation share a partition (key = conversation id).
// Each Kafka batch is handled as a unit: its records are grouped by conversation, each group is
// stored in one transaction (conversations side by side), every resulting ack, message and
// dead letter is produced in one request, and only then are the offsets committed.
//
// Failures fall in three classes (docs/protocol.md, "Failure classes"):
// - refusal (invalid, not a member, muted, not found, conflict): the sender gets an error, the
//   offset moves on;
// - poison (processing throws for a reason that is not an outage): the batch is split, every
//   other record is handled in order, the failing one is tried a few times, then dead-lettered
//   and its sender gets INTERNAL_ERROR with a request id;
// - transient (MariaDB, Redis, Kafka or Temporal unreachable): the same records are retried in
//   place with jittered backoff, the group membership kept alive, readiness not-ready meanwhile.
import { randomUUID } from 'node:crypto';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetter } from '../bus/dead-letters.ts';
import { backoffMs, describeError, heartbeatIfPossible, isTransient, waitInPlace } from '../bus/failures.ts';
import { CONSUMER_RETRY, type JsonRecord } from '../bus/kafka.ts';
import { SupervisedConsumer } from '../bus/supervised-consumer.ts';
import type { TopicNames } from '../bus/topics.ts';
import { isClientMsgId, isGatewayId, isId, type DownstreamBatch, type UpstreamMessage } from '../contract/index.ts';
import { BatchTraces } from '../telemetry/batch-traces.ts';
import type { LogicDeps } from './deps.ts';
import { handleBatch, type SendOutcome } from './handle-batch.ts';
import { Outbox } from './outbox.ts';
import type { PushRule } from './push-records.ts';
import { parseUpstream } from './upstream-schema.ts';

export interface LogicConsumerOptions {
  kafka: Kafka;
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
  maxContentBytes: number;
  /** Most messages stored in one transaction (a batch above it is stored in several). */
  maxPerTransaction?: number;
  /** Offline push; absent when it is off. */
  push?: PushRule;
  /** Members of the consumer group this process runs (default 1): each fetches its partitions on its own. */
  members?: number;
  /** Tries of a record that throws (not an outage) before it is dead-lettered. */
  poisonAttempts?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  onOutcome?: (outcome: SendOutcome, latencyMs: number) => void;
  /** A record given up on, with its class. */
  onDeadLetter?: (topic: string, letterClass: string, reason: string) => void;
  /** An error retried in place (transient) or isolated (poison). */
  onError?: (err: unknown, failureClass: 'transient' | 'poison') => void;
  /** The consumer crashed (the Kafka client restarts it) or joined its group. */
  onGroupEvent?: (event: 'crash' | 'join', err?: unknown) => void;
  onLag?: (topic: string, partition: number, lag: number) => void;
}

/**
 * Offsets are committed this often, for every partition at once and off the batches' path (a
 * commit inside a batch held that partition's next batch for a Kafka round trip). A restarted
 * worker replays at most this much: stored already, those sends answer as repeats.
 */
const COMMIT_INTERVAL_MS = 250;

interface Parsed {
  m: KafkaMessage;
  message: UpstreamMessage;
}

export interface ConsumerStats {
  crashes: number;
  groupJoins: number;
  deadLetters: number;
  transientRetries: number;
  /** Since when the consumer has been retrying a transient failure (undefined: it is not). */
  degradedSince: number | undefined;
  lastError: string | undefined;
}

/** Group members per process by default (see `members`). */
const DEFAULT_MEMBERS = 1;

/** One group member: its consumer and what it handled but has not committed, per partition. */
interface Member {
  consumer: SupervisedConsumer;
  pending: Map<string, { topic: string; partition: number; offset: string }>;
}

export class LogicConsumer {
  private readonly members: Member[];
  private readonly opts: LogicConsumerOptions;
  private flusher: NodeJS.Timeout | undefined;
  private running = false;
  private draining = false;
  private inFlight = 0;
  private readonly own = { deadLetters: 0, transientRetries: 0, degradedSince: undefined as number | undefined, lastError: undefined as string | undefined };

  constructor(opts: LogicConsumerOptions) {
    this.opts = opts;
    // The Kafka client fetches, then waits for every batch of the fetch before fetching again:
    // one consumer holding all partitions made each partition wait for the slowest transaction
    // of the fetch. Several members of the group in one process each fetch their own share, so
    // a partition waits only for its own batches. A partition's batches stay one after another,
    // so order per conversation holds.
    this.members = Array.from({ length: opts.members ?? DEFAULT_MEMBERS }, () => this.member());
  }

  private member(): Member {
    const pending = new Map<string, { topic: string; partition: number; offset: string }>();
    const consumer = new SupervisedConsumer({
      kafka: this.opts.kafka,
      config: {
        groupId: this.opts.topics.logicGroup,
        sessionTimeout: this.opts.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.opts.heartbeatIntervalMs ?? 3_000,
        // A fetch returns as soon as a record arrives (minBytes 1); the wait only spaces the
        // polls of an idle partition.
        maxWaitTimeInMs: 250,
        maxBytesPerPartition: 1024 * 1024,
        retry: CONSUMER_RETRY,
      },
      subscriptions: [{ topics: [this.opts.topics.upstream], fromBeginning: true }],
      run: {
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 8,
        eachBatch: (payload) => this.onBatch(payload, pending),
      },
      onGroupEvent: (event, err) => {
        // After a rebalance a partition may be another member's: what this one handled but did
        // not commit is replayed by the owner (repeats), never committed over its progress.
        if (event === 'join') pending.clear();
        this.opts.onGroupEvent?.(event, err);
      },
      onError: (err) => this.opts.onError?.(err, 'transient'),
    });
    return { consumer, pending };
  }

  get stats(): ConsumerStats {
    const crashes = this.members.reduce((n, m) => n + m.consumer.stats.crashes, 0);
    const groupJoins = this.members.reduce((n, m) => n + m.consumer.stats.groupJoins, 0);
    return { crashes, groupJoins, ...this.own };
  }

  /** Consuming, and not stuck retrying an outage. */
  get ready(): boolean {
    return this.running && this.members.every((m) => m.consumer.ready) && this.own.degradedSince === undefined;
  }

  async start(): Promise<void> {
    this.running = true;
    await Promise.all(this.members.map((m) => m.consumer.start()));
    this.flusher = setInterval(() => void this.flushCommits().catch((err: unknown) => this.opts.onError?.(err, 'transient')), COMMIT_INTERVAL_MS);
    this.flusher.unref();
  }

  /**
   * Takes no new batch, lets the batches in hand finish (up to `drainMs`: one stuck retrying an
   * outage is abandoned and replayed by the next owner), commits, then leaves the group.
   */
  async stop(drainMs = 10_000): Promise<void> {
    this.draining = true;
    const deadline = Date.now() + drainMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.running = false;
    clearInterval(this.flusher);
    await this.flushCommits().catch((err: unknown) => this.opts.onError?.(err, 'transient'));
    await Promise.all(this.members.map((m) => m.consumer.stop()));
  }

  private async flushCommits(): Promise<void> {
    const failures: unknown[] = [];
    await Promise.all(this.members.map(async ({ consumer, pending }) => {
      if (pending.size === 0) return;
      const taken = new Map(pending);
      pending.clear();
      try {
        await consumer.commitOffsets([...taken.values()]);
      } catch (err) {
        for (const [key, offset] of taken) if (!pending.has(key)) pending.set(key, offset);
        failures.push(err);
      }
    }));
    if (failures.length > 0) throw failures[0];
  }

  private async onBatch(payload: EachBatchPayload, pending: Member['pending']): Promise<void> {
    // Stopping: the batch is left unresolved, so whoever owns the partition next consumes it
    // (the pause keeps the client from fetching it again in a tight loop meanwhile).
    if (this.draining) return new Promise((r) => setTimeout(r, 50));
    this.inFlight++;
    try {
      await this.handleKafkaBatch(payload, pending);
    } finally {
      this.inFlight--;
    }
  }

  private async handleKafkaBatch(payload: EachBatchPayload, pending: Member['pending']): Promise<void> {
    const { batch } = payload;
    const started = Date.now();
    const stillWanted = () => this.running && payload.isRunning() && !payload.isStale();
    const letters: JsonRecord[] = [];
    const refusals: { topic: string; record: JsonRecord }[] = [];
    const valid: Parsed[] = [];
    for (const m of batch.messages) {
      const parsed = safeParse(m.value, this.opts.maxContentBytes);
      if (parsed.ok) {
        valid.push({ m, message: parsed.message });
        continue;
      }
      letters.push(this.letter(batch.topic, batch.partition, m, 'invalid', parsed.reason));
      // A sender that can be addressed hears why; the rest of the record is not trusted.
      const to = addressable(parsed.value);
      if (to) refusals.push(this.errorTo(to, 'VALIDATION_ERROR', `the send was refused: ${parsed.reason}`));
    }

    // A span per traced record, in its sender's trace (undefined when tracing is off); each ends
    // once its message is stored and its records produced.
    const traces = BatchTraces.start({ topic: batch.topic, partition: batch.partition, group: this.opts.topics.logicGroup, startedAt: started, records: valid });
    let outcomes: SendOutcome[] | undefined;
    try {
      outcomes = await this.process(payload, valid, letters, refusals, stillWanted, traces);
    } finally {
      traces?.end(outcomes);
    }
    if (!outcomes) return; // the partition was taken away or the consumer is stopping
    const ms = Date.now() - started;
    for (const o of outcomes) this.opts.onOutcome?.(o, ms);

    payload.resolveOffset(batch.lastOffset());
    this.opts.onLag?.(batch.topic, batch.partition, Number(batch.offsetLag()));
    // With autoCommit off, only an explicit offset list commits: the flusher's.
    pending.set(`${batch.topic}:${batch.partition}`, { topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() });
    await payload.heartbeat();
  }

  /** The whole batch at once; on a non-transient failure, record by record. */
  private async process(payload: EachBatchPayload, valid: Parsed[], letters: JsonRecord[], refusals: { topic: string; record: JsonRecord }[], stillWanted: () => boolean, traces: BatchTraces | undefined): Promise<SendOutcome[] | undefined> {
    const { batch } = payload;
    let poison: unknown;
    const whole = await this.untilDone(payload, stillWanted, async () => {
      const outbox = new Outbox();
      const outcomes = await this.handle(valid, outbox, traces);
      this.addRefusalLetters(outbox, batch.topic, batch.partition, valid, outcomes);
      for (const r of refusals) outbox.add(r.topic, r.record);
      for (const l of letters) outbox.add(this.opts.topics.deadLetter, l);
      await outbox.send((b) => this.opts.deps.publish(b));
      return outcomes;
    }, (err) => {
      poison = err;
    });
    if (whole !== 'poison') {
      if (whole) this.countLetters(letters);
      return whole;
    }
    this.opts.onError?.(poison, 'poison');
    // Isolate: every record alone, in offset order, so one that throws cannot hold up the rest.
    const outcomes: SendOutcome[] = [];
    const first = await this.untilDone(payload, stillWanted, async () => {
      const outbox = new Outbox();
      for (const r of refusals) outbox.add(r.topic, r.record);
      for (const l of letters) outbox.add(this.opts.topics.deadLetter, l);
      await this.opts.deps.publish(outbox.batches());
      return true;
    });
    if (first === undefined) return undefined;
    this.countLetters(letters);
    for (const record of valid) {
      const one = await this.processOne(payload, record, stillWanted, traces);
      if (one === undefined) return undefined;
      outcomes.push(...one);
    }
    return outcomes;
  }

  private async processOne(payload: EachBatchPayload, record: Parsed, stillWanted: () => boolean, traces: BatchTraces | undefined): Promise<SendOutcome[] | undefined> {
    const { batch } = payload;
    const attempts = this.opts.poisonAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      const result = await this.untilDone(payload, stillWanted, async () => {
        const outbox = new Outbox();
        const outcomes = await this.handle([record], outbox, traces);
        this.addRefusalLetters(outbox, batch.topic, batch.partition, [record], outcomes);
        await outbox.send((b) => this.opts.deps.publish(b));
        return outcomes;
      }, (err) => {
        failure = err;
      });
      if (result !== 'poison') return result;
      this.opts.onError?.(failure, 'poison');
      if (attempt < attempts) {
        await waitInPlace(backoffMs(attempt, 50, 500), () => payload.heartbeat(), stillWanted);
        continue;
      }
      // Given up: dead-letter it, tell the sender with an id the log and the letter both carry.
      const requestId = randomUUID();
      const msg = record.message;
      const letter = this.letter(batch.topic, batch.partition, record.m, 'failed', 'processing failed after retries', describeError(failure), requestId);
      const error = this.errorTo(msg, 'INTERNAL_ERROR', 'internal error; quote the request_id when reporting it', requestId);
      const sent = await this.untilDone(payload, stillWanted, async () => {
        await this.opts.deps.publish([
          { topic: this.opts.topics.deadLetter, records: [letter] },
          { topic: error.topic, records: [error.record] },
        ]);
        return true;
      });
      if (sent === undefined) return undefined;
      this.countLetters([letter]);
      return [{ status: 'rejected', code: 'INTERNAL_ERROR', reason: describeError(failure), upstream: msg }];
    }
  }

  /**
   * Runs `work` until it succeeds, retrying transient failures in place. A non-transient
   * failure returns 'poison' when `onPoison` is given (it is rethrown otherwise: a bug in
   * this consumer's own bookkeeping, not in a record). Undefined when the partition is no
   * longer ours or the consumer stops: nothing is committed and the records come again
   * (so `work` must not itself resolve to undefined).
   */
  private async untilDone<T extends NonNullable<unknown>>(payload: EachBatchPayload, stillWanted: () => boolean, work: () => Promise<T>, onPoison?: (err: unknown) => void): Promise<T | 'poison' | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (!stillWanted()) return undefined;
      try {
        const result = await work();
        if (this.own.degradedSince !== undefined) this.own.degradedSince = undefined;
        return result;
      } catch (err) {
        if (!isTransient(err)) {
          if (!onPoison) throw err;
          onPoison(err);
          return 'poison';
        }
        this.own.transientRetries++;
        this.own.degradedSince ??= Date.now();
        this.own.lastError = describeError(err);
        this.opts.onError?.(err, 'transient');
        await waitInPlace(backoffMs(attempt), () => heartbeatIfPossible(payload), stillWanted);
      }
    }
  }

  private handle(records: Parsed[], outbox: Outbox, traces: BatchTraces | undefined): Promise<SendOutcome[]> {
    const byConversation = new Map<string, UpstreamMessage[]>();
    for (const { message } of records) {
      let list = byConversation.get(message.conversationId);
      if (!list) byConversation.set(message.conversationId, (list = []));
      list.push(message);
    }
    return handleBatch(
      {
        deps: this.opts.deps,
        topics: this.opts.topics,
        fanoutThreshold: this.opts.fanoutThreshold,
        maxPerTransaction: this.opts.maxPerTransaction ?? 1000,
        traces,
        ...(this.opts.push ? { push: this.opts.push } : {}),
      },
      byConversation,
      outbox,
    );
  }

  /** Sends to conversations that do not exist are answered NOT_FOUND and kept for the operator. */
  private addRefusalLetters(outbox: Outbox, topic: string, partition: number, records: Parsed[], outcomes: SendOutcome[]): void {
    const byUpstream = new Map(records.map((r) => [r.message, r.m]));
    for (const o of outcomes) {
      if (o.status !== 'rejected' || o.code !== 'NOT_FOUND') continue;
      const m = byUpstream.get(o.upstream);
      if (m) outbox.add(this.opts.topics.deadLetter, this.letter(topic, partition, m, 'refused', o.reason));
    }
  }

  private countLetters(letters: JsonRecord[]): void {
    for (const l of letters) {
      this.own.deadLetters++;
      const v = l.value as { topic: string; class: string; reason: string };
      this.opts.onDeadLetter?.(v.topic, v.class, v.reason);
    }
  }

  private letter(topic: string, partition: number, m: KafkaMessage, cls: 'invalid' | 'failed' | 'refused', reason: string, error?: string, requestId?: string): JsonRecord {
    return deadLetter({ topic, partition, message: m, group: this.opts.topics.logicGroup }, { class: cls, reason, ...(error ? { error } : {}), ...(requestId ? { requestId } : {}) });
  }

  private errorTo(to: Addressable, code: 'VALIDATION_ERROR' | 'INTERNAL_ERROR', message: string, requestId?: string): { topic: string; record: JsonRecord } {
    const value: DownstreamBatch = {
      kind: 'error',
      userId: to.userId,
      clientMsgId: to.clientMsgId,
      code,
      message,
      ...(to.connectionId ? { connectionId: to.connectionId } : {}),
      ...(requestId ? { requestId } : {}),
    };
    return { topic: this.opts.topics.downstream(to.gatewayId), record: { key: to.userId, value } };
  }
}

interface Addressable {
  userId: string;
  gatewayId: string;
  clientMsgId: string;
  connectionId?: string;
}

/** The sender of an invalid record, when its address fields are themselves well formed. */
function addressable(value: unknown): Addressable | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isId(v.userId) || !isGatewayId(v.gatewayId) || !isClientMsgId(v.clientMsgId)) return undefined;
  const connectionId = typeof v.connectionId === 'string' && v.connectionId.length <= 64 ? v.connectionId : undefined;
  return { userId: v.userId, gatewayId: v.gatewayId, clientMsgId: v.clientMsgId, ...(connectionId ? { connectionId } : {}) };
}

/** Reading a record must never throw: whatever it holds, it is either a send or poison. */
function safeParse(raw: Buffer | null, maxContentBytes: number): ReturnType<typeof parseUpstream> {
  try {
    return parseUpstream(raw, maxContentBytes);
  } catch (err) {
    return { ok: false, reason: `unreadable: ${describeError(err)}` };
  }
}
