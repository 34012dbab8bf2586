// Fuzzing the upstream topic of a real cluster: about 2,000 random and mutated records produced
// straight to gochat.messages.upstream (a topic is a trust boundary like a port: anything can
// be produced to it), half of them keyed by a real conversation so they share its partition
// with real traffic, interleaved with valid sends over a WebSocket in that conversation. Every
// valid send must be acked and delivered in order, every record that fails the contract must
// reach the dead-letter topic, the logic worker must stay alive and its lag must drain.
import { randomBytes } from 'node:crypto';
import { Partitioners, type Admin, type Consumer, type Kafka, type Message, type PartitionMetadata, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from '../../bus/kafka.ts';
import { topicNames, type TopicNames } from '../../bus/topics.ts';
import { loadConfig } from '../../config/index.ts';
import { checker, deadLetterRecord, errorCodes, readJson, ServerFrame, upstreamRecord, type DeadLetter } from '../../contract/index.ts';
import { createGroup, registerUser, WsClient, type Frame, type User } from '../realtime/clients.ts';
import { startCluster, waitFor, type Cluster, type Proc } from '../realtime/harness.ts';
import { encode, garbageText, mutateObject, mutateText, preview, Rng, suiteSeed, unicodeString, WEIRD_IDS, deepNesting, type FieldHints, type Fuzzed } from './mutate.ts';

const SEED = suiteSeed(0x5eed_0003);
const RECORDS = 2000;
/** Poison records produced between two valid sends. */
const PER_VALID = 20;

const serverFrame = checker(ServerFrame);
const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

let cluster: Cluster;
let topics: TopicNames;
let maxContentBytes: number;
let kafka: Kafka;
let producer: Producer;
let admin: Admin;
let partitionMetadata: PartitionMetadata[];
let tap: Consumer;
const letters: { value: unknown; raw: string }[] = [];
let a: User;
let b: User;
let outsider: User;
let conversationId: string;
let foreignConversationId: string;
let gatewayId: string;
const clients: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({ gateways: 1, env: { WS_MAX_FRAMES_PER_SECOND: '2000' } });
  const config = loadConfig({ ...process.env, ...cluster.env });
  maxContentBytes = config.chat.maxContentBytes;
  topics = topicNames(config.kafka.topicSuffix);
  gatewayId = cluster.gateways[0]!.id;
  const rest = cluster.gateways[0]!.url;
  [a, b, outsider] = await Promise.all([registerUser(rest, 'kfa'), registerUser(rest, 'kfb'), registerUser(rest, 'kfc')]);
  conversationId = await createGroup(rest, a, [b], 'kafka-fuzz');
  foreignConversationId = await createGroup(rest, outsider, [b], 'kafka-fuzz-foreign');

  kafka = createKafka(config, '-fuzz');
  // The same partitioner as GoChat's producers: a record keyed by the conversation id lands on
  // the partition of that conversation's real sends.
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  admin = kafka.admin();
  await admin.connect();
  // The logic worker creates its topics when it starts; the cluster is up by now.
  await waitFor('the upstream and dead-letter topics', async () => {
    const names = await admin.listTopics();
    return names.includes(topics.deadLetter) && names.includes(topics.upstream);
  }, 30_000, 200);
  partitionMetadata = (await admin.fetchTopicMetadata({ topics: [topics.upstream] })).topics[0]!.partitions;
  tap = kafka.consumer({ groupId: `fuzz-tap${config.kafka.topicSuffix}`, maxWaitTimeInMs: 50 });
  await tap.connect();
  await tap.subscribe({ topic: topics.deadLetter, fromBeginning: true });
  await tap.run({
    eachMessage: async ({ message }) => {
      const raw = message.value?.toString('utf8') ?? '';
      const json = readJson(message.value);
      letters.push({ value: json.ok ? json.value : undefined, raw });
      await Promise.resolve();
    },
  });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await tap?.disconnect().catch(() => undefined);
  await producer?.disconnect().catch(() => undefined);
  await admin?.disconnect().catch(() => undefined);
  await cluster?.stop();
});

interface Poison {
  message: Message;
  description: string;
  /** Where it was written, once produced. */
  at?: string;
  /** Fails the contract (or is not JSON at all): must be dead-lettered as `invalid`. */
  invalid: boolean;
}

/** Whether the logic worker must refuse the value as it reads it (contract/records.ts). */
function failsContract(value: Buffer | null): boolean {
  const json = readJson(value);
  if (!json.ok) return true;
  if (!upstreamRecord.check(json.value)) return true;
  return Buffer.byteLength((json.value as { content: string }).content) > maxContentBytes;
}

function planPoison(rng: Rng): Poison[] {
  let n = 0;
  const gatewayIds = [gatewayId, 'gw-fuzz-ghost'];
  const fields: Record<string, FieldHints> = {
    kind: { valid: ['send', 'ack', 'message', 'error', 'event', 'SEND', 'send '] },
    userId: { id: true, valid: [a.id, b.id, outsider.id] },
    conversationId: { id: true, valid: [conversationId, foreignConversationId, '18446744073709551615'] },
    clientMsgId: { maxLength: 64 },
    messageType: { range: [1, 255] },
    content: { maxLength: maxContentBytes },
    gatewayId: { maxLength: 64, valid: gatewayIds },
    connectionId: { maxLength: 64 },
    timestamp: { range: [0, Number.MAX_SAFE_INTEGER] },
  };
  const template = (): Record<string, Fuzzed> => ({
    kind: 'send',
    userId: rng.pick([a.id, a.id, b.id, outsider.id]),
    conversationId: rng.pick([conversationId, conversationId, foreignConversationId, '18446744073709551615']),
    clientMsgId: `kz${SEED.toString(36)}-${n++}`,
    messageType: rng.between(1, 255),
    content: `poison ${n} ${unicodeString(rng, rng.between(1, 30))}`,
    gatewayId,
    ...(rng.chance(0.5) ? { connectionId: randomBytes(8).toString('hex') } : {}),
    timestamp: Date.now(),
  });
  const key = (): Buffer | string | null => rng.weighted<() => Buffer | string | null>([
    [50, () => conversationId],
    [25, () => rng.pick([...WEIRD_IDS, foreignConversationId, String(rng.int(1_000_000_000))])],
    [10, () => null],
    [10, () => rng.bytes(rng.between(1, 40))],
    [5, () => unicodeString(rng, rng.between(1, 20))],
  ])();

  const plan: Poison[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const kind = rng.weighted<string>([[60, 'mutated'], [10, 'mutated+text'], [8, 'forged'], [7, 'garbage'], [5, 'bytes'], [3, 'tombstone'], [2, 'empty'], [2, 'deep'], [3, 'oversize']]);
    let value: Buffer | string | null;
    let what: string;
    switch (kind) {
      case 'mutated': {
        const m = mutateObject(rng, template(), fields, rng.between(1, 3));
        value = encode(m.value);
        what = m.ops.join(', ');
        break;
      }
      case 'mutated+text': {
        const m = mutateObject(rng, template(), fields, rng.between(0, 2));
        const t = mutateText(rng, encode(m.value));
        value = t.text;
        what = [...m.ops, `text:${t.op}`].join(', ');
        break;
      }
      case 'forged':
        // Well-formed, but not from a gateway: another user, another conversation, no socket.
        value = encode(template());
        what = 'forged';
        break;
      case 'garbage':
        value = garbageText(rng);
        what = 'garbage';
        break;
      case 'bytes':
        value = rng.bytes(rng.between(1, 300));
        what = 'random bytes';
        break;
      case 'tombstone':
        value = null;
        what = 'null value';
        break;
      case 'empty':
        value = '';
        what = 'empty value';
        break;
      case 'deep':
        value = encode({ ...template(), [rng.pick(['kind', 'content', 'extra'])]: deepNesting(rng, rng.pick([1000, 5000, 20_000])) });
        what = 'deep nesting';
        break;
      default: {
        const size = maxContentBytes + rng.pick([1, 2, 1000, 100_000]);
        value = encode({ ...template(), content: 'x'.repeat(size) });
        what = `content of ${size} bytes`;
      }
    }
    // A valid-looking gateway id that is not one of ours would create a downstream topic for it.
    if (typeof value === 'string' && value.startsWith('{')) {
      try {
        const v = JSON.parse(value) as { gatewayId?: unknown };
        if (typeof v.gatewayId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v.gatewayId) && !gatewayIds.includes(v.gatewayId)) {
          value = value.replace(JSON.stringify(v.gatewayId), JSON.stringify(gatewayIds[1]));
        }
      } catch {
        // not JSON: nothing to rewrite
      }
    }
    const buf = value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    const k = key();
    plan.push({
      message: { key: k, value: buf },
      description: `#${i} ${kind} [${what}] key=${k === null ? 'null' : preview(k, 30)} value=${buf === null ? 'null' : preview(typeof value === 'string' ? value : buf)}`,
      invalid: failsContract(buf),
    });
  }
  return plan;
}

describe(`Kafka upstream fuzz (seed ${SEED}, FUZZ_SEED to change)`, () => {
  it(`keeps acking and delivering in order through ${RECORDS} poison records on the conversation's partition`, async () => {
    const plan = planPoison(new Rng(SEED));
    const ca = await WsClient.connect(cluster.gateways[0]!.wsUrl, a.token);
    const cb = await WsClient.connect(cluster.gateways[0]!.wsUrl, b.token);
    clients.push(ca, cb);
    const nonce = randomBytes(3).toString('hex');
    const validId = (k: number) => `ok-${nonce}-${k}`;
    const isAck = (id: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === id;
    const problems: string[] = [];

    // Poison in batches of PER_VALID, each followed by a valid send in the real conversation.
    const batches: Poison[][] = [];
    for (let i = 0; i < plan.length; i += PER_VALID) batches.push(plan.slice(i, i + PER_VALID));
    // Each record's partition is chosen here, with GoChat's partitioner, so its offset is known:
    // a consumer's complaint about partition:offset names the record.
    const partitioner = Partitioners.DefaultPartitioner();
    const byPlace = new Map<string, Poison>();
    const produce = async (batch: Poison[]) => {
      for (const p of batch) p.message.partition = partitioner({ topic: topics.upstream, partitionMetadata, message: p.message });
      const meta = await producer.send({ topic: topics.upstream, messages: batch.map((p) => p.message), acks: -1 });
      for (const m of meta) {
        let offset = BigInt(m.baseOffset ?? m.offset ?? '0');
        for (const p of batch.filter((x) => x.message.partition === m.partition)) {
          p.at = `${m.partition}:${offset++}`;
          p.description = `${p.description.replace(/^(#\d+)/, `$1 @${p.at}`)}`;
          byPlace.set(p.at, p);
        }
      }
    };
    /** The records from a partition:offset a consumer complained about. */
    const recordsFrom = (partition: number, offset: bigint) => {
      const found: string[] = [];
      for (let o = offset; found.length < 8 && o < offset + 200n; o++) {
        const p = byPlace.get(`${partition}:${o}`);
        if (p) found.push(p.description);
      }
      return found;
    };
    const logicComplaints = () => {
      const out = cluster.logic.output.join('');
      const places = [...out.matchAll(/Error when calling eachBatch","topic":"[^"]*","partition":(\d+),"offset":"(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
      return [...new Set(places)].map((place) => {
        const [partition, offset] = place.split(':');
        return `the logic consumer fails on the batch at ${place}, which starts with:\n      ${recordsFrom(Number(partition), BigInt(offset!)).join('\n      ')}`;
      });
    };

    const started = Date.now();
    let stalled = false;
    for (let k = 0; k < batches.length; k++) {
      await produce(batches[k]!);
      ca.send({ type: 'send', client_msg_id: validId(k), conversation_id: conversationId, content: `valid ${k}` });
      // Keep the valid sends from racing far ahead (at most a few outstanding acks), unless the
      // pipeline has stalled: then the rest goes out at once and the checks below tell.
      if (k >= 5 && !stalled) stalled = !(await ca.next(isAck(validId(k - 5)), 10_000).then(() => true, () => false));
    }
    const produceMs = Date.now() - started;

    // Every valid send is acked, and b gets them all, in the order they were sent.
    const acked = await waitFor('acks of every valid send', () => batches.every((_, k) => ca.frames.some(isAck(validId(k)))), stalled ? 5000 : 20_000).catch(() => false);
    if (!acked) {
      const missing = batches.map((_, k) => k).filter((k) => !ca.frames.some(isAck(validId(k))));
      const first = missing[0]!;
      problems.push(`${missing.length} of ${batches.length} valid sends were never acked, the first ${validId(first)}; the poison produced just before it:\n      ${batches[first]!.map((p) => p.description).join('\n      ')}`);
    }
    const received = () => cb.all((f) => f.type === 'message' && String((f.message as { client_msg_id: string }).client_msg_id).startsWith(`ok-${nonce}-`));
    const distinct = () => new Set(received().map((f) => (f.message as { message_id: string }).message_id)).size;
    await waitFor('b to receive every valid send', () => distinct() >= batches.length, acked ? 10_000 : 2000).catch(() => undefined);
    // A record handled twice (a consumer restarted before committing) fans out twice; clients
    // drop a message_id they already have (docs/protocol.md), so order is checked on first copies.
    const firstCopies = new Map<string, { client_msg_id: string; seq: number }>();
    for (const f of received()) {
      const m = f.message as { message_id: string; client_msg_id: string; seq: number };
      if (!firstCopies.has(m.message_id)) firstCopies.set(m.message_id, m);
    }
    const got = [...firstCopies.values()];
    const order = got.map((m) => Number(m.client_msg_id.split('-').at(-1)));
    const expected = batches.map((_, k) => k);
    if (JSON.stringify(order) !== JSON.stringify(expected)) problems.push(`b received the valid sends as ${JSON.stringify(order)}, expected 0..${batches.length - 1} in order`);
    for (let i = 1; i < got.length; i++) if (got[i]!.seq <= got[i - 1]!.seq) problems.push(`seq went backwards at ${got[i]!.client_msg_id}: ${got[i - 1]!.seq} then ${got[i]!.seq}`);

    // Lag drains: a last send is acked within a few seconds, and the logic group commits up to
    // the end of every partition of the upstream topic.
    const lastId = `last-${nonce}`;
    const lastSent = Date.now();
    ca.send({ type: 'send', client_msg_id: lastId, conversation_id: conversationId, content: 'last' });
    const lastAck = await ca.next(isAck(lastId), 5000).then(() => Date.now() - lastSent).catch(() => undefined);
    if (lastAck === undefined) problems.push('a valid send after the fuzz was not acked within 5 s');
    // A stalled pipeline will not drain either: the checks below then only take a short look.
    const healthy = acked && lastAck !== undefined;
    let lagging = '';
    const drained = await waitFor('the logic group to commit every partition to its end', async () => {
      const ends = await admin.fetchTopicOffsets(topics.upstream);
      const [committed] = await admin.fetchOffsets({ groupId: topics.logicGroup, topics: [topics.upstream] });
      const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      const behind = ends.filter((e) => (at.get(e.partition) ?? -1n) < BigInt(e.high));
      lagging = behind.map((e) => `partition ${e.partition}: committed ${String(at.get(e.partition) ?? 'none')}, end ${e.high}`).join('; ');
      return behind.length === 0;
    }, healthy ? 15_000 : 3000, 250).catch(() => false);
    if (!drained) problems.push(`the logic group's lag does not drain: ${lagging}`);

    // Every record that fails the contract is in the dead-letter topic, as `invalid`, as read.
    const expectedInvalid = new Map<string, number>();
    for (const p of plan) {
      if (!p.invalid) continue;
      const raw = p.message.value === null || p.message.value === undefined ? '' : Buffer.from(p.message.value as Buffer).toString('utf8');
      expectedInvalid.set(raw, (expectedInvalid.get(raw) ?? 0) + 1);
    }
    const missingLetters = () => {
      const found = new Map<string, number>();
      for (const l of letters) {
        const v = l.value as DeadLetter | undefined;
        if (v?.class === 'invalid' && v.topic === topics.upstream) found.set(v.raw, (found.get(v.raw) ?? 0) + 1);
      }
      return [...expectedInvalid].filter(([raw, count]) => (found.get(raw) ?? 0) < count);
    };
    await waitFor('a dead letter for every invalid record', () => missingLetters().length === 0, healthy ? 15_000 : 3000).catch(() => undefined);
    const missing = missingLetters();
    if (missing.length > 0) {
      const examples = missing.slice(0, 5).map(([raw]) => plan.find((p) => p.invalid && (p.message.value === null ? '' : Buffer.from(p.message.value as Buffer).toString('utf8')) === raw)?.description ?? preview(raw));
      problems.push(`${missing.length} invalid record(s) never reached the dead-letter topic, e.g.:\n      ${examples.join('\n      ')}`);
    }
    for (const l of letters) {
      const problem = deadLetterRecord.problem(l.value);
      if (problem) problems.push(`a dead letter outside the contract (${problem.field} ${problem.problem}): ${preview(l.raw)}`);
    }

    // What the members' sockets got: contract frames only, documented codes, no INTERNAL_ERROR.
    for (const [who, c] of [['a', ca], ['b', cb]] as const) {
      for (const f of c.frames) {
        const problem = serverFrame.problem(f);
        if (problem) problems.push(`${who} received a frame outside the contract (${problem.field} ${problem.problem}): ${preview(JSON.stringify(f))}`);
        if (f.type === 'error' && !errorCodes.includes(f.code as never)) problems.push(`${who} received an undocumented error code ${JSON.stringify(f.code)}`);
        if (f.type === 'error' && f.code === 'INTERNAL_ERROR') problems.push(`${who} received INTERNAL_ERROR: ${JSON.stringify(f)}`);
      }
    }
    for (const p of [cluster.logic, cluster.gateways[0]!.proc, cluster.worker]) {
      if (!alive(p)) problems.push(`${p.name} exited (${String(p.child.exitCode ?? p.child.signalCode)}):\n${p.output.join('').slice(-1500)}`);
    }
    const crashes = cluster.logic.output.join('').match(/consumer crashed/g)?.length ?? 0;
    if (crashes > 0) {
      const out = cluster.logic.output.join('');
      const last = out.lastIndexOf('logic: consumer crashed');
      problems.push(`the logic consumer crashed ${crashes} time(s), the last time with:\n${out.slice(last, last + 900)}`);
    }
    problems.push(...logicComplaints());

    const classes = new Map<string, number>();
    for (const l of letters) {
      const c = (l.value as { class?: string } | undefined)?.class ?? '?';
      classes.set(c, (classes.get(c) ?? 0) + 1);
    }
    console.warn(`kafka fuzz seed ${SEED}: ${plan.length} records (${plan.filter((p) => p.invalid).length} invalid, ${plan.filter((p) => p.message.key === conversationId).length} on the conversation's key) and ${batches.length} valid sends in ${produceMs} ms; last ack after ${String(lastAck)} ms; dead letters ${JSON.stringify(Object.fromEntries(classes))}; a got ${ca.frames.length} frames, b ${cb.frames.length}`);

    expect(problems, problems.slice(0, 20).join('\n')).toEqual([]);
  }, 150_000);
});
