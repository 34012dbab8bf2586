// OpenTelemetry tracing of the message path, off unless the standard OTEL_* variables ask for
// it. Off, nothing is registered: the API's no-op tracer answers every call, and the hot paths
// check isTracing() before doing any work of their own (no header parsing, no span objects).
// On, a Node tracer provider exports through a batch span processor (OTEL_BSP_* apply), samples
// as OTEL_TRACES_SAMPLER says, and propagates W3C trace context (OTEL_PROPAGATORS may change it).
// The SDK is loaded only then: loading it takes a few hundred milliseconds of every start.
import { diag, DiagConsoleLogger, DiagLogLevel, trace, type DiagLogger, type Tracer } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../runtime/logger.ts';

export type Env = Record<string, string | undefined>;
export type ExporterName = 'otlp' | 'console';

/** Spans of GoChat's own code; the Temporal interceptors use tracers of their own. */
export const tracer: Tracer = trace.getTracer('gochat');

/** Where tracing reports its own problems: the process logger, or stderr without one. */
type TracingLog = Pick<Logger, 'error' | 'warn' | 'info' | 'debug' | 'trace'>;
interface WarnLog {
  warn(obj: object, msg: string): void;
}
const stderrLog: WarnLog = { warn: (obj, msg) => console.warn(`tracing: ${msg}`, obj) };

let provider: NodeTracerProvider | undefined;
let log: WarnLog = stderrLog;
let exporting: { processor: SpanProcessor; resource: Resource } | undefined;

/** Whether spans are being exported: callers skip all tracing work when not. */
export function isTracing(): boolean {
  return provider !== undefined;
}

/** The exporters the standard variables ask for, or undefined: tracing stays off. */
export function tracingPlan(env: Env = process.env): { exporters: ExporterName[]; warnings: string[] } | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const listed = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const warnings: string[] = [];
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  if (protocol && protocol !== 'http/json') warnings.push(`OTLP protocol ${protocol} is not supported here; spans are sent as http/json`);
  // The specification's default exporter is otlp; here an unset OTEL_TRACES_EXPORTER means off
  // unless an OTLP endpoint is named, so nothing is exported (or tried) by accident.
  if (listed.length === 0) {
    const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
    return endpoint ? { exporters: ['otlp'], warnings } : undefined;
  }
  if (listed.includes('none')) return undefined;
  const exporters: ExporterName[] = [];
  for (const name of new Set(listed)) {
    if (name === 'otlp' || name === 'console') exporters.push(name);
    else warnings.push(`trace exporter ${name} is not supported (otlp, console, none)`);
  }
  return exporters.length > 0 ? { exporters, warnings } : undefined;
}

/**
 * Registers the tracer provider when the standard variables turn tracing on; otherwise does
 * nothing (and loads nothing). Call it first thing in an entrypoint, with the process logger.
 * Whether tracing is on.
 */
export async function startTracing(serviceName: string, env: Env = process.env, logger?: TracingLog): Promise<boolean> {
  if (provider) return true;
  const plan = tracingPlan(env);
  if (!plan) return false;
  if (logger) log = logger;
  const level = diagLevel(env.OTEL_LOG_LEVEL);
  if (level !== undefined) diag.setLogger(logger ? diagLogger(logger) : new DiagConsoleLogger(), { logLevel: level });
  for (const w of plan.warnings) log.warn({ component: 'tracing' }, w);
  const [{ NodeTracerProvider }, { BatchSpanProcessor, ConsoleSpanExporter }, { envDetectorSync, Resource }, { OTLPTraceExporter }, { ATTR_SERVICE_NAME }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/semantic-conventions'),
  ]);

  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the name given here, as specified.
  // One Resource object, shared with the Temporal workflow span exporter, so the spans of a
  // process leave in one group.
  const resource = new Resource({
    ...Resource.default().attributes,
    [ATTR_SERVICE_NAME]: serviceName,
    'process.pid': process.pid,
    ...envDetectorSync.detect().attributes,
  });
  // The OTLP exporter reads OTEL_EXPORTER_OTLP_{,TRACES_}{ENDPOINT,HEADERS,TIMEOUT,COMPRESSION}.
  const exporters: SpanExporter[] = plan.exporters.map((name) => (name === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter()));
  const processors = exporters.map((e) => new BatchSpanProcessor(e));
  provider = new NodeTracerProvider({ resource, mergeResourceWithDefaults: false, spanProcessors: processors });
  // AsyncLocalStorage context manager and the propagators of OTEL_PROPAGATORS (W3C trace
  // context and baggage by default).
  provider.register();
  exporting = { processor: processors.length === 1 ? processors[0]! : allOf(processors), resource };
  return true;
}

/** Where spans made outside the provider (Temporal workflow spans) are handed for export. */
export function tracingExport(): { processor: SpanProcessor; resource: Resource } | undefined {
  return exporting;
}

/**
 * Flushes what is buffered and stops exporting. Bounded, so a collector that does not answer
 * cannot hold up a shutdown: what is not sent by then is dropped.
 */
export async function shutdown(timeoutMs = 5000): Promise<void> {
  const p = provider;
  if (!p) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      p.shutdown().catch((err: unknown) => log.warn({ component: 'tracing', err }, 'flushing spans failed')),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function allOf(processors: SpanProcessor[]): SpanProcessor {
  return {
    onStart: (span, ctx) => processors.forEach((p) => p.onStart(span, ctx)),
    onEnd: (span: ReadableSpan) => processors.forEach((p) => p.onEnd(span)),
    forceFlush: async () => {
      await Promise.all(processors.map((p) => p.forceFlush()));
    },
    shutdown: async () => {
      await Promise.all(processors.map((p) => p.shutdown()));
    },
  };
}

/** OpenTelemetry's own diagnostics (OTEL_LOG_LEVEL) as lines of the process logger. */
function diagLogger(logger: TracingLog): DiagLogger {
  const at = (level: 'error' | 'warn' | 'info' | 'debug' | 'trace') => (message: string, ...args: unknown[]) =>
    logger[level]({ component: 'opentelemetry', ...(args.length > 0 ? { args } : {}) }, message);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), verbose: at('trace') };
}

function diagLevel(raw: string | undefined): DiagLogLevel | undefined {
  switch (raw?.trim().toUpperCase()) {
    case 'NONE': return DiagLogLevel.NONE;
    case 'ERROR': return DiagLogLevel.ERROR;
    case 'WARN': return DiagLogLevel.WARN;
    case 'INFO': return DiagLogLevel.INFO;
    case 'DEBUG': return DiagLogLevel.DEBUG;
    case 'VERBOSE': return DiagLogLevel.VERBOSE;
    case 'ALL': return DiagLogLevel.ALL;
    default: return undefined;
  }
}
