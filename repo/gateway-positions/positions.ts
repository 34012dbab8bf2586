// Where each gateway is in its own downstream topic: the next offset to deliver, per partition,
// so a gateway restarted with the same id resumes where its predecessor stopped. Offsets are
// 64-bit and travel as bigint (decimal strings in SQL), never as JS numbers.
import { isGatewayId } from '../../contract/index.ts';
import { ValidationError } from '../errors.ts';
import type { Orm } from '../orm.ts';
import { marks, rows, run } from '../sql.ts';
import { checkInt, checkString } from '../validate.ts';

/** Kafka's own rule for topic names. */
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const MAX_PARTITION = 2 ** 31 - 1;
const MAX_OFFSET = 2n ** 64n - 1n;

function checkKey(gatewayId: string, topic: string): void {
  if (!isGatewayId(gatewayId)) throw new ValidationError('gatewayId', 'must be 1 to 64 characters [A-Za-z0-9_-]');
  checkString('topic', topic, { min: 1, max: 249, pattern: TOPIC, hint: 'a Kafka topic name' });
}

export async function loadGatewayPositions(orm: Orm, gatewayId: string, topic: string): Promise<Map<number, bigint>> {
  checkKey(gatewayId, topic);
  // As text: a driver may hand back a BIGINT above 2^53 as a rounded number.
  const found = await rows(
    orm.em.fork(),
    'SELECT partition_no, CAST(next_offset AS CHAR) AS next_offset FROM gateway_positions WHERE gateway_id = ? AND topic = ?',
    [gatewayId, topic],
  );
  return new Map(found.map((r) => [Number(r.partition_no), BigInt(String(r.next_offset))]));
}

/**
 * Stores the given partitions' positions in one statement (other partitions keep theirs). A
 * position is replaced, not kept at the higher of old and new: a topic deleted and created again
 * starts over at offset 0, and a gateway must be able to follow it back. Moving back by mistake
 * costs a replay (clients drop frames they have by id); a position stuck ahead would skip frames.
 */
export async function saveGatewayPositions(orm: Orm, gatewayId: string, topic: string, entries: [number, bigint][]): Promise<void> {
  checkKey(gatewayId, topic);
  if (entries.length === 0) return;
  const params: unknown[] = [];
  for (const [i, [partition, offset]] of entries.entries()) {
    checkInt(`entries[${i}].partition`, partition, 0, MAX_PARTITION);
    if (typeof offset !== 'bigint' || offset < 0n || offset > MAX_OFFSET) throw new ValidationError(`entries[${i}].offset`, 'must be a bigint from 0 to 2^64-1');
    params.push(gatewayId, topic, partition, offset.toString());
  }
  const values = new Array<string>(entries.length).fill(`(${marks(4)}, CURRENT_TIMESTAMP(3))`).join(', ');
  await run(
    orm.em.fork(),
    `INSERT INTO gateway_positions (gateway_id, topic, partition_no, next_offset, updated_at) VALUES ${values}
     ON DUPLICATE KEY UPDATE next_offset = VALUES(next_offset), updated_at = VALUES(updated_at)`,
    params,
  );
}
