// Reads the dead-letter topic from its start up to the end it had when reading began, so the
// tool stops by itself even while consumers keep writing letters. kafkajs cannot read without a
// consumer group: the caller passes a consumer in a group of a fresh name that commits nothing
// (and deletes it afterwards), so no lasting group is left behind.
import type { Admin, Consumer, KafkaMessage } from 'kafkajs';
import { deadLetterRecord, readJson, type DeadLetter } from '../../contract/index.ts';

/** A record of the dead-letter topic: a letter, or what is wrong with it (listed, never fatal). */
export type Entry = { partition: number; offset: string } & (
  | { ok: true; letter: DeadLetter }
  | { ok: false; problem: string; raw: string }
);

/** An expected failure: its message is all the operator needs (exit 1, no stack). */
export class Failure extends Error {}

export async function readToEnd(admin: Admin, consumer: Consumer, topic: string): Promise<Entry[]> {
  if (!(await admin.listTopics()).includes(topic)) {
    throw new Failure(`topic ${topic} does not exist: nothing was dead-lettered yet, or KAFKA_TOPIC_SUFFIX is not the one the consumers use`);
  }
  const ends = new Map<number, bigint>();
  for (const p of await admin.fetchTopicOffsets(topic)) {
    if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high));
  }
  // Keyed by position: a batch fetched twice (a retried fetch) must not list a letter twice.
  const entries = new Map<string, Entry>();
  if (ends.size > 0) {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, (e) => {
        if (!e.payload.restart) reject(e.payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            const end = ends.get(batch.partition);
            if (end === undefined) return Promise.resolve();
            for (const m of batch.messages) {
              if (BigInt(m.offset) < end) entries.set(`${batch.partition}:${m.offset}`, decode(batch.partition, m));
            }
            if (BigInt(batch.lastOffset()) + 1n >= end) ends.delete(batch.partition);
            if (ends.size === 0) resolve();
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  }
  // Offset order is write order; the dead-letter topic has one partition unless an operator added some.
  return [...entries.values()].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

function decode(partition: number, m: KafkaMessage): Entry {
  const at = { partition, offset: m.offset };
  const raw = m.value?.toString('utf8') ?? '';
  const json = readJson(m.value);
  if (!json.ok) return { ...at, ok: false, problem: json.reason, raw };
  if (deadLetterRecord.check(json.value)) return { ...at, ok: true, letter: json.value };
  const p = deadLetterRecord.problem(json.value);
  return { ...at, ok: false, problem: p ? `${p.field}: ${p.problem}` : 'not a dead letter', raw };
}

/** How list shows a position and replay --offset takes it: `O` on partition 0, else `P:O`. */
export function position(e: { partition: number; offset: string }): string {
  return e.partition === 0 ? e.offset : `${e.partition}:${e.offset}`;
}
