// The operator's dead-letter tool (scripts/dlq.ts) run as a child process against the real
// Kafka: it lists letters and reports garbage without dying, replays one record byte for byte
// with its key, produces nothing on a dry run, and leaves no consumer group behind.
import { spawn } from 'node:child_process';
import { Partitioners, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadLetter } from '../../bus/dead-letters.ts';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import { topicNames } from '../../bus/topics.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { waitFor } from '../realtime/harness.ts';

const config = testConfig();
const suffix = config.kafka.topicSuffix;
const topics = topicNames(suffix);
// The "original" topic the letters claim to come from: unique to this run, nothing consumes it.
const original = topics.upstream;
const group = topics.logicGroup;
let kafka: Kafka;
let admin: Admin;
let producer: JsonProducer;
let rawProducer: Producer;
let tap: Consumer;
const tapped: { key: string | null; value: Buffer | null }[] = [];

// Not re-serialised JSON: odd spacing and non-ASCII text must come back exactly.
const raws = [
  '{"kind":"send",  "userId":12}',
  '{"kind":"send","userId":"7","conversationId":"8","content":"héllo ✓ 🎉"}',
  '{"kind":"send","userId":"7","conversationId":"404"}',
];
const letters = [
  { class: 'invalid', reason: 'userId: must be string', key: 'conv-a' },
  { class: 'failed', reason: 'processing failed after retries', key: 'conv-b', error: 'Error: boom', requestId: 'req-123' },
  { class: 'refused', reason: 'conversation 404 does not exist', key: 'conv-c' },
] as const;

function dlq(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, KAFKA_TOPIC_SUFFIX: suffix, KAFKA_BROKERS: config.kafka.brokers.join(',') };
  const child = spawn(process.execPath, ['scripts/dlq.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const jsonLines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  kafka = createKafka(config);
  await ensureTopics(kafka, [{ topic: topics.deadLetter }, { topic: original }]);
  admin = kafka.admin();
  producer = new JsonProducer(kafka);
  rawProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await Promise.all([admin.connect(), producer.connect(), rawProducer.connect()]);
  // Dead-letter offsets 0 and 1 are letters, 2 is garbage, 3 a letter.
  for (const [i, l] of letters.entries()) {
    const message = { offset: String(10 + i), key: Buffer.from(l.key), value: Buffer.from(raws[i]!) };
    const { key: _k, ...why } = l;
    await producer.send(topics.deadLetter, [deadLetter({ topic: original, partition: 0, message, group }, why)]);
    if (i === 1) await rawProducer.send({ topic: topics.deadLetter, messages: [{ value: 'garbage{' }], acks: -1 });
  }
  tap = kafka.consumer({ groupId: uniqueName('tap') });
  await tap.connect();
  await tap.subscribe({ topic: original, fromBeginning: true });
  await tap.run({
    eachMessage: ({ message }) => {
      tapped.push({ key: message.key?.toString('utf8') ?? null, value: message.value });
      return Promise.resolve();
    },
  });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([tap.disconnect(), producer.disconnect(), rawProducer.disconnect(), admin.disconnect()]);
});

describe('npm run dlq', () => {
  it('lists the letters oldest first and reports a garbage record without failing', async () => {
    const { code, stdout, stderr } = await dlq('list', '--json');
    expect(code, stderr).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.dlq_offset)).toEqual(['0', '1', '2', '3']);
    expect(lines[2]).toMatchObject({ dlq_partition: 0, invalid: 'not JSON', raw: 'garbage{' });
    const good = [lines[0], lines[1], lines[3]];
    expect(good.map((l) => l?.reason)).toEqual(letters.map((l) => l.reason));
    expect(good.map((l) => l?.raw)).toEqual(raws);
    expect(lines[1]).toMatchObject({ class: 'failed', requestId: 'req-123', topic: original, offset: '11', key: 'conv-b', group });
    expect(stderr).toContain('1 of them not valid dead letters');

    const text = await dlq('list', '--class', 'refused');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^3 {2}\S+Z {2}refused .*reason="conversation 404 does not exist"/)]);
    const last = await dlq('list', '--limit', '1', '--json');
    expect(jsonLines(last.stdout).map((l) => l.dlq_offset)).toEqual(['3']);

    // The throw-away reader groups are gone.
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith('dlq.reader.') && g.groupId.endsWith(suffix))).toEqual([]);
  });

  it('replays one letter byte for byte with its key; a dry run produces nothing', async () => {
    const dry = await dlq('replay', '--offset', '1', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`would replay 1 letter(s)`);
    expect(dry.stdout).toContain(`${original}/0@11`);

    const real = await dlq('replay', '--offset', '1');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain(`replayed 1 letter(s)`);
    await waitFor('the replayed record', () => tapped.length > 0);
    await new Promise((r) => setTimeout(r, 1000)); // anything else (the dry run's) would have arrived by now
    expect(tapped).toHaveLength(1);
    expect(tapped[0]!.key).toBe('conv-b');
    expect(tapped[0]!.value).toEqual(Buffer.from(raws[1]!, 'utf8'));
  });

  it('refuses to replay garbage or a missing offset, producing nothing', async () => {
    const before = tapped.length;
    const res = await dlq('replay', '--offset', '2', '--offset', '99');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('offset 2 is not a dead letter');
    expect(res.stderr).toContain('no record at dead-letter offset 99');
    expect(tapped).toHaveLength(before);
  });

  it('exits 2 with the usage line on bad arguments', async () => {
    for (const args of [[], ['frobnicate'], ['replay'], ['replay', '--all', '--offset', '1'], ['list', '--limit', 'x'], ['list', '--class', 'odd'], ['list', '--nope']]) {
      const res = await dlq(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain('usage: npm run dlq --');
    }
  });
});
