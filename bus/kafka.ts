// Kafka client, topic administration and a JSON producer shared by every process.
import { Kafka, logLevel, Partitioners, type Producer, type Message } from 'kafkajs';
import type { Config } from '../config/index.ts';

export function createKafka(config: Config, clientSuffix = ''): Kafka {
  return new Kafka({
    clientId: `${config.kafka.clientId}${clientSuffix}`,
    brokers: config.kafka.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

/** Creates the topics that do not exist yet (idempotent). */
export async function ensureTopics(kafka: Kafka, topics: { topic: string; numPartitions?: number }[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 1, replicationFactor: 1 })),
      });
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

/** An idempotent producer that serialises values as JSON (64-bit ids must already be strings). */
export class JsonProducer {
  private readonly producer: Producer;
  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async send(topic: string, records: JsonRecord[]): Promise<void> {
    if (records.length === 0) return;
    const messages: Message[] = records.map((r) => ({
      key: r.key ?? null,
      value: JSON.stringify(r.value),
      headers: r.headers,
    }));
    await this.producer.send({ topic, messages, acks: -1 });
  }

  /** Several topics in one request: one round trip for a whole fan-out. */
  async sendBatch(batch: { topic: string; records: JsonRecord[] }[]): Promise<void> {
    const topicMessages = batch
      .filter((b) => b.records.length > 0)
      .map((b) => ({
        topic: b.topic,
        messages: b.records.map((r) => ({ key: r.key ?? null, value: JSON.stringify(r.value), headers: r.headers })),
      }));
    if (topicMessages.length > 0) await this.producer.sendBatch({ topicMessages, acks: -1 });
  }
}
