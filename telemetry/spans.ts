// The gateway's spans of the message path: `ws send` around accepting a client's send, a
// producer span (`kafka produce upstream`) inside it, and `deliver` when a downstream record
// reaches sockets. Callers check isTracing() first, so none of this runs when tracing is off.
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import type { JsonRecord } from '../bus/kafka.ts';
import type { DownstreamBatch, UpstreamMessage } from '../contract/index.ts';
import {
  GOCHAT_CLIENT_MSG_ID,
  GOCHAT_CONVERSATION_ID,
  GOCHAT_GATEWAY_ID,
  GOCHAT_RECORD_KIND,
  GOCHAT_SOCKETS,
  MESSAGING_BATCH_MESSAGE_COUNT,
  MESSAGING_DESTINATION_NAME,
  MESSAGING_DESTINATION_PARTITION_ID,
  MESSAGING_KAFKA_OFFSET,
  MESSAGING_OPERATION_TYPE,
  MESSAGING_SYSTEM,
  SPAN,
} from './attributes.ts';
import { extractContext, traceHeaders } from './kafka-context.ts';
import { tracer } from './tracing.ts';

/** Marks a span failed. */
export function fail(span: Span, err: unknown): void {
  if (!span.isRecording()) return;
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/** Runs `fn` with `ctx` active (so spans started inside, Temporal's too, are its children). */
export function inContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx ? context.with(ctx, fn) : fn();
}

/**
 * `ws send`: from the parsed frame to the upstream record acknowledged by Kafka. A root span:
 * the WebSocket protocol carries no trace context, and whatever is active on the socket's
 * connection (an upgrade request's span) is not this message's parent.
 */
export async function traceWsSend(msg: UpstreamMessage, publish: () => Promise<void>): Promise<void> {
  const span = tracer.startSpan(SPAN.wsSend, { kind: SpanKind.SERVER }, ROOT_CONTEXT);
  if (span.isRecording()) {
    span.setAttributes({ [GOCHAT_CONVERSATION_ID]: msg.conversationId, [GOCHAT_CLIENT_MSG_ID]: msg.clientMsgId, [GOCHAT_GATEWAY_ID]: msg.gatewayId });
  }
  try {
    await context.with(trace.setSpan(ROOT_CONTEXT, span), publish);
  } catch (err) {
    fail(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/**
 * A producer span, child of the active context, around sending `records`; their headers carry
 * the span, so a consumer's span is the next hop of the same trace.
 */
export async function traceProduce(name: string, topic: string, records: JsonRecord[], send: () => Promise<void>): Promise<void> {
  const parent = context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.PRODUCER }, parent);
  if (span.isRecording()) {
    span.setAttributes({ [MESSAGING_SYSTEM]: 'kafka', [MESSAGING_OPERATION_TYPE]: 'send', [MESSAGING_DESTINATION_NAME]: topic, [MESSAGING_BATCH_MESSAGE_COUNT]: records.length });
  }
  // Sent even when not sampled: the decision travels with the message, and the next hops keep it.
  const headers = traceHeaders(trace.setSpan(parent, span));
  if (headers) for (const r of records) r.headers = r.headers ? { ...r.headers, ...headers } : headers;
  try {
    await send();
  } catch (err) {
    fail(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/**
 * `deliver`: a downstream record written to local sockets, child of the context its producer
 * sent along. Records without one (untraced or unsampled messages) are dispatched without a span.
 */
export function traceDeliver(headers: IHeaders | undefined, at: { topic: string; partition: number; offset: string }, batch: DownstreamBatch, dispatch: () => number): number {
  const parent = extractContext(headers);
  if (!parent) return dispatch();
  const span = tracer.startSpan(SPAN.deliver, { kind: SpanKind.CONSUMER }, parent);
  try {
    const sockets = dispatch();
    if (span.isRecording()) {
      span.setAttributes({
        [MESSAGING_SYSTEM]: 'kafka',
        [MESSAGING_OPERATION_TYPE]: 'process',
        [MESSAGING_DESTINATION_NAME]: at.topic,
        [MESSAGING_DESTINATION_PARTITION_ID]: String(at.partition),
        [MESSAGING_KAFKA_OFFSET]: Number(at.offset),
        [GOCHAT_RECORD_KIND]: batch.kind,
        [GOCHAT_SOCKETS]: sockets,
      });
      const conversationId = batch.kind === 'message' ? batch.message.conversationId : batch.kind === 'ack' ? batch.conversationId : undefined;
      if (conversationId) span.setAttribute(GOCHAT_CONVERSATION_ID, conversationId);
    }
    return sockets;
  } catch (err) {
    fail(span, err);
    throw err;
  } finally {
    span.end();
  }
}
