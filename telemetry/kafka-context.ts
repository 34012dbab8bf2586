// Trace context in Kafka record headers, through the globally registered propagator (W3C
// `traceparent`/`tracestate` by default). Producers write string headers; kafkajs hands
// consumers Buffers.
import { context, isSpanContextValid, propagation, ROOT_CONTEXT, trace, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { TRACE_PARENT_HEADER } from '../contract/tracing.ts';
import { isTracing } from './tracing.ts';

export const headerSetter: TextMapSetter<Record<string, string>> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

export const headerGetter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const v = carrier[key];
    if (v === undefined || typeof v === 'string') return v;
    if (Array.isArray(v)) return v.map((x) => x.toString());
    return v.toString('utf8');
  },
};

/** Headers carrying the span of `ctx` (added to `base`); `base` as it was when `ctx` has no valid span. */
export function traceHeaders(ctx: Context, base?: Record<string, string>): Record<string, string> | undefined {
  const sc = trace.getSpanContext(ctx);
  if (!sc || !isSpanContextValid(sc)) return base;
  const carrier: Record<string, string> = base ? { ...base } : {};
  propagation.inject(ctx, carrier, headerSetter);
  return carrier;
}

/**
 * The trace context of the caller (an activity's span, say) as headers, for records that carry
 * none of their own; undefined when tracing is off or no span is active.
 */
export function activeTraceHeaders(): Record<string, string> | undefined {
  return isTracing() ? traceHeaders(context.active()) : undefined;
}

/**
 * The context a record's producer sent along, or undefined when it sent none. Extracted on
 * the root context: whatever happens to be active in the consumer is not the record's parent.
 */
export function extractContext(headers: IHeaders | undefined): Context | undefined {
  if (headers?.[TRACE_PARENT_HEADER] === undefined) return undefined;
  const ctx = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  const sc = trace.getSpanContext(ctx);
  return sc && isSpanContextValid(sc) ? ctx : undefined;
}
