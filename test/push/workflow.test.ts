// The push workflow on the time-skipping test server, with the real activity code over an
// in-memory store and a scripted webhook: batching, dedupe by message id, the delivery rules,
// retries, give-up, and continue-as-new. push.e2e.test.ts runs it on the real stack.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import type { PushConversationView, PushDeps, PushReport } from '../../activities/push-deps.ts';
import type { Config } from '../../config/index.ts';
import type { PushNotification, PushSettings, PushWebhookBody } from '../../contract/index.ts';
import { pushWebhookBody } from '../../contract/index.ts';
import { pushSettings, signalPushNotification } from '../../temporal/push.ts';
import { buildWorkflowBundle } from '../../workers/bundle.ts';
import { createGochatWorker } from '../../workers/worker.ts';
import { UserIdKey, pushNotificationSignal, pushStateQuery, workflowIds, type PushResult } from '../../workflows/definitions.ts';
import type { pushWorkflow } from '../../workflows/push.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { temporalTestServerPath } from '../helpers/stack-paths.ts';
import { fakeWorld, type FakeWorld } from '../workflows/helpers/fake-deps.ts';
import { quietLogger } from '../workflows/helpers/quiet-logger.ts';
import { registerSearchAttributes } from '../workflows/helpers/search-attributes.ts';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let config: Config;
let seq = 0;

const newId = () => `${Date.now()}${String(seq++).padStart(4, '0')}`;

beforeAll(async () => {
  [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath } } }),
    buildWorkflowBundle({ logger: quietLogger }),
  ]);
  config = testConfig({
    TEMPORAL_TASK_QUEUE: uniqueName('push-ts'),
    PUSH_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
    PUSH_BATCH_WINDOW_MS: '2000',
    PUSH_RETRY_INITIAL_MS: '1000',
    PUSH_RETRY_MAX_INTERVAL_MS: '60000',
    PUSH_GIVE_UP_MS: String(30 * 60_000),
    PUSH_IDLE_MS: String(10 * 60_000),
  });
  await registerSearchAttributes(env.connection, config.temporal.namespace);
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

interface Scripted {
  w: FakeWorld;
  posts: { deliveryId: string; body: PushWebhookBody }[];
  attempts: string[];
  reports: PushReport[];
  /** Per conversation: overrides of the member's state; `left` removes the membership. */
  conversations: Map<string, Partial<PushConversationView> & { left?: boolean }>;
  /** The webhook's answer to each attempt (a thrown error: no answer). */
  answer: (attempt: number) => number | Error;
}

function scripted(): Scripted {
  const w = fakeWorld();
  const s: Scripted = { w, posts: [], attempts: [], reports: [], conversations: new Map(), answer: () => 200 };
  const push: PushDeps = {
    audience(_userId, batch) {
      const conversations = new Map<string, PushConversationView>();
      for (const { conversationId } of batch) {
        const o = s.conversations.get(conversationId) ?? {};
        if (!o.left) conversations.set(conversationId, { type: 1, name: null, doNotDisturb: false, lastReadSeq: 0, lastDeliveredSeq: 0, ...o });
      }
      return Promise.resolve({ conversations, withdrawn: new Set<string>(), blockedSenders: new Set<string>() });
    },
    webhook: {
      post(deliveryId, body) {
        s.attempts.push(deliveryId);
        const a = s.answer(s.attempts.length);
        if (a instanceof Error) return Promise.reject(a);
        if (a >= 200 && a < 300) s.posts.push({ deliveryId, body: JSON.parse(body) as PushWebhookBody });
        return Promise.resolve({ status: a });
      },
    },
    maxAgeMs: 30 * 60_000,
    report: (r) => s.reports.push(r),
  };
  w.deps.push = push;
  return s;
}

function note(w: FakeWorld, overrides: Partial<PushNotification> = {}): PushNotification {
  return { messageId: newId(), conversationId: '500', seq: ++seq, senderId: '7', senderName: 'alice', messageType: 1, preview: 'hi', createdAt: w.now, mention: false, ...overrides };
}

async function run<T>(s: Scripted, fn: () => Promise<T>): Promise<T> {
  const worker = await createGochatWorker({ connection: env.nativeConnection, config, activities: createActivities(s.w.deps), workflowBundle: bundle });
  return worker.runUntil(fn);
}

const result = (userId: string) => env.client.workflow.getHandle(workflowIds.push(userId)).result() as Promise<PushResult>;
const messageIds = (s: Scripted) => s.posts.flatMap((p) => p.body.notifications.map((n) => n.message_id));

describe('push workflow (time-skipping)', () => {
  it('batches the notifications of a window into one body, keeps a message id once, ends when idle', async () => {
    const s = scripted();
    const userId = newId();
    const [a, b] = [note(s.w), note(s.w, { mention: true })];
    const r = await run(s, async () => {
      await signalPushNotification(env.client, config, userId, a);
      await signalPushNotification(env.client, config, userId, a); // a redelivered record
      await signalPushNotification(env.client, config, userId, b);
      const d = await env.client.workflow.getHandle(workflowIds.push(userId)).describe();
      expect(d.typedSearchAttributes.get(UserIdKey)).toBe(userId);
      return result(userId);
    });
    expect(s.posts).toHaveLength(1);
    const body = s.posts[0]!.body;
    expect(pushWebhookBody.check(body)).toBe(true);
    expect(body).toMatchObject({ user_id: userId, delivery_id: s.posts[0]!.deliveryId });
    expect(body.notifications.map((n) => [n.message_id, n.mentioned])).toEqual([[a.messageId, false], [b.messageId, true]]);
    expect(r).toEqual({ userId, batches: 1, totals: { posted: 2, skipped: 0, failed: 0 } });
  });

  it('drops what the user read, what a device holds, do-not-disturb without a mention, and everything once they are online', async () => {
    const s = scripted();
    const userId = newId();
    s.conversations.set('601', { lastReadSeq: 10 });
    s.conversations.set('602', { lastDeliveredSeq: 10 });
    s.conversations.set('603', { doNotDisturb: true });
    s.conversations.set('604', { left: true });
    const notes = [
      note(s.w, { conversationId: '601', seq: 9 }),
      note(s.w, { conversationId: '601', seq: 11 }),
      note(s.w, { conversationId: '602', seq: 10 }),
      note(s.w, { conversationId: '603', seq: 3 }),
      note(s.w, { conversationId: '603', seq: 4, mention: true }),
      note(s.w, { conversationId: '604', seq: 5 }),
      note(s.w, { conversationId: '605', seq: 6, createdAt: s.w.now - 31 * 60_000 }),
    ];
    const r = await run(s, async () => {
      for (const n of notes) await signalPushNotification(env.client, config, userId, n);
      return result(userId);
    });
    expect(messageIds(s)).toEqual([notes[1]!.messageId, notes[4]!.messageId]);
    expect(r.totals).toEqual({ posted: 2, skipped: 5, failed: 0 });
    const skipped = Object.fromEntries(s.reports.filter((x) => x.outcome === 'skipped').map((x) => [x.reason, x.count]));
    expect(skipped).toEqual({ read: 1, delivered: 1, do_not_disturb: 1, left: 1, stale: 1 });

    const online = scripted();
    const other = newId();
    online.w.online.set(other, ['gw-1']);
    const r2 = await run(online, async () => {
      await signalPushNotification(env.client, config, other, note(online.w));
      return result(other);
    });
    expect(online.attempts).toEqual([]);
    expect(r2.totals).toEqual({ posted: 0, skipped: 1, failed: 0 });
  });

  it('retries 503s and an unreachable webhook with the same delivery id until it answers; a 400 is not retried', async () => {
    const s = scripted();
    const userId = newId();
    s.answer = (attempt) => (attempt <= 2 ? 503 : attempt === 3 ? new Error('connect ECONNREFUSED') : attempt === 4 ? 200 : 400);
    const [a, b] = [note(s.w), note(s.w)];
    const r = await run(s, async () => {
      await signalPushNotification(env.client, config, userId, a);
      const handle = env.client.workflow.getHandle(workflowIds.push(userId));
      // The first batch is out once four attempts were made.
      for (let i = 0; i < 200 && s.posts.length === 0; i++) await env.sleep(1000);
      await signalPushNotification(env.client, config, userId, b);
      const done = await result(userId);
      expect((await handle.query(pushStateQuery)).totals).toEqual(done.totals);
      return done;
    });
    expect(s.attempts.slice(0, 4)).toEqual(Array(4).fill(s.attempts[0]));
    expect(s.attempts).toHaveLength(5); // the 400 once
    expect(s.attempts[4]).not.toBe(s.attempts[0]);
    expect(messageIds(s)).toEqual([a.messageId]);
    expect(r.totals).toEqual({ posted: 1, skipped: 0, failed: 1 });
    expect(s.reports.filter((x) => x.outcome === 'retrying')).toHaveLength(3);
    expect(s.reports.find((x) => x.outcome === 'rejected')).toMatchObject({ status: 400, count: 1 });
  });

  it('gives a batch up when the webhook stays down past PUSH_GIVE_UP_MS, and goes on with the next', async () => {
    const s = scripted();
    const userId = newId();
    let down = true;
    s.answer = () => (down ? 500 : 200);
    const [a, b] = [note(s.w), note(s.w)];
    const r = await run(s, async () => {
      await signalPushNotification(env.client, config, userId, a);
      for (let i = 0; i < 100 && !s.reports.some((x) => x.outcome === 'abandoned'); i++) await env.sleep(60_000);
      down = false;
      await signalPushNotification(env.client, config, userId, b);
      return result(userId);
    });
    expect(s.reports.find((x) => x.outcome === 'abandoned')).toMatchObject({ userId, count: 1 });
    expect(messageIds(s)).toEqual([b.messageId]);
    expect(r.totals).toEqual({ posted: 1, skipped: 0, failed: 1 });
  });

  it('continues as new after its batches per run, carrying what is pending and the message ids it has seen', async () => {
    const s = scripted();
    const userId = newId();
    const settings: PushSettings = { ...pushSettings(config), maxBatchesPerRun: 1 };
    const notes = [note(s.w), note(s.w), note(s.w)];
    const signal = (n: PushNotification) => env.client.workflow.signalWithStart<typeof pushWorkflow, [PushNotification]>('pushWorkflow', {
      workflowId: workflowIds.push(userId),
      taskQueue: config.temporal.taskQueue,
      args: [{ userId, settings }],
      signal: pushNotificationSignal,
      signalArgs: [n],
    });
    const r = await run(s, async () => {
      await signal(notes[0]!);
      const handle = env.client.workflow.getHandle(workflowIds.push(userId));
      const firstRun = (await handle.describe()).runId;
      for (let i = 0; i < 60 && s.posts.length < 1; i++) await env.sleep(1000);
      await signal(notes[0]!); // repeated after its batch went out: the next run knows it too
      await signal(notes[1]!);
      for (let i = 0; i < 60 && s.posts.length < 2; i++) await env.sleep(1000);
      await signal(notes[1]!);
      await signal(notes[2]!);
      const done = await result(userId);
      expect((await handle.describe()).runId).not.toBe(firstRun);
      return done;
    });
    expect(messageIds(s)).toEqual(notes.map((n) => n.messageId));
    expect(r).toEqual({ userId, batches: 3, totals: { posted: 3, skipped: 0, failed: 0 } });
  });
});
