// What the message path adds for offline push, with fake dependencies: nothing when push is off;
// with it on, one record per stored message for its offline members (never the sender), and in
// large groups only for mentioned members. Also the configuration and the signature.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { httpPushWebhook, retryAfterMs, signPushPayload } from '../../activities/push-webhook.ts';
import { topicNames } from '../../bus/topics.ts';
import { loadConfig } from '../../config/index.ts';
import { notificationsOf, pushRecord, type PushRecord, type UpstreamMessage } from '../../contract/index.ts';
import type { LogicDeps, SaveInput, SaveResult } from '../../logic/deps.ts';
import { handleBatch } from '../../logic/handle-batch.ts';
import { Outbox } from '../../logic/outbox.ts';
import { configProblems } from '../helpers/config.ts';
import { PushReceiver } from './receiver.ts';

const topics = topicNames('.push-unit');

function fakeDeps(opts: { members: string[]; online: string[]; type?: number }) {
  const lookedUp: string[][] = [];
  let seq = 0;
  const deps: LogicDeps = {
    saveAll: (groups) => {
      const out = new Map<string, { conversation: { id: string; type: number; memberCount: number; memberIds?: string[] }; results: SaveResult[] }>();
      for (const [id, inputs] of groups) {
        out.set(id, {
          conversation: { id, type: opts.type ?? 2, memberCount: opts.members.length, memberIds: opts.members },
          results: inputs.map((i: SaveInput): SaveResult => {
            seq++;
            return {
              ok: true,
              saved: {
                messageId: String(1000 + seq), conversationId: i.conversationId, seq, createdAt: 5000, messageType: i.messageType, content: i.content,
                recalled: false, duplicate: false, ...(i.mentions ? { mentions: i.mentions } : {}), ...(i.mentionAll ? { mentionAll: true } : {}),
              },
            };
          }),
        });
      }
      return Promise.resolve(out);
    },
    getMembersOf: () => Promise.reject(new Error('members come with the store')),
    getSenders: (ids) => Promise.resolve(new Map(ids.map((id) => [id, { id, username: `user${id}`, nickname: id === '1' ? 'Ann' : null, avatarUrl: null }]))),
    publishVersions: () => Promise.resolve(),
    getOnlineGateways: (ids) => {
      lookedUp.push(ids);
      return Promise.resolve(new Map(ids.filter((i) => opts.online.includes(i)).map((i) => [i, ['gwA']])));
    },
    publish: () => Promise.reject(new Error('the handler only fills the outbox')),
    startLargeFanout: () => Promise.resolve(),
  };
  return { deps, lookedUp };
}

const send = (userId: string, content: string, extra: Partial<UpstreamMessage> = {}): UpstreamMessage => ({
  kind: 'send', userId, conversationId: '10', clientMsgId: `c${content.length}${userId}${Math.random()}`, messageType: 1, content, gatewayId: 'gwA', timestamp: 0, ...extra,
});
const pushed = (outbox: Outbox) => outbox.batches().find((b) => b.topic === topics.push)?.records.map((r) => r.value as PushRecord) ?? [];
const rule = { groupMaxMembers: 4, previewChars: 5 };

describe('push records on the message path', () => {
  it('with push off, nothing is added', async () => {
    const f = fakeDeps({ members: ['1', '2', '3'], online: [] });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, new Map([['10', [send('1', 'hello')]]]), outbox);
    expect(pushed(outbox)).toEqual([]);
  });

  it('one record per message for its offline members, the sender left out, in the contract shape', async () => {
    const f = fakeDeps({ members: ['1', '2', '3', '4'], online: ['3'] });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500, push: rule }, new Map([['10', [send('1', 'hello world', { mentions: ['4'] }), send('2', 'second')]]]), outbox);
    const records = pushed(outbox);
    expect(records.every((r) => pushRecord.check(r))).toBe(true);
    expect(records).toEqual([
      { messageId: '1001', conversationId: '10', seq: 1, senderId: '1', senderName: 'Ann', messageType: 1, preview: 'hello', createdAt: 5000, recipients: ['2', '4'], mentions: ['4'] },
      { messageId: '1002', conversationId: '10', seq: 2, senderId: '2', senderName: 'user2', messageType: 1, preview: 'secon', createdAt: 5000, recipients: ['1', '4'] },
    ]);
    expect(outbox.batches().find((b) => b.topic === topics.push)?.records.every((r) => r.key === '10')).toBe(true);
    expect(notificationsOf(records[0]!).map((n) => [n.userId, n.notification.mention])).toEqual([['2', false], ['4', true]]);
  });

  it('no record when every other member is online', async () => {
    const f = fakeDeps({ members: ['1', '2'], online: ['2'], type: 1 });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500, push: rule }, new Map([['10', [send('1', 'hi')]]]), outbox);
    expect(pushed(outbox)).toEqual([]);
  });

  it('a group above PUSH_GROUP_MAX_MEMBERS pushes only members mentioned by id; @all pushes nobody', async () => {
    const f = fakeDeps({ members: ['1', '2', '3', '4', '5', '6'], online: ['3'] });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500, push: rule }, new Map([['10', [
      send('1', 'plain'),
      send('1', 'all', { mentionAll: true }),
      send('1', 'some', { mentions: ['2', '3'] }),
    ]]]), outbox);
    expect(pushed(outbox).map((r) => [r.seq, r.recipients])).toEqual([[3, ['2']]]);
  });

  it('a group the fan-out workflow serves: mentioned members are looked up with the batch and pushed', async () => {
    const f = fakeDeps({ members: ['1', '2', '3', '4', '5', '6'], online: ['5'] });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 3, push: rule }, new Map([['10', [send('1', 'big', { mentions: ['4', '5'] })]]]), outbox);
    expect(f.lookedUp.flat().sort()).toEqual(['4', '5']);
    expect(pushed(outbox).map((r) => r.recipients)).toEqual([['4']]);
  });
});

describe('push configuration', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'a-real-production-secret-of-enough-length' };

  it('is off by default', () => {
    expect(loadConfig({}).push).toMatchObject({ enabled: false, webhookUrl: '', windowMs: 2000, maxPerBatch: 100, groupMaxMembers: 200 });
  });

  it('needs a secret of its own in production once a URL is set', () => {
    expect(configProblems(prod)).toEqual([]);
    expect(configProblems({ ...prod, PUSH_WEBHOOK_URL: 'https://push.example.com/hook' }).join()).toContain('PUSH_WEBHOOK_SECRET');
    expect(configProblems({ ...prod, PUSH_WEBHOOK_URL: 'https://push.example.com/hook', PUSH_WEBHOOK_SECRET: 'x'.repeat(32) })).toEqual([]);
    expect(configProblems({ PUSH_WEBHOOK_URL: 'http://127.0.0.1:9000/hook' })).toEqual([]);
  });

  it.each([
    [{ PUSH_WEBHOOK_URL: 'ftp://example.com' }, 'PUSH_WEBHOOK_URL'],
    [{ PUSH_BATCH_WINDOW_MS: '-1' }, 'PUSH_BATCH_WINDOW_MS'],
    [{ PUSH_GROUP_MAX_MEMBERS: '20000' }, 'PUSH_GROUP_MAX_MEMBERS'],
    [{ PUSH_RETRY_INITIAL_MS: '5000', PUSH_RETRY_MAX_INTERVAL_MS: '1000' }, 'PUSH_RETRY_MAX_INTERVAL_MS'],
  ])('names the variable of a bad value: %o', (env, name) => {
    expect(configProblems(env).join()).toContain(name);
  });
});

describe('the webhook request', () => {
  it('is signed as HMAC-SHA256 of "timestamp.body", and a receiver verifies it', async () => {
    const secret = 'z'.repeat(40);
    const body = JSON.stringify({ delivery_id: 'push-1:r:0', user_id: '1', notifications: [] });
    expect(signPushPayload(secret, 1700000000, body)).toBe(`sha256=${createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')}`);

    const receiver = new PushReceiver(secret);
    await receiver.start();
    try {
      const answer = await httpPushWebhook({ url: receiver.url, secret, timeoutMs: 5000 }).post('push-1:r:0', body);
      expect(answer).toEqual({ status: 200 });
      expect(receiver.requests[0]).toMatchObject({ signed: true, raw: body });
      expect(receiver.requests[0]!.headers['x-gochat-delivery']).toBe('push-1:r:0');
      const forged = await httpPushWebhook({ url: receiver.url, secret: 'another secret', timeoutMs: 5000 }).post('push-1:r:1', body);
      expect(forged.status).toBe(200);
      expect(receiver.requests[1]!.signed).toBe(false);
    } finally {
      await receiver.stop();
    }
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});
