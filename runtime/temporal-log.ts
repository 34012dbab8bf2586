// The Temporal SDK's Logger interface on top of the process logger: the worker's own lines and
// the native core's (forwarded) land in the same JSON stream.
import type { Logger as TemporalLogger, LogLevel as TemporalLevel, LogMetadata } from '@temporalio/common';
import type { Level, LevelWithSilent, Logger } from './logger.ts';

const toPino: Record<TemporalLevel, Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** The SDK level matching the logger's (the SDK has no "off": silent keeps errors, which pino then drops). */
export function temporalLogLevel(level: LevelWithSilent): TemporalLevel {
  return ({ fatal: 'ERROR', error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', trace: 'TRACE', silent: 'ERROR' } as const)[level];
}

export class TemporalLogAdapter implements TemporalLogger {
  private readonly logger: Logger;
  constructor(logger: Logger) {
    this.logger = logger.child({ component: 'temporal' });
  }

  log(level: TemporalLevel, message: string, meta?: LogMetadata): void {
    const fields: Record<string, unknown> = { ...meta };
    // pino serialises errors under `err` only.
    if (fields.error instanceof Error && fields.err === undefined) {
      fields.err = fields.error;
      delete fields.error;
    }
    this.logger[toPino[level]](fields, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
