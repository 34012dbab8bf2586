// Tracing stays off unless the standard variables ask for it, and off it registers nothing:
// the API's no-op tracer, propagator and context manager stay, and the hot paths add nothing.
import { createRequire } from 'node:module';
import { context, createContextKey, propagation, ProxyTracerProvider, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { CoalescingProducer } from '../../bus/coalescing-producer.ts';
import type { JsonRecord } from '../../bus/kafka.ts';
import { activeTraceHeaders, extractContext } from '../../telemetry/kafka-context.ts';
import { isTracing, shutdown, startTracing, tracingExport, tracingPlan } from '../../telemetry/tracing.ts';

describe('tracingPlan', () => {
  it('is off with no OTEL variables', () => {
    expect(tracingPlan({})).toBeUndefined();
  });

  it('turns on for an otlp or console exporter, or for an OTLP endpoint alone', () => {
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: 'otlp' })?.exporters).toEqual(['otlp']);
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: ' console , otlp ' })?.exporters).toEqual(['console', 'otlp']);
    expect(tracingPlan({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })?.exporters).toEqual(['otlp']);
    expect(tracingPlan({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })?.exporters).toEqual(['otlp']);
  });

  it('stays off when disabled, when the exporter is none, or when no exporter it knows is named', () => {
    expect(tracingPlan({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBeUndefined();
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBeUndefined();
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: 'zipkin' })).toBeUndefined();
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: '' })).toBeUndefined();
  });

  it('says so when asked for a protocol other than http/json', () => {
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })?.warnings).toEqual([
      'OTLP protocol grpc is not supported here; spans are sent as http/json',
    ]);
    expect(tracingPlan({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })?.warnings).toEqual([]);
  });
});

describe('startTracing with no OTEL variables', () => {
  it('registers no tracer provider, propagator or context manager, and loads no SDK', async () => {
    expect(await startTracing('gochat-test', {})).toBe(false);
    expect(isTracing()).toBe(false);
    expect(tracingExport()).toBeUndefined();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((f) => f.includes('/@opentelemetry/api/'))).toBe(true);
    expect(loaded.filter((f) => /\/@opentelemetry\/(sdk-|exporter-|resources\/)|interceptors-opentelemetry/.test(f))).toEqual([]);

    const provider = trace.getTracerProvider();
    expect(provider).toBeInstanceOf(ProxyTracerProvider);
    expect((provider as ProxyTracerProvider).getDelegate().constructor.name).toBe('NoopTracerProvider');
    const span = trace.getTracer('any').startSpan('any');
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe('00000000000000000000000000000000');
    expect(propagation.fields()).toEqual([]);
    const key = createContextKey('k');
    expect(context.with(ROOT_CONTEXT.setValue(key, 1), () => context.active().getValue(key))).toBeUndefined();
    await shutdown();
  });

  it('leaves Kafka records as they are', async () => {
    expect(activeTraceHeaders()).toBeUndefined();
    expect(extractContext({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })).toBeUndefined();
    const sent: JsonRecord[][] = [];
    const p = new CoalescingProducer({
      sendBatch(batch: { topic: string; records: JsonRecord[] }[]) {
        sent.push(batch.flatMap((b) => b.records));
        return Promise.resolve();
      },
    });
    await p.send('t', [{ key: 'k', value: 1 }], 'kafka produce upstream');
    expect(sent).toEqual([[{ key: 'k', value: 1 }]]);
  });
});
