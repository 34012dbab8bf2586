// Every workflow on the time-skipping test server: the real activity code against in-memory
// deps (or stubbed activities), timers of seconds and days skipped instead of waited for.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, type Activities } from '../../activities/index.ts';
import type { ChatMessage, DownstreamBatch } from '../../contract/index.ts';
import type { Config } from '../../config/index.ts';
import {
  FriendRequestClosedError,
  FriendRequestNotFoundError,
  FriendRequestNotTargetError,
  answerFriendRequest,
  startFriendRequestWorkflow,
} from '../../temporal/friend-requests.ts';
import { startFanoutWorkflow } from '../../temporal/fanout.ts';
import { signalUserConnected, signalUserDisconnected } from '../../temporal/presence.ts';
import { buildWorkflowBundle } from '../../workers/bundle.ts';
import { quietLogger } from './helpers/quiet-logger.ts';
import { createGochatWorker } from '../../workers/worker.ts';
import { friendRequestStateQuery, workflowIds, type FanoutResult, type PresenceResult } from '../../workflows/definitions.ts';
import type { fanoutWorkflow } from '../../workflows/fanout.ts';
import type { presenceCleanupWorkflow } from '../../workflows/presence-cleanup.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { temporalTestServerPath } from '../helpers/stack-paths.ts';
import { eventsOn, fakeWorld, type FakeWorld } from './helpers/fake-deps.ts';
import { timerStarted, waitForHistoryEvent } from './helpers/history.ts';
import { registerSearchAttributes } from './helpers/search-attributes.ts';

const DAY = 24 * 3600_000;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let config: Config;
let seq = 0;

/** A fresh numeric id: unique per test and per run, as 64-bit ids are. */
function newId(): string {
  return `${Date.now()}${String(seq++).padStart(4, '0')}`;
}

beforeAll(async () => {
  [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath } } }),
    buildWorkflowBundle({ logger: quietLogger }),
  ]);
  config = testConfig({ TEMPORAL_TASK_QUEUE: uniqueName('wf-ts'), FRIEND_REQUEST_TTL_MS: String(7 * DAY) });
  await registerSearchAttributes(env.connection, config.temporal.namespace);
});

afterAll(async () => {
  await env?.teardown();
});

async function run<T>(activities: Activities, fn: () => Promise<T>): Promise<T> {
  const worker = await createGochatWorker({ connection: env.nativeConnection, config, activities, workflowBundle: bundle });
  return worker.runUntil(fn);
}

describe('presence: delayed offline confirmation', () => {
  function world(userId: string, friends: string[]): FakeWorld {
    const w = fakeWorld();
    w.friends.set(userId, new Set(friends));
    return w;
  }
  const presenceResult = (userId: string) => env.client.workflow.getHandle(workflowIds.presence(userId)).result() as Promise<PresenceResult>;

  it('a reconnect at 29 s cancels the offline notice', async () => {
    const userId = newId();
    const w = world(userId, ['11', '12']);
    const result = await run(createActivities(w.deps), async () => {
      await signalUserDisconnected(env.client, config, userId);
      await waitForHistoryEvent(env.client, workflowIds.presence(userId), timerStarted);
      await env.sleep(29_000);
      expect(await signalUserConnected(env.client, config, userId)).toBe(true);
      return presenceResult(userId);
    });
    expect(result).toEqual({ userId, outcome: 'reconnected', notifiedFriends: 0 });
    expect(w.published).toEqual([]);
  });

  it('a reconnect at 31 s comes too late: the friends were told the user is offline', async () => {
    const userId = newId();
    const w = world(userId, ['11', '12']);
    const result = await run(createActivities(w.deps), async () => {
      await signalUserDisconnected(env.client, config, userId);
      await waitForHistoryEvent(env.client, workflowIds.presence(userId), timerStarted);
      await env.sleep(31_000);
      await signalUserConnected(env.client, config, userId);
      return presenceResult(userId);
    });
    expect(result).toEqual({ userId, outcome: 'offline', notifiedFriends: 2 });
    const events = eventsOn(w, w.deps.topics.userEvents);
    expect(events).toHaveLength(1);
    expect(events[0]?.userIds.sort()).toEqual(['11', '12']);
    expect(events[0]?.event).toMatchObject({ type: 'presence', userId, online: false });
  });

  it('a further disconnect restarts the 30 s; flapping never produces an offline notice', async () => {
    const userId = newId();
    let confirmations = 0;
    // Stubbed activity: counts calls, never reaches any dependency.
    const activities: Activities = {
      ...createActivities(fakeWorld().deps),
      confirmOffline: async () => {
        confirmations++;
        return { offline: true, notifiedFriends: 0 };
      },
    };
    const id = workflowIds.presence(userId);
    const result = await run(activities, async () => {
      await signalUserDisconnected(env.client, config, userId);
      await waitForHistoryEvent(env.client, id, timerStarted);
      await env.sleep(20_000);
      await signalUserDisconnected(env.client, config, userId); // another gateway's last socket
      await waitForHistoryEvent(env.client, id, timerStarted, { count: 2 });
      await env.sleep(25_000); // 45 s after the first, 25 s after the second disconnect
      expect(await signalUserConnected(env.client, config, userId)).toBe(true);
      const first = await presenceResult(userId);
      // The user keeps dropping and coming back within the delay: one run per drop, none confirms.
      for (let i = 0; i < 3; i++) {
        await signalUserDisconnected(env.client, config, userId);
        await waitForHistoryEvent(env.client, id, timerStarted);
        await env.sleep(15_000);
        expect(await signalUserConnected(env.client, config, userId)).toBe(true);
        expect((await presenceResult(userId)).outcome).toBe('reconnected');
      }
      return first;
    });
    expect(result.outcome).toBe('reconnected');
    expect(confirmations).toBe(0);
  });

  it('a user still connected to another gateway is not announced offline', async () => {
    const userId = newId();
    const w = world(userId, ['11']);
    w.online.set(userId, ['gw-2']);
    const result = await run(createActivities(w.deps), async () => {
      await signalUserDisconnected(env.client, config, userId);
      return presenceResult(userId);
    });
    expect(result).toEqual({ userId, outcome: 'online', notifiedFriends: 0 });
    expect(w.published).toEqual([]);
  });

  it('a connect signal without a pending confirmation is a no-op', async () => {
    expect(await signalUserConnected(env.client, config, newId())).toBe(false);
  });
});

describe('friend request', () => {
  function pendingRequest() {
    const w = fakeWorld();
    const request = { requestId: newId(), requesterId: newId(), targetId: newId(), message: 'hi, it is me' };
    w.requests.set(request.requestId, { requesterId: request.requesterId, targetId: request.targetId, status: 0 });
    return { w, request };
  }

  it('accept: friendship and the 1:1 conversation, both users notified, a repeated PUT gets the same answer', async () => {
    const { w, request } = pendingRequest();
    const { requestId, requesterId, targetId } = request;
    await run(createActivities(w.deps), async () => {
      expect(await startFriendRequestWorkflow(env.client, config, request)).toMatchObject({ started: true });
      // A retried POST starts nothing new.
      expect(await startFriendRequestWorkflow(env.client, config, request)).toMatchObject({ started: false });
      await expect(answerFriendRequest(env.client, requestId, 'accept', requesterId)).rejects.toBeInstanceOf(FriendRequestNotTargetError);

      const answer = await answerFriendRequest(env.client, requestId, 'accept', targetId);
      expect(answer.status).toBe('accepted');
      expect(answer.conversationId).toBe(w.conversations.get([requesterId, targetId].sort().join(':')));
      const handle = env.client.workflow.getHandle(workflowIds.friendRequest(requestId));
      expect(await handle.result()).toEqual(answer);

      // After completion: the same answer again is idempotent, the other one is refused.
      expect(await answerFriendRequest(env.client, requestId, 'accept', targetId)).toEqual(answer);
      const err: unknown = await answerFriendRequest(env.client, requestId, 'reject', targetId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FriendRequestClosedError);
      expect((err as FriendRequestClosedError).status).toBe('accepted');
      await expect(answerFriendRequest(env.client, requestId, 'accept', newId())).rejects.toBeInstanceOf(FriendRequestNotTargetError);
    });
    expect(w.requests.get(requestId)?.status).toBe(1);
    expect(w.friends.get(requesterId)?.has(targetId)).toBe(true);
    const friendEvents = eventsOn(w, w.deps.topics.friendEvents);
    expect(friendEvents.map((e) => [e.event.type, e.userIds])).toEqual([
      ['friend_request', [targetId]],
      ['friend_request_result', [requesterId, targetId]],
    ]);
    expect(eventsOn(w, w.deps.topics.conversationEvents).map((e) => e.event)).toEqual([
      { type: 'conversation_created', conversationId: expect.any(String) as string, conversationType: 1, memberIds: [requesterId, targetId] },
    ]);
  });

  it('reject: the requester is told, no friendship', async () => {
    const { w, request } = pendingRequest();
    const answer = await run(createActivities(w.deps), async () => {
      await startFriendRequestWorkflow(env.client, config, request);
      return answerFriendRequest(env.client, request.requestId, 'reject', request.targetId);
    });
    expect(answer).toEqual({ status: 'rejected' });
    expect(w.requests.get(request.requestId)?.status).toBe(2);
    expect(w.friends.size).toBe(0);
    const last = eventsOn(w, w.deps.topics.friendEvents).at(-1);
    expect(last).toMatchObject({ userIds: [request.requesterId], event: { type: 'friend_request_result', status: 'rejected' } });
  });

  it('still answerable a minute before the 7 days are up', async () => {
    const { w, request } = pendingRequest();
    const answer = await run(createActivities(w.deps), async () => {
      await startFriendRequestWorkflow(env.client, config, request);
      const id = workflowIds.friendRequest(request.requestId);
      await waitForHistoryEvent(env.client, id, timerStarted);
      await env.sleep(7 * DAY - 60_000);
      const state = await env.client.workflow.getHandle(id).query(friendRequestStateQuery);
      expect(state.status).toBe('pending');
      return answerFriendRequest(env.client, request.requestId, 'accept', request.targetId);
    });
    expect(answer.status).toBe('accepted');
  });

  it('expires after 7 days without an answer (status 3); answering later is refused', async () => {
    const { w, request } = pendingRequest();
    const t0 = Date.now();
    await run(createActivities(w.deps), async () => {
      await startFriendRequestWorkflow(env.client, config, request);
      const result: unknown = await env.client.workflow.getHandle(workflowIds.friendRequest(request.requestId)).result();
      expect(result).toEqual({ status: 'expired' });
      const err: unknown = await answerFriendRequest(env.client, request.requestId, 'accept', request.targetId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FriendRequestClosedError);
      expect((err as FriendRequestClosedError).status).toBe('expired');
    });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(w.requests.get(request.requestId)?.status).toBe(3);
    expect(eventsOn(w, w.deps.topics.friendEvents).at(-1)).toMatchObject({
      userIds: [request.requesterId],
      event: { type: 'friend_request_result', status: 'expired' },
    });
  });

  it('answering a request that has no workflow is a typed not-found', async () => {
    await expect(answerFriendRequest(env.client, newId(), 'accept', newId())).rejects.toBeInstanceOf(FriendRequestNotFoundError);
  });
});

describe('large-group fan-out', () => {
  function message(conversationId: string): ChatMessage {
    return { messageId: newId(), conversationId, seq: 42, senderId: '100000', clientMsgId: 'c-1', messageType: 1, content: 'to everyone', createdAt: Date.now() };
  }

  it('10,000 members in batches of 1,000; a batch failing half-way is retried without reaching anyone twice', async () => {
    const w = fakeWorld();
    const conversationId = newId();
    const members = Array.from({ length: 10_000 }, (_, i) => String(100_000 + i));
    w.members.set(conversationId, members);
    const gateways = ['gw-a', 'gw-b', 'gw-c', 'gw-d'];
    members.forEach((u, i) => {
      if (i % 10 === 0) return; // offline
      w.online.set(u, i % 7 === 0 ? [gateways[i % 4] as string, 'gw-e'] : [gateways[i % 4] as string]);
    });
    const expectedPairs = [...w.online.values()].reduce((n, gws) => n + gws.length, 0);
    // The produce to gw-c of the batch holding member 103500 fails once, after others of that batch went out.
    let failed = false;
    w.beforePublish = (topic, records) => {
      const batch = records[0]?.value as DownstreamBatch | undefined;
      if (!failed && topic === w.deps.topics.downstream('gw-c') && batch?.kind === 'message' && batch.userIds.includes('103502')) {
        failed = true;
        throw new Error('broker unavailable');
      }
    };
    const msg = message(conversationId);
    const result = await run(createActivities(w.deps), async () => {
      const handle = await env.client.workflow.start<typeof fanoutWorkflow>('fanoutWorkflow', {
        taskQueue: config.temporal.taskQueue,
        workflowId: workflowIds.fanout(msg.messageId),
        args: [{ message: msg, batchSize: 1000, maxBatchesPerRun: 3 }],
      });
      const r = await handle.result();
      // Three batches per run: the history was cut by continue-as-new.
      expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
      return r;
    });
    expect(failed).toBe(true);
    expect(result).toEqual<FanoutResult>({ messageId: msg.messageId, batches: 10, members: 10_000, recipients: expectedPairs });

    const deliveries = new Map<string, number>();
    for (const p of w.published) {
      const batch = p.record.value as DownstreamBatch;
      expect(batch).toMatchObject({ kind: 'message', message: { messageId: msg.messageId } });
      if (batch.kind !== 'message') continue;
      expect(batch.userIds.length).toBeLessThanOrEqual(1000);
      for (const u of batch.userIds) deliveries.set(`${p.topic}|${u}`, (deliveries.get(`${p.topic}|${u}`) ?? 0) + 1);
    }
    expect(deliveries.size).toBe(expectedPairs);
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    // One record per gateway per batch (gw-c of the failed batch once, after the retry).
    expect(w.published.length).toBe(10 * 5);
  });

  it('pushes planned pages four at a time; members who join above the plan are paged after it; nobody gets it twice', async () => {
    const w = fakeWorld();
    const conversationId = newId();
    const members = Array.from({ length: 9_500 }, (_, i) => String(200_000 + i));
    w.members.set(conversationId, members);
    for (const [i, u] of members.entries()) w.online.set(u, [`gw-${i % 3}`]);
    // Pages at work at once, seen from the presence lookups (one per page).
    let atWork = 0;
    let mostAtOnce = 0;
    const { presence } = w.deps;
    const lookup = presence.onlineGateways.bind(presence);
    w.deps.presence = {
      ...presence,
      async onlineGateways(userIds) {
        mostAtOnce = Math.max(mostAtOnce, ++atWork);
        await new Promise((resolve) => setTimeout(resolve, 20));
        atWork--;
        return lookup(userIds);
      },
    };
    // Once the first page went out (the plan is read), 2,600 members join above every bound.
    let joined = false;
    w.beforePublish = () => {
      if (joined) return;
      joined = true;
      const late = Array.from({ length: 2_600 }, (_, i) => String(300_000 + i));
      for (const u of late) w.online.set(u, ['gw-0']);
      w.members.set(conversationId, [...members, ...late]);
    };
    const msg = message(conversationId);
    const result = await run(createActivities(w.deps), () =>
      env.client.workflow.execute<typeof fanoutWorkflow>('fanoutWorkflow', {
        taskQueue: config.temporal.taskQueue,
        workflowId: workflowIds.fanout(msg.messageId),
        args: [{ message: msg, batchSize: 1000, maxBatchesPerRun: 6, parallel: 4 }],
      }),
    );
    // 10 pages of the first plan (the last one open-ended: 500 old members and 500 of the new,
    // planning again), then the 2,100 new members above it in 3 pages. Six pages a run.
    expect(result).toEqual<FanoutResult>({ messageId: msg.messageId, batches: 13, members: 12_100, recipients: 12_100 });
    expect(mostAtOnce).toBe(4);
    const deliveries = new Map<string, number>();
    for (const p of w.published) {
      const batch = p.record.value as DownstreamBatch;
      if (batch.kind !== 'message') continue;
      for (const u of batch.userIds) deliveries.set(u, (deliveries.get(u) ?? 0) + 1);
    }
    expect(deliveries.size).toBe(12_100);
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
  });

  it('is started once per message id; a deleted conversation ends it without retries', async () => {
    const w = fakeWorld();
    const msg = message(newId()); // no such conversation in the fake repo
    await run(createActivities(w.deps), async () => {
      expect(await startFanoutWorkflow(env.client, config, { messageId: msg.messageId, conversationId: msg.conversationId, message: msg })).toMatchObject({ started: true });
      expect(await startFanoutWorkflow(env.client, config, { message: msg })).toMatchObject({ started: false });
      const err: unknown = await env.client.workflow.getHandle(workflowIds.fanout(msg.messageId)).result().catch((e: unknown) => e);
      expect(String((err as { cause?: { cause?: Error } }).cause?.cause?.message)).toMatch(/does not exist/);
    });
    expect(w.published).toEqual([]);
  });
});

describe('expired-status cleanup', () => {
  it('removes dead gateways\' records in batches and announces the users left with none', async () => {
    const w = fakeWorld();
    w.stale.push(
      { userId: '501', gatewayId: 'gw-dead' },
      { userId: '502', gatewayId: 'gw-dead' },
      { userId: '503', gatewayId: 'gw-dead' },
    );
    w.online.set('503', ['gw-live']); // still connected elsewhere
    w.friends.set('501', new Set(['601']));
    w.friends.set('502', new Set(['601', '602']));
    const result = await run(createActivities(w.deps), () =>
      env.client.workflow.execute<typeof presenceCleanupWorkflow>('presenceCleanupWorkflow', {
        taskQueue: config.temporal.taskQueue,
        workflowId: uniqueName('presence-cleanup-test'),
        args: [{ heartbeatTimeoutMs: 90_000, batchSize: 2, maxBatches: 10 }],
      }),
    );
    expect(result).toEqual({ batches: 2, expiredRecords: 3, usersOffline: 2 });
    const events = eventsOn(w, w.deps.topics.userEvents);
    expect(events.map((e) => [e.event['userId'], e.userIds])).toEqual([
      ['501', ['601']],
      ['502', ['601', '602']],
    ]);
  });
});
