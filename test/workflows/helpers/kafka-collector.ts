// Reads what the activities produced: every record of some topics (unique per test run, so
// from the beginning), parsed, with a wait for a condition.
import type { Consumer, Kafka } from 'kafkajs';
import { uniqueName } from '../../helpers/config.ts';

export interface Collected {
  topic: string;
  value: unknown;
}

export class KafkaCollector {
  readonly records: Collected[] = [];
  private readonly consumer: Consumer;

  private constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: uniqueName('wf-test-collector'), maxWaitTimeInMs: 50 });
  }

  static async start(kafka: Kafka, topics: string[]): Promise<KafkaCollector> {
    const c = new KafkaCollector(kafka);
    await c.consumer.connect();
    await c.consumer.subscribe({ topics, fromBeginning: true });
    await c.consumer.run({
      eachMessage: async ({ topic, message }) => {
        c.records.push({ topic, value: JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown });
      },
    });
    return c;
  }

  async waitFor<T>(pick: (records: Collected[]) => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pick(this.records);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`expected Kafka records did not arrive within ${timeoutMs} ms (have ${this.records.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
