// Builds the record a consumer writes to the dead-letter topic when it gives up on one:
// where it was read, what it held and why it failed (contract/records.ts DeadLetter).
import type { KafkaMessage } from 'kafkajs';
import type { DeadLetter } from '../contract/index.ts';
import type { JsonRecord } from './kafka.ts';

export function deadLetter(
  from: { topic: string; partition: number; message: Pick<KafkaMessage, 'offset' | 'key' | 'value'>; group: string },
  why: { class: DeadLetter['class']; reason: string; error?: string; requestId?: string },
  now = Date.now(),
): JsonRecord {
  const key = from.message.key?.toString('utf8') ?? null;
  const letter: DeadLetter = {
    topic: from.topic,
    partition: from.partition,
    offset: from.message.offset,
    key,
    raw: from.message.value?.toString('utf8') ?? '',
    class: why.class,
    reason: why.reason.slice(0, 1000),
    ...(why.error ? { error: why.error } : {}),
    group: from.group,
    ...(why.requestId ? { requestId: why.requestId } : {}),
    at: now,
  };
  return { ...(key !== null ? { key } : {}), value: letter, headers: { 'gochat-dead-letter-class': why.class } };
}
