// The failure classes every consumer sorts errors into (docs/protocol.md, "Failure classes"):
// a refusal is answered and committed, poison is isolated and dead-lettered, and a transient
// error (a dependency unreachable) is retried in place with backoff, without a consumer restart.
import { setTimeout as sleep } from 'node:timers/promises';
import type { EachBatchPayload } from 'kafkajs';

/** Network and server-side conditions that pass by themselves when a dependency comes back. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED',
  // mysql2 / MariaDB
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT',
  'ER_SERVER_SHUTDOWN', 'ER_QUERY_INTERRUPTED', 'ER_CONNECTION_KILLED', 'ER_NET_READ_ERROR', 'ER_NET_WRITE_INTERRUPTED', 'ETIMEOUT',
]);

const TRANSIENT_NAMES = new Set([
  // MikroORM's driver exceptions
  'ConnectionException', 'DeadlockException', 'LockWaitTimeoutException',
  // KafkaJS
  'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSBrokerNotFound',
  'KafkaJSConnectionClosedError', 'KafkaJSLockTimeout', 'KafkaJSMetadataNotLoaded', 'KafkaJSTimeout',
  // ioredis
  'MaxRetriesPerRequestError',
  // bus/kafka.ts: the producer was recreated, send again
  'ProducerResetError',
  // Temporal client
  'TransportError', 'ConnectionError',
]);

const TRANSIENT_MESSAGES = /Connection is closed|connect ECONNREFUSED|ETIMEDOUT|Stream isn't writeable|socket hang up|Connection lost|Too many connections|UNAVAILABLE|DEADLINE_EXCEEDED|ECONNRESET|Pool is closed|Can't add new command when connection is in closed state|read ECONNRESET|Timeout acquiring a connection/i;

/** True when `err` (or anything in its cause chain) says a dependency is unreachable or busy. */
export function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    if (typeof e !== 'object') break;
    const x = e as { name?: unknown; code?: unknown; errno?: unknown; retriable?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof x.code === 'string' && TRANSIENT_CODES.has(x.code)) return true;
    // gRPC (Temporal): 4 DEADLINE_EXCEEDED, 8 RESOURCE_EXHAUSTED (a rate limit), 14 UNAVAILABLE.
    if (x.code === 4 || x.code === 8 || x.code === 14) return true;
    if (typeof x.name === 'string' && TRANSIENT_NAMES.has(x.name)) return true;
    // KafkaJS marks what a retry can fix.
    if (typeof x.name === 'string' && x.name.startsWith('KafkaJS') && x.retriable === true) return true;
    if (typeof x.message === 'string' && TRANSIENT_MESSAGES.test(x.message)) return true;
    e = x.cause ?? x.originalError;
  }
  return false;
}

/** Full-jitter exponential backoff: 0..min(cap, base·2^attempt) ms. */
export function backoffMs(attempt: number, baseMs = 100, capMs = 5000): number {
  return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16)));
}

/**
 * Waits `ms` while keeping the consumer's group membership alive: a consumer backing off in
 * place must not be thrown out of its group (that would stall every partition it holds).
 */
export async function waitInPlace(ms: number, keepAlive: () => Promise<void>, stillWanted: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (stillWanted()) {
    const left = until - Date.now();
    if (left <= 0) return;
    await sleep(Math.min(left, 1000));
    await keepAlive();
  }
}

/** Short description of an error for logs and dead letters (no stack, bounded). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 1000);
  return String(err).slice(0, 1000);
}

/** During an outage the heartbeat fails too; a rebalance it reports must still end the batch. */
export async function heartbeatIfPossible(payload: EachBatchPayload): Promise<void> {
  try {
    await payload.heartbeat();
  } catch (err) {
    const type = (err as { type?: unknown }).type;
    if (type === 'REBALANCE_IN_PROGRESS' || type === 'UNKNOWN_MEMBER_ID' || type === 'ILLEGAL_GENERATION' || type === 'NOT_COORDINATOR_FOR_GROUP') throw err;
  }
}
