// The send rules with fake dependencies; test/logic/pipeline.test.ts runs the real thing.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, DownstreamBatch, UpstreamMessage } from '../../contract/index.ts';
import { topicNames } from '../../bus/topics.ts';
import type { LogicDeps, SaveInput, SaveResult } from '../../logic/deps.ts';
import { handleBatch } from '../../logic/handle-batch.ts';
import { Outbox } from '../../logic/outbox.ts';

function fakeDeps(opts: { type?: number; members?: string[]; muted?: string[]; online?: Record<string, string[]>; versionsFail?: boolean }) {
  const large: ChatMessage[] = [];
  const saved: SaveInput[][] = [];
  const members = opts.members ?? ['1', '2', '3'];
  const calls = { senders: 0, members: 0, presence: 0 };
  const published: { id: string; version: number }[][] = [];
  let seq = 0;
  const deps: LogicDeps = {
    saveAll: (groups) => {
      const out = new Map<string, { conversation: { id: string; type: number; memberCount: number; version?: number } | null; results: SaveResult[] }>();
      for (const [id, inputs] of groups) {
        if (id === '404') {
          out.set(id, { conversation: null, results: inputs.map((): SaveResult => ({ ok: false, code: 'not_found', message: 'no such conversation' })) });
          continue;
        }
        saved.push(inputs);
        out.set(id, {
          conversation: { id, type: opts.type ?? 2, memberCount: members.length, version: 7 },
          results: inputs.map((i): SaveResult => {
            if (!members.includes(i.senderId)) return { ok: false, code: 'not_member', message: 'not a member' };
            if (opts.muted?.includes(i.senderId)) return { ok: false, code: 'muted', message: 'muted' };
            seq++;
            return { ok: true, saved: { messageId: String(900719925474099300n + BigInt(seq)), conversationId: i.conversationId, seq, createdAt: 1000, messageType: i.messageType, content: i.content, recalled: false, duplicate: false } };
          }),
        });
      }
      return Promise.resolve(out);
    },
    getMembersOf: (ids) => {
      calls.members++;
      return Promise.resolve(new Map(ids.map((id) => [id, members])));
    },
    getSenders: (ids) => {
      calls.senders++;
      return Promise.resolve(new Map(ids.map((id) => [id, { id, username: `u${id}`, nickname: null, avatarUrl: null }])));
    },
    getOnlineGateways: (ids) => {
      calls.presence++;
      return Promise.resolve(new Map(ids.filter((i) => opts.online?.[i]).map((i) => [i, opts.online![i]!])));
    },
    publishVersions: (bumps) => {
      if (opts.versionsFail) return Promise.reject(new Error('redis: connection lost'));
      published.push(bumps);
      return Promise.resolve();
    },
    publish: () => Promise.reject(new Error('the handler only fills the outbox')),
    startLargeFanout: (m) => {
      large.push(m);
      return Promise.resolve();
    },
  };
  return { deps, large, saved, calls, published };
}

const topics = topicNames('.unit');
const send = (userId: string, clientMsgId: string, gatewayId = 'gwA', conversationId = '10'): UpstreamMessage => ({
  kind: 'send', userId, conversationId, clientMsgId, messageType: 1, content: 'hi', gatewayId, timestamp: 0,
});
const recordsAt = (outbox: Outbox, gw: string) =>
  outbox.batches().find((b) => b.topic === topics.downstream(gw))?.records.map((r) => r.value as DownstreamBatch) ?? [];

const one = (conversationId: string, msgs: UpstreamMessage[]) => new Map([[conversationId, msgs]]);

describe('handleBatch', () => {
  it('publishes the versions the store committed, once per batch, before it returns the records', async () => {
    const f = fakeDeps({ online: { '1': ['gwA'] } });
    const outbox = new Outbox();
    await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, new Map([['10', [send('1', 'c1')]], ['11', [send('1', 'c2', 'gwA', '11')]], ['404', [send('1', 'c3', 'gwA', '404')]]]), outbox);
    expect(f.published).toEqual([[{ id: '10', version: 7 }, { id: '11', version: 7 }]]);
    expect(recordsAt(outbox, 'gwA').length).toBeGreaterThan(0);
  });

  it('fails the batch (to be retried) when the versions cannot be published', async () => {
    const f = fakeDeps({ online: { '1': ['gwA'] }, versionsFail: true });
    await expect(handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, one('10', [send('1', 'c1')]), new Outbox())).rejects.toThrow('connection lost');
  });

  it('stores the batch in one call, acks each sender and sends one record per gateway and message', async () => {
    const f = fakeDeps({ online: { '1': ['gwA'], '2': ['gwA', 'gwB'], '3': ['gwB'] } });
    const outbox = new Outbox();
    const out = await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, one('10', [send('1', 'c1'), send('2', 'c2', 'gwB')]), outbox);
    expect(out.map((o) => o.status)).toEqual(['delivered', 'delivered']);
    expect(f.saved).toHaveLength(1);
    const a = recordsAt(outbox, 'gwA');
    expect(a[0]).toMatchObject({ kind: 'ack', userId: '1', clientMsgId: 'c1', seq: 1 });
    expect(a.slice(1)).toEqual([
      expect.objectContaining({ kind: 'message', userIds: ['1', '2'], message: expect.objectContaining({ seq: 1 }) as unknown }),
      expect.objectContaining({ kind: 'message', userIds: ['1', '2'], message: expect.objectContaining({ seq: 2 }) as unknown }),
    ]);
    const b = recordsAt(outbox, 'gwB');
    expect(b[0]).toMatchObject({ kind: 'ack', userId: '2', clientMsgId: 'c2', seq: 2 });
    expect(b.filter((x) => x.kind === 'message').map((x) => x.kind === 'message' && x.userIds)).toEqual([['2', '3'], ['2', '3']]);
  });

  it('refuses a non-member and a muted member with their codes, delivering the rest', async () => {
    const f = fakeDeps({ muted: ['3'], online: { '1': ['gwA'] } });
    const outbox = new Outbox();
    const out = await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, one('10', [send('99', 'x'), send('3', 'y'), send('1', 'z')]), outbox);
    expect(out.map((o) => (o.status === 'rejected' ? o.code : o.status))).toEqual(['NOT_CONVERSATION_MEMBER', 'MUTED', 'delivered']);
    const a = recordsAt(outbox, 'gwA');
    expect(a.filter((r) => r.kind === 'error')).toEqual([
      expect.objectContaining({ userId: '99', code: 'NOT_CONVERSATION_MEMBER', clientMsgId: 'x' }),
      expect.objectContaining({ userId: '3', code: 'MUTED', clientMsgId: 'y' }),
    ]);
  });

  it('answers every message of an unknown conversation with NOT_FOUND and stores nothing', async () => {
    const f = fakeDeps({});
    const outbox = new Outbox();
    const out = await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, one('404', [send('1', 'a')]), outbox);
    expect(out).toEqual([expect.objectContaining({ status: 'rejected', code: 'NOT_FOUND' })]);
    expect(f.saved).toHaveLength(0);
  });

  it('hands groups over the threshold and the world conversation to the fan-out workflow', async () => {
    const big = fakeDeps({ members: ['1', '2', '3', '4'] });
    const outbox = new Outbox();
    const out = await handleBatch({ deps: big.deps, topics, fanoutThreshold: 3 }, one('10', [send('1', 'a'), send('2', 'b')]), outbox);
    expect(out.every((o) => o.status === 'delivered' && o.fanout === 'workflow')).toBe(true);
    expect(big.large.map((m) => m.seq)).toEqual([1, 2]);
    expect(recordsAt(outbox, 'gwA').map((r) => r.kind)).toEqual(['ack', 'ack']);
    const world = fakeDeps({ type: 3 });
    await handleBatch({ deps: world.deps, topics, fanoutThreshold: 500 }, one('10', [send('1', 'w')]), new Outbox());
    expect(world.large).toHaveLength(1);
  });

  it('looks up senders, members and presence once for a batch of several conversations', async () => {
    const f = fakeDeps({ online: { '1': ['gwA'], '2': ['gwB'] } });
    const outbox = new Outbox();
    const groups = new Map([
      ['10', [send('1', 'a', 'gwA', '10')]],
      ['11', [send('2', 'b', 'gwB', '11'), send('1', 'c', 'gwA', '11')]],
    ]);
    const out = await handleBatch({ deps: f.deps, topics, fanoutThreshold: 500 }, groups, outbox);
    expect(out.every((o) => o.status === 'delivered')).toBe(true);
    expect(f.saved).toHaveLength(2); // one transaction per conversation
    expect(f.calls).toEqual({ senders: 1, members: 1, presence: 1 });
    const messagesAtB = recordsAt(outbox, 'gwB').filter((r) => r.kind === 'message');
    expect(messagesAtB.map((r) => r.kind === 'message' && `${r.message.conversationId}:${r.message.seq}`)).toEqual(['10:1', '11:2', '11:3']);
  });
});
