// Offline push end to end on the real stack: a gateway, the logic worker and the Temporal worker
// as processes (push on, pointed at a local receiver that checks signatures), MariaDB, Redis,
// Kafka and Temporal of the local stack. Users send over REST; whoever is offline is notified
// through the webhook, once. With RECORD_HISTORIES=1 the scenarios' workflow histories are
// written to test/workflows/histories/push-*.json for the replay test.
import { writeFile } from 'node:fs/promises';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { Consumer, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics } from '../../bus/kafka.ts';
import { topicNames, type TopicNames } from '../../bus/topics.ts';
import type { Config } from '../../config/index.ts';
import { pushWebhookBody, type DeadLetter, type PushRecord } from '../../contract/index.ts';
import { pushSettings } from '../../temporal/push.ts';
import { pushStateQuery, workflowIds, type PushResult } from '../../workflows/definitions.ts';
import type { pushWorkflow } from '../../workflows/push.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { api, befriend, createGroup, registerUser, WsClient, type User } from '../realtime/clients.ts';
import { startCluster, waitFor, type Cluster } from '../realtime/harness.ts';
import { historyToJson } from '../workflows/helpers/history-json.ts';
import { PushReceiver } from './receiver.ts';

const RECORD = process.env.RECORD_HISTORIES === '1';
const historiesDir = new URL('../workflows/histories/', import.meta.url);
const SECRET = 'push-test-secret-0123456789abcdefghijklmnop';
const WINDOW_MS = 1500;
const IDLE_MS = 4000;

const receiver = new PushReceiver(SECRET);
let cluster: Cluster;
let rest: string;
let config: Config;
let topics: TopicNames;
let temporal: Client;
let kafka: Kafka;
let tap: Consumer;
const dead: DeadLetter[] = [];
const sockets: WsClient[] = [];

beforeAll(async () => {
  await receiver.start();
  cluster = await startCluster({
    gateways: 1,
    env: {
      PUSH_WEBHOOK_URL: receiver.url,
      PUSH_WEBHOOK_SECRET: SECRET,
      PUSH_BATCH_WINDOW_MS: String(WINDOW_MS),
      PUSH_MAX_PER_BATCH: '50',
      PUSH_GROUP_MAX_MEMBERS: '4',
      PUSH_RETRY_INITIAL_MS: '200',
      PUSH_RETRY_MAX_INTERVAL_MS: '1000',
      PUSH_GIVE_UP_MS: '120000',
      PUSH_IDLE_MS: String(IDLE_MS),
      PUSH_PREVIEW_CHARS: '10',
    },
  });
  rest = cluster.gateways[0]!.url;
  config = testConfig({ KAFKA_TOPIC_SUFFIX: cluster.env.KAFKA_TOPIC_SUFFIX!, TEMPORAL_TASK_QUEUE: cluster.env.TEMPORAL_TASK_QUEUE! });
  topics = topicNames(config.kafka.topicSuffix);
  temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }), namespace: config.temporal.namespace });
  kafka = createKafka(config, '-push-test');
  await ensureTopics(kafka, [{ topic: topics.push }, { topic: topics.deadLetter }]);
  tap = kafka.consumer({ groupId: uniqueName('push-dlq-tap'), maxWaitTimeInMs: 100 });
  await tap.connect();
  await tap.subscribe({ topics: [topics.deadLetter], fromBeginning: true });
  await tap.run({
    eachMessage: ({ message }) => {
      dead.push(JSON.parse(message.value!.toString('utf8')) as DeadLetter);
      return Promise.resolve();
    },
  });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(sockets.map((s) => s.close()));
  await tap?.disconnect().catch(() => undefined);
  // A scenario that failed half-way may leave a workflow that no worker will ever finish.
  if (temporal) {
    const running = temporal.workflow.list({ query: `WorkflowType = 'pushWorkflow' AND TaskQueue = '${config.temporal.taskQueue}' AND ExecutionStatus = 'Running'` });
    for await (const w of running) await temporal.workflow.getHandle(w.workflowId).terminate('test run over').catch(() => undefined);
  }
  await cluster?.stop();
  await temporal?.connection.close();
  await receiver.stop();
});

// ---------------------------------------------------------------- helpers


interface Sent {
  message_id: string;
  seq: number;
}

async function send(from: User, conversationId: string, content: string, extra: Record<string, unknown> = {}): Promise<Sent> {
  // A 202 (still being stored) is resent with the same client_msg_id until it is stored.
  const body = { client_msg_id: uniqueName('c'), content, ...extra };
  return waitFor('the message stored', async () => {
    const r = await api<Sent>(rest, 'POST', `/conversations/${conversationId}/messages`, from.token, body);
    if (r.status !== 201 && r.status !== 202) throw new Error(`send answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.status === 201 ? r.body : undefined;
  }, 30_000, 100);
}

const pair = (tag: string) => Promise.all([registerUser(rest, tag), registerUser(rest, tag)]);
const trio = (tag: string) => Promise.all([registerUser(rest, tag), registerUser(rest, tag), registerUser(rest, tag)]);

/** The workflow's result once it ended (idle), or its state while it runs. */
function pushResult(userId: string): Promise<PushResult> {
  return temporal.workflow.getHandle(workflowIds.push(userId)).result() as Promise<PushResult>;
}

async function exists(userId: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(workflowIds.push(userId)).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

const requestsOf = (userId: string) => receiver.requests.filter((r) => r.body.user_id === userId);

async function record(name: string, workflowId: string, runId?: string): Promise<void> {
  if (!RECORD) return;
  const history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  await writeFile(new URL(`${name}.json`, historiesDir), `${JSON.stringify(historyToJson(history), null, 2)}\n`);
}

// ---------------------------------------------------------------- scenarios

describe('offline push through the webhook', () => {
  it('a 1:1 message to an offline user: one signed POST with the documented body; findable by UserId', async () => {
    const [a, b] = await pair('pa');
    const conversationId = await befriend(rest, a, b);
    const sent = await send(a, conversationId, 'hello there, offline friend');
    const got = await waitFor('the push', () => requestsOf(b.id)[0], 60_000);
    expect(got.signed).toBe(true);
    expect(got.status).toBe(200);
    expect(pushWebhookBody.check(got.body)).toBe(true);
    expect(got.headers['x-gochat-delivery']).toBe(got.body.delivery_id);
    expect(got.body.delivery_id.startsWith(`${workflowIds.push(b.id)}:`)).toBe(true);
    expect(got.body).toEqual({
      delivery_id: got.body.delivery_id,
      user_id: b.id,
      notifications: [{
        message_id: sent.message_id,
        conversation_id: conversationId,
        conversation_type: 1,
        conversation_name: null,
        seq: sent.seq,
        sender_id: a.id,
        sender_name: a.username,
        msg_type: 1,
        preview: 'hello ther',
        mentioned: false,
        created_at: expect.any(Number) as number,
      }],
    });
    // The sender is never notified of their own message.
    expect(await exists(a.id)).toBe(false);
    const workflowId = workflowIds.push(b.id);
    const found = await waitFor('the visibility query', async () => {
      const ids: string[] = [];
      for await (const w of temporal.workflow.list({ query: `UserId = '${b.id}' AND WorkflowType = 'pushWorkflow'` })) ids.push(w.workflowId);
      return ids.length > 0 ? ids : undefined;
    }, 20_000, 200);
    expect(found).toEqual([workflowId]);
    expect(await pushResult(b.id)).toEqual({ userId: b.id, batches: 1, totals: { posted: 1, skipped: 0, failed: 0 } });
    expect(requestsOf(b.id)).toHaveLength(1);
    await record('push-posted', workflowId);
  });

  it('an online member gets nothing, an offline one in the same group does', async () => {
    const [a, online, offline] = await trio('pb');
    const groupId = await createGroup(rest, a, [online, offline]);
    const socket = await WsClient.connect(cluster.gateways[0]!.wsUrl, online.token);
    sockets.push(socket);
    const sent = await send(a, groupId, 'group news');
    await waitFor('the offline member\'s push', () => requestsOf(offline.id)[0], 30_000);
    expect(receiver.messageIdsOf(offline.id)).toEqual([sent.message_id]);
    expect(requestsOf(offline.id)[0]!.body.notifications[0]).toMatchObject({ conversation_type: 2, conversation_name: 'group' });
    // Nothing was produced for the online member: no workflow either.
    expect(await exists(online.id)).toBe(false);
    expect(requestsOf(online.id)).toEqual([]);
    await socket.close();
    expect((await pushResult(offline.id)).totals).toEqual({ posted: 1, skipped: 0, failed: 0 });
  });

  it('a user who reads before the window ends is not notified', async () => {
    const [a, b] = await pair('pc');
    const conversationId = await befriend(rest, a, b);
    const sent = await send(a, conversationId, 'read me quickly');
    expect((await api(rest, 'POST', `/conversations/${conversationId}/read`, b.token, { seq: sent.seq })).status).toBe(200);
    expect(await pushResult(b.id)).toEqual({ userId: b.id, batches: 1, totals: { posted: 0, skipped: 1, failed: 0 } });
    expect(requestsOf(b.id)).toEqual([]);
  });

  it('do-not-disturb silences a conversation; a mention still comes through', async () => {
    const [a, b, c] = await trio('pd');
    const conversationId = await befriend(rest, a, b);
    const groupId = await createGroup(rest, a, [b, c]);
    for (const id of [conversationId, groupId]) {
      expect((await api(rest, 'PUT', `/conversations/${id}/settings`, b.token, { do_not_disturb: true })).status).toBe(200);
    }
    await send(a, conversationId, 'quiet please');
    await send(a, groupId, 'also quiet');
    const mention = await send(a, groupId, 'but you, b', { mentions: [b.id] });
    await waitFor('the mention\'s push', () => requestsOf(b.id)[0], 30_000);
    const result = await pushResult(b.id);
    expect(receiver.messageIdsOf(b.id)).toEqual([mention.message_id]);
    expect(requestsOf(b.id)[0]!.body.notifications[0]!.mentioned).toBe(true);
    expect(result.totals).toEqual({ posted: 1, skipped: 2, failed: 0 });
  });

  it('a burst is batched into few requests that hold every message exactly once', async () => {
    const [a, b] = await pair('pe');
    const conversationId = await befriend(rest, a, b);
    const sent: Sent[] = [];
    for (let i = 0; i < 20; i++) sent.push(await send(a, conversationId, `burst ${i}`));
    await waitFor('the whole burst', () => receiver.messageIdsOf(b.id).length >= 20, 30_000);
    const result = await pushResult(b.id);
    expect(receiver.messageIdsOf(b.id).sort()).toEqual(sent.map((s) => s.message_id).sort());
    expect(requestsOf(b.id).length).toBeLessThanOrEqual(4);
    expect(result.totals).toEqual({ posted: 20, skipped: 0, failed: 0 });
  });

  it('the receiver down for a while (refusing, then failing), then back: every notification arrives exactly once', async () => {
    const [a, b] = await pair('pf');
    const conversationId = await befriend(rest, a, b);
    const sent: Sent[] = [];
    await receiver.stop();
    try {
      for (let i = 0; i < 4; i++) sent.push(await send(a, conversationId, `while down ${i}`));
      await new Promise((r) => setTimeout(r, WINDOW_MS + 2500)); // several refused attempts
      receiver.answer = (body) => (body.user_id === b.id ? 503 : 200);
      await receiver.restart();
      await waitFor('a failed request', () => requestsOf(b.id).some((r) => r.status === 503), 20_000);
      for (let i = 0; i < 3; i++) sent.push(await send(a, conversationId, `while failing ${i}`));
      await new Promise((r) => setTimeout(r, WINDOW_MS + 1500));
    } finally {
      receiver.answer = () => 200;
      await receiver.restart().catch(() => undefined); // already up unless the test failed early
    }
    await waitFor('every notification', () => receiver.messageIdsOf(b.id).length >= sent.length, 60_000);
    const result = await pushResult(b.id);
    const ids = receiver.messageIdsOf(b.id);
    expect(ids.sort()).toEqual(sent.map((s) => s.message_id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(requestsOf(b.id).every((r) => r.signed)).toBe(true);
    expect(result.totals).toEqual({ posted: sent.length, skipped: 0, failed: 0 });
    await record('push-retried', workflowIds.push(b.id));
  });

  it('a webhook answering 400 is not retried, and the workflow goes on', async () => {
    const [a, b] = await pair('pg');
    const conversationId = await befriend(rest, a, b);
    receiver.answer = (body) => (body.user_id === b.id ? 400 : 200);
    try {
      await send(a, conversationId, 'refused');
      await waitFor('the refused request', () => requestsOf(b.id)[0], 30_000);
      // Retries would come 200 ms to 1 s apart.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      receiver.answer = () => 200;
    }
    expect(requestsOf(b.id).map((r) => r.status)).toEqual([400]);
    const next = await send(a, conversationId, 'accepted');
    await waitFor('the next push', () => receiver.messageIdsOf(b.id)[0], 30_000);
    expect(receiver.messageIdsOf(b.id)).toEqual([next.message_id]);
    expect((await pushResult(b.id)).totals).toEqual({ posted: 1, skipped: 0, failed: 1 });
    await record('push-rejected', workflowIds.push(b.id));
  });

  it('groups above PUSH_GROUP_MAX_MEMBERS push only the members a message mentions', async () => {
    const [owner, m1, m2] = await trio('ph');
    const groupId = await createGroup(rest, owner, [m1, m2, ...(await trio('ph'))]);
    await send(owner, groupId, 'to everyone, nobody pushed');
    await send(owner, groupId, '@all is no push here', { mention_all: true });
    const mention = await send(owner, groupId, 'you, m2', { mentions: [m2.id] });
    await waitFor('the mention\'s push', () => requestsOf(m2.id)[0], 30_000);
    expect(receiver.messageIdsOf(m2.id)).toEqual([mention.message_id]);
    expect(await exists(m1.id)).toBe(false);
    expect((await pushResult(m2.id)).totals).toEqual({ posted: 1, skipped: 0, failed: 0 });
  });

  it('a bad record on the push topic is dead-lettered; the records after it flow', async () => {
    const [a, b] = await pair('pi');
    const conversationId = await befriend(rest, a, b);
    const bad: Partial<PushRecord> = { messageId: 'not-an-id', conversationId, seq: 1, recipients: [b.id] };
    const raw = kafka.producer();
    await raw.connect();
    try {
      await raw.send({ topic: topics.push, messages: [{ key: conversationId, value: '{not json' }, { key: conversationId, value: JSON.stringify(bad) }] });
    } finally {
      await raw.disconnect();
    }
    const sent = await send(a, conversationId, 'after the poison');
    await waitFor('the push after the bad records', () => receiver.messageIdsOf(b.id)[0], 30_000);
    expect(receiver.messageIdsOf(b.id)).toEqual([sent.message_id]);
    expect((await pushResult(b.id)).totals).toEqual({ posted: 1, skipped: 0, failed: 0 });
    const letters = await waitFor('two dead letters', () => {
      const mine = dead.filter((d) => d.topic === topics.push && d.key === conversationId);
      return mine.length >= 2 ? mine : undefined;
    }, 20_000);
    expect(letters.map((l) => [l.class, l.raw])).toEqual([['invalid', '{not json'], ['invalid', JSON.stringify(bad)]]);
    expect(letters[0]!.reason).toBe('not JSON');
    expect(letters.every((l) => l.group === topics.pushGroup)).toBe(true);
  });

  it('continues as new after its batches per run, without losing or repeating a notification', async () => {
    const [a, b] = await pair('pj');
    const conversationId = await befriend(rest, a, b);
    const workflowId = workflowIds.push(b.id);
    // Started here, before any message, with one batch per run: the pipeline's signals then reach it.
    const handle = await temporal.workflow.start<typeof pushWorkflow>('pushWorkflow', {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [{ userId: b.id, settings: { ...pushSettings(config), windowMs: WINDOW_MS, idleMs: IDLE_MS, maxBatchesPerRun: 1 } }],
    });
    const firstRunId = handle.firstExecutionRunId;
    const first = await send(a, conversationId, 'first');
    await waitFor('the first push', () => receiver.messageIdsOf(b.id)[0], 30_000);
    const second = await send(a, conversationId, 'second');
    await waitFor('the second push', () => receiver.messageIdsOf(b.id)[1], 30_000);
    const third = await send(a, conversationId, 'third');
    await waitFor('the third push', () => receiver.messageIdsOf(b.id)[2], 30_000);
    expect((await handle.query(pushStateQuery)).batches).toBe(3);
    const result = await pushResult(b.id);
    expect(result).toEqual({ userId: b.id, batches: 3, totals: { posted: 3, skipped: 0, failed: 0 } });
    expect(receiver.messageIdsOf(b.id)).toEqual([first.message_id, second.message_id, third.message_id]);
    expect((await handle.describe()).runId).not.toBe(firstRunId);
    await record('push-continued-first-run', workflowId, firstRunId);
    await record('push-continued-last-run', workflowId);
  });
});
