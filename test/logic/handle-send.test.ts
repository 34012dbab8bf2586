// The send rules with fake dependencies; test/logic/pipeline.test.ts runs the real thing.
import { describe, expect, it } from 'vitest';
import type { JsonRecord } from '../../bus/kafka.ts';
import type { ChatMessage, DownstreamBatch } from '../../bus/payloads.ts';
import { topicNames } from '../../bus/topics.ts';
import type { LogicDeps } from '../../logic/deps.ts';
import { handleSend } from '../../logic/handle-send.ts';

function fakeDeps(opts: { type?: number; members?: string[]; muted?: boolean; online?: Record<string, string[]> }) {
  const published: { topic: string; records: JsonRecord[] }[] = [];
  const large: ChatMessage[] = [];
  const members = opts.members ?? ['1', '2', '3'];
  const deps: LogicDeps = {
    getConversation: (id) => Promise.resolve(id === '404' ? null : { id, type: opts.type ?? 2, memberCount: members.length }),
    getMembership: (_c, u) => Promise.resolve(members.includes(u) ? { muted: opts.muted ?? false } : null),
    saveMessage: () => Promise.resolve({ messageId: '900719925474099300', seq: 7, createdAt: 1000, duplicate: false }),
    getMemberIds: () => Promise.resolve(members),
    getSenderInfo: (id) => Promise.resolve({ id, username: `u${id}`, nickname: null, avatarUrl: null }),
    getOnlineGateways: (ids) =>
      Promise.resolve(new Map(ids.filter((i) => opts.online?.[i]).map((i) => [i, opts.online![i]!]))),
    publish: (b) => {
      published.push(...b);
      return Promise.resolve();
    },
    startLargeFanout: (m) => {
      large.push(m);
      return Promise.resolve();
    },
  };
  return { deps, published, large };
}

const topics = topicNames('.unit');
const send = { kind: 'send' as const, userId: '1', conversationId: '10', clientMsgId: 'c1', messageType: 1, content: 'hi', gatewayId: 'gwA', timestamp: 0 };

describe('handleSend', () => {
  it('acks the sender and sends one batch per gateway with all its recipients', async () => {
    const f = fakeDeps({ online: { '1': ['gwA'], '2': ['gwA', 'gwB'], '3': ['gwB'] } });
    const out = await handleSend({ deps: f.deps, topics, fanoutThreshold: 500 }, send);
    expect(out).toMatchObject({ status: 'delivered', fanout: 'direct', gateways: 2 });
    const byTopic = new Map(f.published.map((p) => [p.topic, p.records.map((r) => r.value as DownstreamBatch)]));
    const a = byTopic.get(topics.downstream('gwA'))!;
    expect(a[0]).toMatchObject({ kind: 'ack', userId: '1', clientMsgId: 'c1', messageId: '900719925474099300', seq: 7 });
    expect(a[1]).toMatchObject({ kind: 'message', userIds: ['1', '2'] });
    expect(byTopic.get(topics.downstream('gwB'))).toEqual([expect.objectContaining({ kind: 'message', userIds: ['2', '3'] })]);
    expect(f.published).toHaveLength(2); // one produce call covering both gateways
  });

  it('refuses a non-member with NOT_CONVERSATION_MEMBER and stores nothing', async () => {
    const f = fakeDeps({});
    let saved = false;
    f.deps.saveMessage = () => {
      saved = true;
      return Promise.reject(new Error('must not save'));
    };
    const out = await handleSend({ deps: f.deps, topics, fanoutThreshold: 500 }, { ...send, userId: '99' });
    expect(out).toMatchObject({ status: 'rejected', code: 'NOT_CONVERSATION_MEMBER' });
    expect(saved).toBe(false);
    expect(f.published[0]!.records[0]!.value).toMatchObject({ kind: 'error', code: 'NOT_CONVERSATION_MEMBER', clientMsgId: 'c1' });
  });

  it('refuses a muted member and an unknown conversation', async () => {
    const muted = await handleSend({ deps: fakeDeps({ muted: true }).deps, topics, fanoutThreshold: 500 }, send);
    expect(muted).toMatchObject({ status: 'rejected', code: 'MUTED' });
    const missing = await handleSend({ deps: fakeDeps({}).deps, topics, fanoutThreshold: 500 }, { ...send, conversationId: '404' });
    expect(missing).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });

  it('hands groups over the threshold and the world conversation to the fan-out workflow', async () => {
    const big = fakeDeps({ members: ['1', '2', '3', '4'] });
    expect(await handleSend({ deps: big.deps, topics, fanoutThreshold: 3 }, send)).toMatchObject({ fanout: 'workflow' });
    expect(big.large).toHaveLength(1);
    const world = fakeDeps({ type: 3 });
    expect(await handleSend({ deps: world.deps, topics, fanoutThreshold: 500 }, send)).toMatchObject({ fanout: 'workflow' });
    expect(world.published[0]!.records[0]!.value).toMatchObject({ kind: 'ack' });
  });
});
