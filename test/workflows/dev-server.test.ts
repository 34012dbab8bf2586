// The workflows with their real activities (MySQL, Redis, Kafka of the local stack) on a real
// Temporal dev server (createLocal with the installed CLI, GoChat's search attributes
// registered): Update round trip, signal-with-start, Schedule, search-attribute queries.
// With RECORD_HISTORIES=1 each scenario also writes its history to histories/ for the replay
// test (see test/workflows/record-histories.ts).
import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import type { ChatMessage, DownstreamBatch, EventEnvelope } from '../../contract/index.ts';
import { topicNames, type TopicNames } from '../../bus/topics.ts';
import type { Config } from '../../config/index.ts';
import {
  createFriendRequest,
  createGroupConversation,
  createOrm,
  createRedis,
  createSingleConversation,
  createUser,
  getFriendRequest,
  getOnlineStatus,
  repoCtx,
  runMigrations,
  saveMessage,
  setGatewayConnections,
  type Orm,
  type RedisClient,
} from '../../repo/index.ts';
import { startFanoutWorkflow } from '../../temporal/fanout.ts';
import { answerFriendRequest, FriendRequestClosedError, startFriendRequestWorkflow } from '../../temporal/friend-requests.ts';
import { signalUserConnected, signalUserDisconnected } from '../../temporal/presence.ts';
import { buildWorkflowBundle } from '../../workers/bundle.ts';
import { quietLogger } from './helpers/quiet-logger.ts';
import { createActivityDeps } from '../../workers/deps.ts';
import { cleanupScheduleId, ensureCleanupSchedule } from '../../workers/schedule.ts';
import { createGochatWorker } from '../../workers/worker.ts';
import { workflowIds, type FanoutResult, type PresenceResult } from '../../workflows/definitions.ts';
import { buildGateway, call, registerUser } from '../gateway/helpers.ts';
import { testConfig, uniqueName, uniqueSuffix } from '../helpers/config.ts';
import { areFriends } from '../helpers/repo-state.ts';
import { temporalCliPath } from '../helpers/stack-paths.ts';
import { historyToJson } from './helpers/history-json.ts';
import { KafkaCollector } from './helpers/kafka-collector.ts';
import { eventually } from './helpers/poll.ts';
import { gochatSearchAttributes } from './helpers/search-attributes.ts';

const RECORD = process.env.RECORD_HISTORIES === '1';
const historiesDir = new URL('./histories/', import.meta.url);

let env: TestWorkflowEnvironment;
let client: Client;
let config: Config;
let topics: TopicNames;
let orm: Orm;
let redis: RedisClient;
let kafka: Kafka;
let producer: JsonProducer;
let collector: KafkaCollector;
let worker: Worker;
let workerRun: Promise<void>;
const gateways = ['gw-wf-a', 'gw-wf-b'];

function settings(extra: Record<string, string> = {}): Config {
  return testConfig({
    KAFKA_TOPIC_SUFFIX: suffix,
    TEMPORAL_TASK_QUEUE: taskQueue,
    REDIS_KEY_PREFIX: redisPrefix,
    OFFLINE_DELAY_MS: '1500',
    FANOUT_BATCH_SIZE: '10',
    HEARTBEAT_INTERVAL_MS: '1000',
    HEARTBEAT_TIMEOUT_MS: '2000',
    CLEANUP_INTERVAL_MS: '2000',
    ...extra,
  });
}
const suffix = uniqueSuffix();
const taskQueue = uniqueName('wf-dev');
// Presence keys of this suite only: the cleanup must not touch other suites' records.
const redisPrefix = `${uniqueName('wfdev')}:`;

beforeAll(async () => {
  config = settings();
  topics = topicNames(config.kafka.topicSuffix);
  kafka = createKafka(config, '-wf-test');
  const [e, bundle] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalCliPath }, searchAttributes: gochatSearchAttributes },
    }),
    buildWorkflowBundle({ logger: quietLogger }),
    runMigrations(config),
    ensureTopics(kafka, [...topics.eventTopics, ...gateways.map((g) => topics.downstream(g))].map((topic) => ({ topic }))),
  ]);
  env = e;
  client = env.client;
  orm = await createOrm(config);
  redis = createRedis(config);
  producer = new JsonProducer(kafka);
  await producer.connect();
  collector = await KafkaCollector.start(kafka, [...topics.eventTopics, ...gateways.map((g) => topics.downstream(g))]);
  worker = await createGochatWorker({
    connection: env.nativeConnection,
    config,
    activities: createActivities(createActivityDeps({ orm, redis, producer, topics })),
    workflowBundle: bundle,
  });
  workerRun = worker.run();
}, 180_000);

afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await workerRun;
  }
  await Promise.allSettled([collector?.stop(), producer?.disconnect(), orm?.close(), redis?.quit()]);
  await env?.teardown();
});

const ctx = () => repoCtx(orm, redis);
const newUser = async (tag: string) => (await createUser(ctx(), { username: uniqueName(tag).slice(0, 32), passwordHash: 'x' })).id;

async function record(name: string, workflowId: string, runId?: string): Promise<void> {
  if (!RECORD) return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  await writeFile(new URL(`${name}.json`, historiesDir), `${JSON.stringify(historyToJson(history), null, 2)}\n`);
}

/** Workflow ids a visibility query returns (visibility lags a little behind). */
async function findIds(query: string, expected: string): Promise<string[]> {
  return eventually(async () => {
    const ids: string[] = [];
    for await (const w of client.workflow.list({ query })) ids.push(w.workflowId);
    return ids.includes(expected) ? ids : undefined;
  }, 20_000, `visibility query ${query}`);
}

const envelopes = (topic: string) => collector.records.filter((r) => r.topic === topic).map((r) => r.value as EventEnvelope);

describe('friend request on the dev server', () => {
  it('Update round trip: accept returns the 1:1 conversation, the database has friendship and conversation, both users hear of it', async () => {
    const [requesterId, targetId] = [await newUser('req'), await newUser('tgt')];
    const request = await createFriendRequest(ctx(), { requesterId, targetId, message: 'hello' });
    const input = { requestId: request.id, requesterId, targetId, message: 'hello' };
    expect(await startFriendRequestWorkflow(client, config, input)).toMatchObject({ started: true });
    expect(await startFriendRequestWorkflow(client, config, input)).toMatchObject({ started: false });
    await collector.waitFor((rs) => rs.find((r) => r.topic === topics.friendEvents && (r.value as EventEnvelope).userIds.includes(targetId)));

    const answer = await answerFriendRequest(client, request.id, 'accept', targetId);
    expect(answer.status).toBe('accepted');
    expect(await answerFriendRequest(client, request.id, 'accept', targetId)).toEqual(answer);
    await expect(answerFriendRequest(client, request.id, 'reject', targetId)).rejects.toBeInstanceOf(FriendRequestClosedError);

    expect((await getFriendRequest(ctx(), request.id))?.status).toBe(1);
    expect(await areFriends(ctx(), requesterId, targetId)).toBe(true);
    const single = await createSingleConversation(ctx(), targetId, requesterId);
    expect(single).toMatchObject({ created: false, conversation: { id: answer.conversationId } });
    // The accept activity run again (a retry after a lost completion) changes nothing.
    const activities = createActivities(createActivityDeps({ orm, redis, producer, topics }));
    expect(await activities.acceptFriendRequest({ requestId: request.id, requesterId, targetId })).toEqual({ conversationId: answer.conversationId });

    const created = await collector.waitFor(() =>
      envelopes(topics.conversationEvents).find((e) => e.event.type === 'conversation_created' && e.event.conversationId === answer.conversationId),
    );
    expect(created.userIds).toEqual([requesterId, targetId]);

    const workflowId = workflowIds.friendRequest(request.id);
    expect(await findIds(`UserId = '${requesterId}'`, workflowId)).toEqual([workflowId]);
    expect(await findIds(`ConversationId = '${answer.conversationId}'`, workflowId)).toContain(workflowId);
    const description = await client.workflow.getHandle(workflowId).describe();
    expect(description.memo).toEqual({ kind: 'friend-request', requesterId, targetId });
    expect(await description.staticSummary()).toContain(`user ${requesterId}`);
    await record('friend-request-accepted', workflowId);
  });

  it('PUT /friends/requests/:id on the gateway is answered by the Update', async () => {
    const { app: gw } = await buildGateway({
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      KAFKA_TOPIC_SUFFIX: suffix,
      REDIS_KEY_PREFIX: redisPrefix,
    });
    try {
      const [a, b] = [await registerUser(gw, 'wfa'), await registerUser(gw, 'wfb')];
      const sent = await call(gw, { method: 'POST', url: '/friends/requests', token: a.token, payload: { target_user_id: b.id, message: 'hi' } });
      expect(sent.statusCode).toBe(201);
      const requestId = sent.json<{ id: string }>().id;
      const put = await call(gw, { method: 'PUT', url: `/friends/requests/${requestId}`, token: b.token, payload: { action: 1 } });
      expect(put.statusCode).toBe(200);
      const body = put.json<{ status: string; conversation_id: string }>();
      expect(body.status).toBe('accepted');
      const workflowId = workflowIds.friendRequest(requestId);
      expect(await client.workflow.getHandle(workflowId).result()).toEqual({ status: 'accepted', conversationId: body.conversation_id });
      expect(await findIds(`ConversationId = '${body.conversation_id}'`, workflowId)).toEqual([workflowId]);
    } finally {
      await gw.close();
    }
  });

  it('reject, and expiry after the configured time', async () => {
    const [a, b, c] = [await newUser('a'), await newUser('b'), await newUser('c')];
    const rejected = await createFriendRequest(ctx(), { requesterId: a, targetId: b, message: null });
    await startFriendRequestWorkflow(client, config, { requestId: rejected.id, requesterId: a, targetId: b, message: null });
    expect(await answerFriendRequest(client, rejected.id, 'reject', b)).toEqual({ status: 'rejected' });
    expect((await getFriendRequest(ctx(), rejected.id))?.status).toBe(2);
    await client.workflow.getHandle(workflowIds.friendRequest(rejected.id)).result();
    await record('friend-request-rejected', workflowIds.friendRequest(rejected.id));

    const expiring = await createFriendRequest(ctx(), { requesterId: a, targetId: c, message: null });
    await startFriendRequestWorkflow(client, settings({ FRIEND_REQUEST_TTL_MS: '1500' }), { requestId: expiring.id, requesterId: a, targetId: c, message: null });
    expect(await client.workflow.getHandle(workflowIds.friendRequest(expiring.id)).result()).toEqual({ status: 'expired' });
    expect((await getFriendRequest(ctx(), expiring.id))?.status).toBe(3);
    await record('friend-request-expired', workflowIds.friendRequest(expiring.id));
  });
});

describe('presence on the dev server', () => {
  it('the last connection closes: after the delay Redis is checked, friends hear the user is offline', async () => {
    const [userId, friendId] = [await newUser('off'), await newUser('fr')];
    const req = await createFriendRequest(ctx(), { requesterId: friendId, targetId: userId });
    await startFriendRequestWorkflow(client, config, { requestId: req.id, requesterId: friendId, targetId: userId, message: null });
    await answerFriendRequest(client, req.id, 'accept', userId);

    await setGatewayConnections(redis, userId, 'gw-wf-a', 1);
    expect((await setGatewayConnections(redis, userId, 'gw-wf-a', 0)).lastAnywhere).toBe(true);
    await signalUserDisconnected(client, config, userId);
    const workflowId = workflowIds.presence(userId);
    const result = (await client.workflow.getHandle(workflowId).result()) as PresenceResult;
    expect(result).toEqual({ userId, outcome: 'offline', notifiedFriends: 1 });
    const notice = await collector.waitFor(() => envelopes(topics.userEvents).find((e) => e.event.type === 'presence' && e.event.userId === userId));
    expect(notice).toMatchObject({ userIds: [friendId], event: { online: false } });
    expect(await findIds(`UserId = '${userId}' AND WorkflowType = 'presenceWorkflow'`, workflowId)).toEqual([workflowId]);
    await record('presence-offline', workflowId);
  });

  it('a reconnect within the delay cancels the confirmation', async () => {
    const userId = await newUser('flap');
    await signalUserDisconnected(client, config, userId);
    expect(await signalUserConnected(client, config, userId)).toBe(true);
    const workflowId = workflowIds.presence(userId);
    expect(await client.workflow.getHandle(workflowId).result()).toEqual({ userId, outcome: 'reconnected', notifiedFriends: 0 });
    await record('presence-reconnected', workflowId);
  });
});

describe('large-group fan-out on the dev server', () => {
  it('pages 30 members in batches of 10 over continue-as-new; every online member gets the message once', async () => {
    const owner = await newUser('own');
    const others = await Promise.all(Array.from({ length: 29 }, (_, i) => newUser(`m${i}`)));
    const group = await createGroupConversation(ctx(), { ownerId: owner, name: 'wf fan-out', memberIds: others });
    const members = [owner, ...others];
    const online = new Map<string, string>();
    for (const [i, u] of members.entries()) {
      if (i % 3 === 2) continue;
      const gw = gateways[i % 3] as string;
      online.set(u, gw);
      await setGatewayConnections(redis, u, gw, 1);
    }
    const saved = await saveMessage(ctx(), { conversationId: group.id, senderId: owner, clientMsgId: uniqueName('c'), messageType: 1, content: 'hello all' });
    const message: ChatMessage = {
      messageId: saved.messageId, conversationId: group.id, seq: saved.seq, senderId: owner,
      clientMsgId: 'c', messageType: 1, content: 'hello all', createdAt: saved.createdAt,
    };
    expect(await startFanoutWorkflow(client, config, { message, memberCount: 30, batchesPerRun: 2 })).toMatchObject({ started: true });
    const workflowId = workflowIds.fanout(saved.messageId);
    const handle = client.workflow.getHandle(workflowId);
    const firstRunId = (await handle.describe()).runId;
    const result = (await handle.result()) as FanoutResult;
    expect(result).toEqual({ messageId: saved.messageId, batches: 3, members: 30, recipients: online.size });
    expect(await startFanoutWorkflow(client, config, { message })).toMatchObject({ started: false });

    const delivered = await collector.waitFor(() => {
      const pairs = collector.records
        .filter((r) => gateways.some((g) => r.topic === topics.downstream(g)))
        .flatMap((r) => {
          const b = r.value as DownstreamBatch;
          return b.kind === 'message' && b.message.messageId === saved.messageId ? b.userIds.map((u) => `${r.topic}|${u}`) : [];
        });
      return pairs.length >= online.size ? pairs : undefined;
    });
    expect(delivered.sort()).toEqual([...online].map(([u, gw]) => `${topics.downstream(gw)}|${u}`).sort());

    expect(await findIds(`ConversationId = '${group.id}'`, workflowId)).toContain(workflowId);
    expect((await handle.describe()).runId).not.toBe(firstRunId);
    await record('fanout-first-run', workflowId, firstRunId);
    await record('fanout-last-run', workflowId);
  });
});

describe('expired-status cleanup Schedule on the dev server', () => {
  it('is created idempotently and its runs mark users of a dead gateway offline', async () => {
    const [userId, friendId] = [await newUser('dead'), await newUser('df')];
    const req = await createFriendRequest(ctx(), { requesterId: userId, targetId: friendId });
    await startFriendRequestWorkflow(client, config, { requestId: req.id, requesterId: userId, targetId: friendId, message: null });
    await answerFriendRequest(client, req.id, 'accept', friendId);
    // A gateway that stopped a minute ago without closing its sockets.
    await setGatewayConnections(redis, userId, 'gw-wf-dead', 1, Date.now() - 60_000);

    const handle = await ensureCleanupSchedule(client, config);
    await ensureCleanupSchedule(client, config); // a second worker starting: no error, same Schedule
    expect(handle.scheduleId).toBe(cleanupScheduleId(config));
    const description = await handle.describe();
    expect(description.spec.intervals?.map((i) => i.every)).toEqual([2000]);

    await eventually(async () => ((await getOnlineStatus(redis, userId)).online ? undefined : true), 30_000, 'cleanup of the dead gateway record');
    const notice = await collector.waitFor(() => envelopes(topics.userEvents).find((e) => e.event.type === 'presence' && e.event.userId === userId), 30_000);
    expect(notice.userIds).toEqual([friendId]);

    const ran = await eventually(async () => {
      const d = await handle.describe();
      const completed = d.info.recentActions.map((a) => a.action.workflow.workflowId);
      return completed.length > 0 ? completed : undefined;
    }, 30_000, 'a recorded Schedule action');
    const runId = ran[0] as string;
    await client.workflow.getHandle(runId).result();
    await record('presence-cleanup', runId);
    await handle.delete();
  });
});
