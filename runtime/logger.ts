// The one logger factory of every GoChat process: pino, one JSON object per line on stdout
// (pretty-printed when stdout is a terminal). Every line names its process and, on a gateway, its
// gateway id; a line written inside an OpenTelemetry span carries that span's trace and span id.
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Level, type LevelWithSilent, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger, Level, LevelWithSilent };

export interface LoggerOptions {
  /** gateway, logic, worker, or a script's name. */
  process: string;
  level: LevelWithSilent;
  gatewayId?: string;
  /** Human-readable lines; by default when stdout is a terminal. */
  pretty?: boolean;
  /** Where JSON lines go instead of stdout (tests). */
  destination?: DestinationStream;
}

/**
 * With tracing off no context manager is registered and the active span is always undefined.
 * pino merges the line's fields into the returned object: a new one each time.
 */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ctx = span.spanContext();
  return isSpanContextValid(ctx) ? { traceId: ctx.traceId, spanId: ctx.spanId } : {};
}

export function createLogger(opts: LoggerOptions): Logger {
  const options = {
    level: opts.level,
    base: { pid: process.pid, process: opts.process, ...(opts.gatewayId ? { gatewayId: opts.gatewayId } : {}) },
    redact: ['req.headers.authorization'],
    mixin: traceFields,
  };
  const human = opts.pretty ?? process.stdout.isTTY === true;
  // Written synchronously in both cases, so the last lines before an exit are never lost.
  return human
    ? pino(options, pretty({ sync: true, ignore: 'pid,hostname,process', messageFormat: '[{process}] {msg}' }))
    : pino(options, opts.destination ?? pino.destination({ fd: 1, sync: true }));
}
