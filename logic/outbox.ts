// Records a Kafka batch of the logic worker produces, gathered per topic in the order they were
// added, and sent together in one request once the whole batch is handled.
import type { JsonRecord } from '../bus/kafka.ts';

export class Outbox {
  private readonly byTopic = new Map<string, JsonRecord[]>();

  add(topic: string, record: JsonRecord): void {
    let list = this.byTopic.get(topic);
    if (!list) this.byTopic.set(topic, (list = []));
    list.push(record);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byTopic.values()) n += list.length;
    return n;
  }

  batches(): { topic: string; records: JsonRecord[] }[] {
    return [...this.byTopic].map(([topic, records]) => ({ topic, records }));
  }
}
