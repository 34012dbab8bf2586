// `npm run dlq -- list|replay …`: the operator's view of the dead-letter topic (docs/dead-letters.md).
// Every run reads the topic to its current end and exits; exit 1 on a failure, 2 on bad usage.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { createKafka } from '../bus/kafka.ts';
import { describeError } from '../bus/failures.ts';
import { topicNames } from '../bus/topics.ts';
import { loadConfigOrExit } from '../config/index.ts';
import type { DeadLetter } from '../contract/index.ts';
import { list, type ListOptions } from './dlq/list.ts';
import { Failure, readToEnd } from './dlq/read.ts';
import { replay, type ReplayOptions } from './dlq/replay.ts';

const USAGE = `usage: npm run dlq -- list [--limit N] [--class invalid|failed|refused] [--topic T] [--json]
       npm run dlq -- replay (--offset O [--offset O2 …] | --all) [--class C] [--dry-run]`;
const TIMEOUT_MS = 30_000;
const CLASSES: readonly string[] = ['invalid', 'failed', 'refused'] satisfies DeadLetter['class'][];

/** The run or the disconnect took too long: something may still be pending, so the exit is forced. */
class TimedOut extends Failure {}

type Command = ({ command: 'list' } & ListOptions) | ({ command: 'replay' } & ReplayOptions);

function usage(problem: string): never {
  console.error(`dlq: ${problem}\n${USAGE}`);
  process.exit(2);
}

function parse(argv: string[]): Command {
  const [command, ...rest] = argv;
  const str = { type: 'string' } as const;
  const bool = { type: 'boolean', default: false } as const;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    if (command === 'list') {
      const { values: v } = parseArgs({ args: rest, options: { limit: { ...str, default: '100' }, class: str, topic: str, json: bool } });
      if (!/^[1-9]\d*$/.test(v.limit)) usage(`--limit must be a positive integer, not "${v.limit}"`);
      return { command, limit: Number(v.limit), class: letterClass(v.class), ...(v.topic !== undefined ? { topic: v.topic } : {}), json: v.json };
    }
    if (command === 'replay') {
      const { values: v } = parseArgs({ args: rest, options: { offset: { ...str, multiple: true }, all: bool, class: str, 'dry-run': bool } });
      if (v.all === (v.offset !== undefined)) usage('give either --offset (one or more) or --all');
      const bad = v.offset?.find((o) => !/^(\d+:)?\d+$/.test(o));
      if (bad !== undefined) usage(`--offset takes a dead-letter offset as list shows it (O, or P:O off partition 0), not "${bad}"`);
      // Normalised the way list prints positions: "007" and "0:7" both mean 7.
      const which = v.all ? 'all' : v.offset!.map((o) => o.split(':').map((n) => String(BigInt(n))).join(':').replace(/^0:/, ''));
      return { command, which, class: letterClass(v.class), dryRun: v['dry-run'] };
    }
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err)); // parseArgs: unknown option, missing value, stray argument
  }
  usage(command === undefined ? 'no command given' : `unknown command "${command}"`);
}

function letterClass(c: string | undefined): DeadLetter['class'] | undefined {
  if (c !== undefined && !CLASSES.includes(c)) usage(`--class must be one of ${CLASSES.join(', ')}, not "${c}"`);
  return c as DeadLetter['class'] | undefined;
}

/** The promise's outcome, or TimedOut after `ms`; the timer never keeps the process alive. */
async function within<T>(ms: number, work: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(message)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

const args = parse(process.argv.slice(2));
const config = loadConfigOrExit();
const kafka = createKafka(config, '-dlq');
const brokers = config.kafka.brokers.join(',');
const dlqTopic = topicNames(config.kafka.topicSuffix).deadLetter;
const groupId = `dlq.reader.${randomUUID()}${config.kafka.topicSuffix}`;
const admin = kafka.admin();
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
let joined = false; // no group to delete otherwise (and no broker to ask, when Kafka is down)
consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
let producer: Producer | undefined;

async function produce(topicMessages: TopicMessages[]): Promise<void> {
  // Idempotent, one request in flight, retried until the run's deadline: a retried send neither
  // duplicates nor reorders a replay (a bounded retry count would void that, kafkajs warns).
  producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: Number.MAX_SAFE_INTEGER },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  await producer.sendBatch({ acks: -1, topicMessages });
}

async function run(): Promise<void> {
  await admin.connect();
  const entries = await readToEnd(admin, consumer, dlqTopic);
  if (args.command === 'list') list(entries, args, dlqTopic);
  else await replay(entries, args, admin, produce);
}

async function close(): Promise<void> {
  await consumer.disconnect();
  try {
    if (joined) await admin.deleteGroups([groupId]);
  } catch (err) {
    // A group that never committed is dropped by the broker once its member leaves: nothing to delete.
    const groups = (err as { groups?: { error?: { type?: string } }[] }).groups;
    if (!groups?.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND')) console.warn(`dlq: could not delete consumer group ${groupId}: ${describeError(err)}`);
  }
  await Promise.allSettled([producer?.disconnect(), admin.disconnect()]);
}

let code = 0;
let stuck = false;
try {
  await within(TIMEOUT_MS, run(), `gave up after ${TIMEOUT_MS / 1000} s: ${args.command} of ${dlqTopic} did not finish (Kafka at ${brokers} slow or unreachable?)`);
} catch (err) {
  console.error(`dlq: ${err instanceof Failure ? err.message : `${describeError(err)} (Kafka at ${brokers})`}`);
  code = 1;
  stuck = err instanceof TimedOut;
}
try {
  await within(5000, close(), 'Kafka clients did not disconnect within 5 s');
} catch (err) {
  console.error(`dlq: ${err instanceof Failure ? err.message : describeError(err)}`);
  code ||= 1;
  stuck ||= err instanceof TimedOut;
}
// Only a timed-out run or disconnect may still hold sockets or retry timers: only then is the exit forced.
if (stuck) process.exit(code);
process.exitCode = code;
