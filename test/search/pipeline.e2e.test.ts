// Messages sent over WebSocket go through Kafka to the logic worker, which stores them; once the
// sender has its ack the message is searchable over REST, because the index row is written in
// the transaction that stores it. A recall over REST takes it out again.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createGroup, registerUser, WsClient, type Frame } from '../realtime/clients.ts';
import { startCluster, type Cluster } from '../realtime/harness.ts';

interface Page {
  messages: { message_id: string; conversation_id: string; content: string }[];
  has_more: boolean;
}

let cluster: Cluster;
let rest: string;
const clients: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({ gateways: 1 });
  rest = cluster.gateways[0]!.url;
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
});

const isAck = (cmid: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === cmid;

describe('search after the real message pipeline', () => {
  it('finds messages sent over WebSocket as soon as they are acked, in one conversation and across', async () => {
    const [alice, bob] = await Promise.all([registerUser(rest, 'spa'), registerUser(rest, 'spb')]);
    const conversationId = await createGroup(rest, alice, [bob], 'search pipeline');
    const ws = await WsClient.connect(cluster.gateways[0]!.wsUrl, alice.token);
    clients.push(ws);
    const marker = `zq${randomBytes(5).toString('hex')}`;
    const texts = [`明天下午三点开会 ${marker}`, `Deploy the release tonight ${marker}`, `会议室在三楼 ${marker}`];
    const acks: Frame[] = [];
    for (const [i, content] of texts.entries()) {
      const cmid = `${marker}-${i}`;
      ws.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content });
      acks.push(await ws.next(isAck(cmid)));
    }
    const idOf = (i: number) => String(acks[i]!.message_id);

    const search = async (q: string, within: boolean) => {
      const path = within ? `/conversations/${conversationId}/messages/search` : '/messages/search';
      const res = await api<Page>(rest, 'GET', `${path}?q=${encodeURIComponent(q)}`, bob.token);
      expect(res.status).toBe(200);
      return res.body.messages.map((m) => m.message_id);
    };
    expect(await search(`开会 ${marker}`, true)).toEqual([idOf(0)]);
    expect(await search(`会 ${marker}`, false)).toEqual([idOf(2), idOf(0)]);
    expect(await search(`release ${marker}`, false)).toEqual([idOf(1)]);

    const recall = await api(rest, 'DELETE', `/messages/${idOf(1)}`, alice.token);
    expect(recall.status).toBe(200);
    expect(await search(`release ${marker}`, false)).toEqual([]);
    expect(await search(marker, true)).toEqual([idOf(2), idOf(0)]);
  });
});
