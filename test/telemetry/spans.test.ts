// The message path's spans in one process, tracing on and exported to a local OTLP receiver:
// each hop's context travels in record headers, and records that are not traced stay bare.
import { context, trace } from '@opentelemetry/api';
import type { IHeaders, Kafka, ProducerBatch } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoalescingProducer } from '../../bus/coalescing-producer.ts';
import { JsonProducer, type JsonRecord } from '../../bus/kafka.ts';
import type { DownstreamBatch, UpstreamMessage } from '../../contract/index.ts';
import { Outbox } from '../../logic/outbox.ts';
import { BatchTraces } from '../../telemetry/batch-traces.ts';
import { traceDeliver, traceWsSend } from '../../telemetry/spans.ts';
import { isTracing, shutdown, startTracing, tracer } from '../../telemetry/tracing.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // The exporter and the batch processor read the process environment.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.endpoint;
  process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
  expect(await startTracing('gochat-unit', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe(true);
});

afterAll(async () => {
  await shutdown();
  await receiver?.close();
});

/** A JsonProducer over a Kafka stand-in that keeps every message it is asked to produce. */
function capturingProducer(): { producer: JsonProducer; sent: { topic: string; key: string | null; value: unknown; headers: IHeaders | undefined }[] } {
  const sent: { topic: string; key: string | null; value: unknown; headers: IHeaders | undefined }[] = [];
  const kafka = {
    producer: () => ({
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      sendBatch: ({ topicMessages }: ProducerBatch) => {
        for (const tm of topicMessages ?? []) {
          for (const m of tm.messages) sent.push({ topic: tm.topic, key: m.key as string | null, value: JSON.parse(String(m.value)) as unknown, headers: m.headers });
        }
        return Promise.resolve([]);
      },
    }),
  } as unknown as Kafka;
  return { producer: new JsonProducer(kafka), sent };
}

/** Headers as a consumer gets them from kafkajs: Buffers. */
const asConsumed = (h: IHeaders | undefined): IHeaders | undefined => h && Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Buffer.from(String(v))]));

const msg: UpstreamMessage = {
  kind: 'send',
  userId: '11',
  conversationId: '21',
  clientMsgId: 'unit-1',
  messageType: 1,
  content: 'hi',
  gatewayId: 'gw-unit',
  connectionId: 'c1',
  timestamp: Date.now(),
};

describe('the message path traced in one process', () => {
  it('carries one trace from ws send through the logic hop to deliver', async () => {
    expect(isTracing()).toBe(true);
    const gateway = capturingProducer();
    const coalesced = new CoalescingProducer(gateway.producer);

    // Gateway: the send, and an untraced record that leaves in the same produce request.
    await traceWsSend(msg, () => Promise.all([
      coalesced.send('upstream', [{ key: msg.conversationId, value: msg }], 'kafka produce upstream'),
      coalesced.send('events', [{ key: 'e', value: 'not traced' }]),
    ]).then(() => undefined));
    const upstream = gateway.sent.find((s) => s.topic === 'upstream')!;
    expect(String(upstream.headers?.traceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(gateway.sent.find((s) => s.topic === 'events')?.headers).toBeUndefined();

    // Logic: the record consumed, stored, answered; an untraced dead letter alongside.
    const consumed = { ...msg };
    const traces = BatchTraces.start({
      topic: 'upstream',
      partition: 3,
      group: 'logic',
      startedAt: Date.now(),
      records: [{ m: { key: null, value: null, timestamp: '0', attributes: 0, offset: '42', headers: asConsumed(upstream.headers) ?? {} }, message: consumed }],
    });
    expect(traces).toBeDefined();
    await traces!.dbStore([consumed], () => Promise.resolve([]));
    const outbox = new Outbox();
    const ack: DownstreamBatch = { kind: 'ack', userId: '11', clientMsgId: 'unit-1', messageId: '31', conversationId: '21', seq: 1, ts: Date.now() };
    outbox.add('downstream.gw-unit', { key: '11', value: ack }, traces!.context(consumed));
    outbox.add('dead-letter', { value: 'not traced' });
    const logic = capturingProducer();
    await outbox.send((b) => logic.producer.sendBatch(b));
    traces!.end([{ status: 'delivered', message: { messageId: '31', conversationId: '21', seq: 1, senderId: '11', clientMsgId: 'unit-1', messageType: 1, content: 'hi', createdAt: Date.now() }, duplicate: false, fanout: 'direct' }]);
    const down = logic.sent.find((s) => s.topic === 'downstream.gw-unit')!;
    expect(down.headers?.traceparent).toBeDefined();
    expect(logic.sent.find((s) => s.topic === 'dead-letter')?.headers).toBeUndefined();

    // Gateway again: the record dispatched to sockets.
    expect(traceDeliver(asConsumed(down.headers), { topic: 'downstream.gw-unit', partition: 0, offset: '7' }, ack, () => 2)).toBe(2);
    // A record without a trace is dispatched without a span.
    expect(traceDeliver(undefined, { topic: 'downstream.gw-unit', partition: 0, offset: '8' }, ack, () => 1)).toBe(1);

    const traceId = String(upstream.headers?.traceparent).split('-')[1]!;
    const spans = await receiver.waitFor('the trace', () => {
      const t = receiver.trace(traceId);
      return t.length >= 6 ? t : undefined;
    });
    const one = (name: string): ReceivedSpan => {
      const found = spans.filter((s) => s.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    };
    const send = one('ws send');
    const produceUp = one('kafka produce upstream');
    const batch = one('logic batch');
    const db = one('db store');
    const produceDown = one('kafka produce downstream');
    const deliver = one('deliver');
    expect(spans).toHaveLength(6);
    expect(send.parentSpanId).toBeUndefined();
    expect(produceUp.parentSpanId).toBe(send.spanId);
    expect(batch.parentSpanId).toBe(produceUp.spanId);
    expect(db.parentSpanId).toBe(batch.spanId);
    expect(produceDown.parentSpanId).toBe(batch.spanId);
    expect(deliver.parentSpanId).toBe(produceDown.spanId);
    expect(spans.every((s) => s.service === 'gochat-unit')).toBe(true);
    expect([send.kind, produceUp.kind, batch.kind, db.kind, produceDown.kind, deliver.kind]).toEqual([2, 4, 5, 3, 4, 5]);
    expect(batch.attributes).toMatchObject({ 'gochat.outcome': 'delivered', 'gochat.message_id': '31', 'gochat.seq': 1, 'messaging.destination.partition.id': '3', 'messaging.kafka.offset': 42 });
    expect(deliver.attributes).toMatchObject({ 'gochat.record_kind': 'ack', 'gochat.sockets': 2, 'gochat.conversation_id': '21' });
    expect(produceDown.attributes).toMatchObject({ 'messaging.destination.name': 'downstream.gw-unit', 'messaging.batch.message_count': 1, 'gochat.request_records': 2 });
  });

  it('gives records that carry no trace of their own the producing caller\'s (a fan-out activity, say)', async () => {
    const { producer, sent } = capturingProducer();
    const span = tracer.startSpan('activity');
    const records: JsonRecord[] = [{ value: 1 }, { value: 2, headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } }];
    await context.with(trace.setSpan(context.active(), span), () => producer.sendBatch([{ topic: 't', records }]));
    span.end();
    expect(String(sent[0]!.headers?.traceparent)).toContain(span.spanContext().spanId);
    expect(sent[1]!.headers?.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    await producer.sendBatch([{ topic: 't', records: [{ value: 3 }] }]);
    expect(sent[2]!.headers).toBeUndefined();
  });
});
