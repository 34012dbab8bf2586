// The logic worker's spans. A consumed Kafka batch holds many sends from many senders, each in a
// trace of its own. The spans are per record: `logic batch` for each record, a child of the
// context its gateway put in the headers, with `db store` and `kafka produce downstream` under
// it. So every message's trace holds its whole path, which one span per batch with links to the
// records could not give (the logic hop would sit in a trace of its own), and the sampling
// decision made at the gateway holds here: a record that is not sampled costs a header parse and
// nothing else. The work records share (one transaction per conversation, one produce request
// per batch) shows as one span per traced record, all with the same times, the batch's size as
// an attribute. Built only when tracing is on; consumer.ts and handle-batch.ts pass it along.
import { SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { KafkaMessage } from 'kafkajs';
import type { JsonRecord } from '../bus/kafka.ts';
import type { UpstreamMessage } from '../contract/index.ts';
import type { SendOutcome } from '../domain/send-outcome.ts';
import {
  DB_OPERATION_BATCH_SIZE,
  DB_SYSTEM_NAME,
  DB_SYSTEM_NAME_MARIADB,
  GOCHAT_CLIENT_MSG_ID,
  GOCHAT_CONVERSATION_ID,
  GOCHAT_ERROR_CODE,
  GOCHAT_MESSAGE_ID,
  GOCHAT_OUTCOME,
  GOCHAT_REQUEST_RECORDS,
  GOCHAT_SEQ,
  MESSAGING_BATCH_MESSAGE_COUNT,
  MESSAGING_CONSUMER_GROUP_NAME,
  MESSAGING_DESTINATION_NAME,
  MESSAGING_DESTINATION_PARTITION_ID,
  MESSAGING_KAFKA_OFFSET,
  MESSAGING_OPERATION_TYPE,
  MESSAGING_SYSTEM,
  SPAN,
} from './attributes.ts';
import { extractContext, traceHeaders } from './kafka-context.ts';
import { fail } from './spans.ts';
import { isTracing, tracer } from './tracing.ts';

export interface ConsumedBatch {
  topic: string;
  partition: number;
  group: string;
  /** When the batch arrived (ms since epoch): where every record's span starts. */
  startedAt: number;
  records: readonly { m: KafkaMessage; message: UpstreamMessage }[];
}

export class BatchTraces {
  private readonly byMessage = new Map<UpstreamMessage, { span: Span; ctx: Context }>();

  /** A `logic batch` span per sampled record; undefined when tracing is off or none is sampled. */
  static start(batch: ConsumedBatch): BatchTraces | undefined {
    if (!isTracing()) return undefined;
    let traces: BatchTraces | undefined;
    for (const { m, message } of batch.records) {
      const parent = extractContext(m.headers);
      if (!parent) continue;
      const span = tracer.startSpan(SPAN.logicBatch, { kind: SpanKind.CONSUMER, startTime: batch.startedAt }, parent);
      if (!span.isRecording()) continue;
      span.setAttributes({
        [MESSAGING_SYSTEM]: 'kafka',
        [MESSAGING_OPERATION_TYPE]: 'process',
        [MESSAGING_DESTINATION_NAME]: batch.topic,
        [MESSAGING_DESTINATION_PARTITION_ID]: String(batch.partition),
        [MESSAGING_KAFKA_OFFSET]: Number(m.offset),
        [MESSAGING_CONSUMER_GROUP_NAME]: batch.group,
        [MESSAGING_BATCH_MESSAGE_COUNT]: batch.records.length,
        [GOCHAT_CONVERSATION_ID]: message.conversationId,
        [GOCHAT_CLIENT_MSG_ID]: message.clientMsgId,
      });
      (traces ??= new BatchTraces()).byMessage.set(message, { span, ctx: trace.setSpan(parent, span) });
    }
    return traces;
  }

  /** The context of a message's `logic batch` span, when it is traced. */
  context(msg: UpstreamMessage): Context | undefined {
    return this.byMessage.get(msg)?.ctx;
  }

  /** `db store` in the trace of each traced message among `msgs`, around the one save they share. */
  async dbStore<T>(msgs: readonly UpstreamMessage[], save: () => Promise<T>): Promise<T> {
    const spans: Span[] = [];
    for (const msg of msgs) {
      const ctx = this.context(msg);
      if (!ctx) continue;
      spans.push(tracer.startSpan(SPAN.dbStore, {
        kind: SpanKind.CLIENT,
        attributes: { [DB_SYSTEM_NAME]: DB_SYSTEM_NAME_MARIADB, [DB_OPERATION_BATCH_SIZE]: msgs.length, [GOCHAT_CONVERSATION_ID]: msg.conversationId },
      }, ctx));
    }
    return around(spans, save);
  }

  /** Ends every `logic batch` span with what became of its message (abandoned: no outcomes, the partition was lost). */
  end(outcomes: readonly SendOutcome[] | undefined): void {
    if (outcomes) {
      const bySender = new Map<string, Span>();
      for (const [msg, { span }] of this.byMessage) bySender.set(`${msg.userId}\n${msg.clientMsgId}`, span);
      for (const o of outcomes) {
        if (o.status === 'delivered') {
          bySender.get(`${o.message.senderId}\n${o.message.clientMsgId}`)?.setAttributes({ [GOCHAT_OUTCOME]: 'delivered', [GOCHAT_MESSAGE_ID]: o.message.messageId, [GOCHAT_SEQ]: o.message.seq });
          continue;
        }
        const span = this.byMessage.get(o.upstream)?.span;
        span?.setAttributes({ [GOCHAT_OUTCOME]: 'rejected', [GOCHAT_ERROR_CODE]: o.code });
        if (o.code === 'INTERNAL_ERROR') span?.setStatus({ code: SpanStatusCode.ERROR, message: o.reason });
      }
    }
    for (const { span } of this.byMessage.values()) {
      if (!outcomes) span.setAttribute(GOCHAT_OUTCOME, 'abandoned');
      span.end();
    }
  }
}

/** Records of one produce request that belong to one traced message, by that message's context. */
export type TracedRecords = Map<Context, { topics: Set<string>; records: JsonRecord[] }>;

/**
 * `kafka produce downstream` per traced message around the one request that carries its
 * records; each record's headers carry its span, so the gateway's `deliver` is its child.
 */
export async function traceDownstreamProduce(traced: TracedRecords, requestRecords: number, send: () => Promise<void>): Promise<void> {
  const spans: Span[] = [];
  for (const [parent, { topics, records }] of traced) {
    const span = tracer.startSpan(SPAN.produceDownstream, {
      kind: SpanKind.PRODUCER,
      attributes: {
        [MESSAGING_SYSTEM]: 'kafka',
        [MESSAGING_OPERATION_TYPE]: 'send',
        [MESSAGING_BATCH_MESSAGE_COUNT]: records.length,
        [GOCHAT_REQUEST_RECORDS]: requestRecords,
        // One topic names the destination; records to several gateways name none.
        ...(topics.size === 1 ? { [MESSAGING_DESTINATION_NAME]: topics.values().next().value } : {}),
      },
    }, parent);
    const headers = traceHeaders(trace.setSpan(parent, span));
    if (headers) for (const r of records) r.headers = r.headers ? { ...r.headers, ...headers } : headers;
    spans.push(span);
  }
  return around(spans, send);
}

async function around<T>(spans: Span[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    for (const s of spans) fail(s, err);
    throw err;
  } finally {
    for (const s of spans) s.end();
  }
}
