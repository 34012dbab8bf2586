// Records a Kafka batch of the logic worker produces, gathered per topic in the order they were
// added, and sent together in one request once the whole batch is handled.
import type { Context } from '@opentelemetry/api';
import type { JsonRecord } from '../bus/kafka.ts';
import { traceDownstreamProduce, type TracedRecords } from '../telemetry/batch-traces.ts';

export type Publish = (batch: { topic: string; records: JsonRecord[] }[]) => Promise<void>;

export class Outbox {
  private readonly byTopic = new Map<string, JsonRecord[]>();
  /** Records of traced messages, by the message's trace (only ever filled with tracing on). */
  private traced: TracedRecords | undefined;

  /** `trace`: the context of the message the record answers, when that message is traced. */
  add(topic: string, record: JsonRecord, trace?: Context): void {
    let list = this.byTopic.get(topic);
    if (!list) this.byTopic.set(topic, (list = []));
    list.push(record);
    if (trace) {
      this.traced ??= new Map();
      let group = this.traced.get(trace);
      if (!group) this.traced.set(trace, (group = { topics: new Set(), records: [] }));
      group.topics.add(topic);
      group.records.push(record);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.byTopic.values()) n += list.length;
    return n;
  }

  batches(): { topic: string; records: JsonRecord[] }[] {
    return [...this.byTopic].map(([topic, records]) => ({ topic, records }));
  }

  /** Sends every record in one request (traced records inside their `kafka produce downstream` spans). */
  send(publish: Publish): Promise<void> {
    return this.traced ? traceDownstreamProduce(this.traced, this.size, () => publish(this.batches())) : publish(this.batches());
  }
}
