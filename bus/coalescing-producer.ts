// Coalesces records sent from many places at once (every WebSocket send of a gateway) into one
// produce request. The producer has one request in flight; while it is out, new
// records wait and leave together with the next request, so under load a request carries many
// records and when idle a record leaves at once (no timer, no added latency).
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { traceProduce } from '../telemetry/spans.ts';
import { isTracing } from '../telemetry/tracing.ts';
import type { JsonProducer, JsonRecord } from './kafka.ts';

interface Pending {
  topic: string;
  record: JsonRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class CoalescingProducer {
  private readonly producer: Pick<JsonProducer, 'sendBatch'>;
  private readonly maxRecords: number;
  private queue: Pending[] = [];
  private flushing = false;

  constructor(producer: Pick<JsonProducer, 'sendBatch'>, maxRecords = 1000) {
    this.producer = producer;
    this.maxRecords = maxRecords;
  }

  /**
   * Resolves once the records are acknowledged by Kafka (acks=all). With `spanName` and tracing
   * on, the wait is a producer span (child of the active context) that the records' headers carry.
   */
  send(topic: string, records: JsonRecord[], spanName?: string): Promise<void> {
    if (spanName && isTracing()) return traceProduce(spanName, topic, records, () => this.enqueueAll(topic, records));
    return this.enqueueAll(topic, records);
  }

  private async enqueueAll(topic: string, records: JsonRecord[]): Promise<void> {
    await Promise.all(records.map((record) => this.enqueue(topic, record)));
  }

  private enqueue(topic: string, record: JsonRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, record, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // The flush carries everyone's records: it must not run in the trace of whichever
        // caller happened to schedule it (records without headers take the active one).
        setImmediate(() => void (isTracing() ? context.with(ROOT_CONTEXT, () => this.flush()) : this.flush()));
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const taken = this.queue.splice(0, this.maxRecords);
      const byTopic = new Map<string, JsonRecord[]>();
      for (const p of taken) {
        let list = byTopic.get(p.topic);
        if (!list) byTopic.set(p.topic, (list = []));
        list.push(p.record);
      }
      try {
        await this.producer.sendBatch([...byTopic].map(([topic, records]) => ({ topic, records })));
        for (const p of taken) p.resolve();
      } catch (err) {
        for (const p of taken) p.reject(err);
      }
    }
    this.flushing = false;
  }
}
