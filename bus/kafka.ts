// Kafka client, topic administration and a JSON producer shared by every process.
import { Kafka, logLevel, Partitioners, type Producer, type Message } from 'kafkajs';
import type { Config } from '../config/index.ts';
import { kafkaLogCreator, kafkaLogLevel, type KafkaLogSink } from '../runtime/kafka-log.ts';
import type { LevelWithSilent } from '../runtime/logger.ts';
import { activeTraceHeaders } from '../telemetry/kafka-context.ts';

/** With a logger, kafkajs' lines go through it; without, kafkajs prints its own (tests, tools). */
export function createKafka(config: Config, clientSuffix = '', logger?: KafkaLogSink): Kafka {
  return new Kafka({
    clientId: `${config.kafka.clientId}${clientSuffix}`,
    brokers: config.kafka.brokers,
    ...(logger ? { logLevel: kafkaLogLevel(logger.level as LevelWithSilent), logCreator: kafkaLogCreator(logger) } : { logLevel: logLevel.WARN }),
    // Reconnect attempts at most 2 s apart: with the default 30 s cap, a client that had backed
    // off while the broker was away slept up to 17 s after it came back (seen in the chaos run).
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 10 },
  });
}

/**
 * Retries of a consumer's requests before it gives up and restarts (rejoining its group, which
 * waits out the old member's session). The default five, spent within about three seconds,
 * ended every consumer whose partition leader was a killed broker before the cluster had elected
 * a new one; thirty, at most a second apart, ride through the election in place.
 */
export const CONSUMER_RETRY = { initialRetryTime: 100, maxRetryTime: 1000, retries: 30 } as const;

/**
 * Retries of a produce request. A killed broker's partitions get new leaders about two seconds
 * after the kill (the brokers' session timeout); retries at most 500 ms apart find them within
 * half a second of that. Twelve of them span about five seconds (the client's default, five
 * retries doubling from 100 ms, gave up after about two, before a new leader could be there);
 * then the send fails back to its caller: a client's SERVICE_UNAVAILABLE and resend, or the
 * logic worker's retry in place.
 */
export const PRODUCER_RETRY = { initialRetryTime: 100, maxRetryTime: 500, retries: 12 } as const;

/** Copies of a topic and how many must hold a record before it is acknowledged (config.kafka.replication). */
export interface TopicReplication {
  factor: number;
  minInsyncReplicas: number;
}

const SINGLE_BROKER: TopicReplication = { factor: 1, minInsyncReplicas: 1 };

/**
 * Creates the topics that do not exist yet (idempotent), with the given replication. Processes
 * starting side by side may create the same topic at once, and a topic just created can briefly
 * be unknown to the broker that answers: both pass with a retry.
 */
export async function ensureTopics(kafka: Kafka, topics: { topic: string; numPartitions?: number }[], replication: TopicReplication = SINGLE_BROKER): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t.topic));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((t) => ({
              topic: t.topic,
              numPartitions: t.numPartitions ?? 1,
              replicationFactor: replication.factor,
              configEntries: [{ name: 'min.insync.replicas', value: String(replication.minInsyncReplicas) }],
            })),
          });
        }
        // A topic another process has just created may be listed before its partitions have
        // leaders; subscribing then fails with UNKNOWN_TOPIC_OR_PARTITION. Wait for the leaders.
        const { topics: described } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
        const leaderless = described.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
        if (leaderless.length > 0) throw new Error(`topics without partition leaders yet: ${leaderless.map((t) => t.name).join(', ')}`);
        return;
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

export interface JsonRecord {
  key?: string;
  value: unknown;
  headers?: Record<string, string>;
}

/**
 * The producer was replaced after an error no retry of the old one could fix; nothing of the
 * failed request is known to be stored, so the caller sends it again (a transient failure).
 */
export class ProducerResetError extends Error {
  constructor(cause: unknown) {
    super(`the Kafka producer was recreated after: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ProducerResetError';
  }
}

/**
 * Most UTF-16 code units of values in one produce request: at 3 UTF-8 bytes a unit at worst,
 * a request stays below the broker's 1 MiB batch limit whatever the script of the text.
 */
const MAX_REQUEST_UNITS = 300 * 1024;

/** Errors after which a producer is unusable and is replaced (e.g. it was disconnected under us). */
const FATAL_PRODUCER = /out of order sequence number|unknown producer id|invalid producer epoch|producer id mapping|producer is disconnected|fenced/i;

function isFatalForProducer(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 6; depth++) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && /OUT_OF_ORDER_SEQUENCE_NUMBER|UNKNOWN_PRODUCER_ID|INVALID_PRODUCER_EPOCH|INVALID_PRODUCER_ID_MAPPING/.test(type)) return true;
    if (FATAL_PRODUCER.test(e.message)) return true;
    e = e.cause;
  }
  return false;
}

/**
 * A producer that serialises values as JSON (64-bit ids must already be strings), one request in
 * flight, acks from every in-sync replica.
 *
 * Not idempotent: kafkajs' idempotence holds only with unlimited retries (it warns "Limiting
 * retries for the idempotent producer may invalidate EoS guarantees" otherwise), and unlimited
 * retries would hold a send forever while Kafka is away instead of failing it back to the client
 * (SERVICE_UNAVAILABLE, resend). GoChat does not rely on the broker discarding duplicates: a retried
 * upstream record is dropped by the logic worker by client_msg_id, clients drop a message or
 * event they already hold by id, and order per conversation comes from the partition key with
 * one request in flight (a retry cannot overtake a later request).
 */
export class JsonProducer {
  private producer: Producer;
  private readonly kafka: Kafka;
  private renewing: Promise<void> | undefined;
  private closed = false;
  constructor(kafka: Kafka) {
    this.kafka = kafka;
    this.producer = this.create();
  }

  private create(): Producer {
    return this.kafka.producer({
      maxInFlightRequests: 1,
      retry: PRODUCER_RETRY,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    this.closed = true;
    return this.producer.disconnect();
  }

  /** Runs a request; after an error that leaves the producer unusable, replaces the producer. */
  private async guarded(request: (p: Producer) => Promise<unknown>): Promise<void> {
    const producer = this.producer;
    try {
      await request(producer);
    } catch (err) {
      if (this.closed || !isFatalForProducer(err)) throw err;
      this.renewing ??= this.renew(producer).finally(() => {
        this.renewing = undefined;
      });
      await this.renewing.catch(() => undefined);
      throw new ProducerResetError(err);
    }
  }

  private async renew(old: Producer): Promise<void> {
    if (this.producer !== old) return;
    await old.disconnect().catch(() => undefined);
    const fresh = this.create();
    this.producer = fresh;
    await fresh.connect();
  }

  async send(topic: string, records: JsonRecord[]): Promise<void> {
    await this.sendBatch([{ topic, records }]);
  }

  /**
   * Several topics in one request: one round trip for a whole fan-out. A request stays under
   * the broker's batch size limit (message.max.bytes, 1 MiB by default): a burst of large
   * messages goes out as several requests, in order, rather than being refused whole.
   */
  async sendBatch(batch: { topic: string; records: JsonRecord[] }[]): Promise<void> {
    // With tracing on, records that carry no trace context take the caller's (a fan-out
    // activity's span, say), so whatever consumes them joins that trace.
    const ambient = activeTraceHeaders();
    let request: { topic: string; messages: Message[] }[] = [];
    let bytes = 0;
    for (const { topic, records } of batch) {
      for (const r of records) {
        const value = JSON.stringify(r.value);
        const size = value.length + (r.key?.length ?? 0) + 64;
        if (bytes > 0 && bytes + size > MAX_REQUEST_UNITS) {
          const full = request;
          await this.guarded((p) => p.sendBatch({ topicMessages: full, acks: -1 }));
          request = [];
          bytes = 0;
        }
        let entry = request.at(-1);
        if (entry?.topic !== topic) request.push((entry = { topic, messages: [] }));
        entry.messages.push({ key: r.key ?? null, value, headers: r.headers ?? ambient });
        bytes += size;
      }
    }
    if (request.length > 0) await this.guarded((p) => p.sendBatch({ topicMessages: request, acks: -1 }));
  }
}
