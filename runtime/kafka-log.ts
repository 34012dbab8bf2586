// kafkajs' log lines routed into the process logger, with kafkajs' levels mapped to pino's.
import { logLevel, type logCreator } from 'kafkajs';
import type { BaseLogger } from 'pino';
import type { LevelWithSilent } from './logger.ts';

const toPino: Record<number, 'error' | 'warn' | 'info' | 'debug'> = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug' };

/**
 * The kafkajs level matching the logger's. kafkajs' INFO lines (every join, start and stop of
 * each consumer and producer, with their whole assignment) are debug detail here.
 */
export function kafkaLogLevel(level: LevelWithSilent): logLevel {
  if (level === 'silent') return logLevel.NOTHING;
  if (level === 'debug' || level === 'trace') return logLevel.DEBUG;
  if (level === 'fatal' || level === 'error') return logLevel.ERROR;
  return logLevel.WARN;
}

/** What of a logger kafkajs' lines need (the process logger, or Fastify's, which is the same). */
export type KafkaLogSink = Pick<BaseLogger, 'level' | 'error' | 'warn' | 'info' | 'debug'>;

/**
 * kafkajs' connection layer logs every error answer to a request ("Response Metadata(…)") at
 * ERROR, before the code that made the request decides what the answer means: retried (a topic
 * another process has just created has no leader yet, a leader election, a group rebalance),
 * taken as success (a topic that already exists), or thrown. What is thrown reaches GoChat's code,
 * which logs it where it handles it; the per-request answer itself is detail, logged at debug.
 */
function isRequestAnswer(namespace: string, message: string): boolean {
  return namespace === 'Connection' && message.startsWith('Response ');
}

export function kafkaLogCreator(logger: KafkaLogSink): logCreator {
  return () => ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
    const pinoLevel = isRequestAnswer(namespace, message) ? 'debug' : (toPino[level] ?? 'info');
    logger[pinoLevel]({ component: 'kafkajs', namespace, ...fields }, message);
  };
}
