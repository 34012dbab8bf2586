// The Kafka client's produce retry, as GoChat runs it (patches/kafkajs+2.2.4.patch): one request
// spans partitions led by several brokers (a logic worker's fan-out to several gateways' topics,
// a gateway's sends for several conversations). When the leader of one of them dies and its
// partitions move to a broker that has already answered for others, the retry must still write
// them there. Unpatched, the client kept answers per broker, skipped that broker on the retry and
// resolved the send with those records never written: acks lost in the broker-kill test.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface ProduceRequest {
  topicData: { topic: string; partitions: { partition: number; messages: { value: string }[] }[] }[];
}
type SendMessages = (opts: Record<string, unknown>) => (req: { acks: number; timeout?: number; topicMessages: { topic: string; messages: { value: string; partition: number }[] }[] }) => Promise<{ topicName: string; partition: number; errorCode: number }[]>;

const sendMessages = require('kafkajs/src/producer/sendMessages.js') as SendMessages;
const createRetry = require('kafkajs/src/retry') as (opts: Record<string, number>) => unknown;
const { KafkaJSConnectionError } = require('kafkajs') as { KafkaJSConnectionError: new (message: string, props: Record<string, unknown>) => Error };

/** Two brokers; `leaders` says which node leads each `topic/partition`, and can change. */
function fakeCluster(leaders: Map<string, number>, failFirstProduceOf: number) {
  const received: { nodeId: number; topic: string; partition: number; values: string[] }[] = [];
  let failures = 0;
  const broker = (nodeId: number) => ({
    nodeId,
    async produce({ topicData }: ProduceRequest) {
      await new Promise((r) => setImmediate(r)); // the network
      if (nodeId === failFirstProduceOf && failures++ === 0) {
        // The broker was killed: its partitions now have new leaders.
        for (const [key, leader] of leaders) if (leader === nodeId) leaders.set(key, nodeId === 1 ? 2 : 1);
        throw new KafkaJSConnectionError('Connection error: read ECONNRESET', { broker: `127.0.0.1:${9000 + nodeId}` });
      }
      for (const t of topicData) for (const p of t.partitions) received.push({ nodeId, topic: t.topic, partition: p.partition, values: p.messages.map((m) => m.value) });
      return { topics: topicData.map((t) => ({ topicName: t.topic, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0, baseOffset: '0', logAppendTime: '-1', logStartOffset: '0' })) })) };
    },
  });
  const brokers = new Map([1, 2].map((n) => [String(n), broker(n)]));
  const partitionsOf = (topic: string) => [...leaders].filter(([k]) => k.startsWith(`${topic}/`)).map(([k, leader]) => ({ partitionId: Number(k.split('/')[1]), leader }));
  const cluster = {
    targetTopics: new Set<string>(),
    async refreshMetadataIfNecessary() {},
    async refreshMetadata() {},
    async addMultipleTargetTopics() {},
    isConnected: () => true,
    removeBroker() {},
    findTopicPartitionMetadata: partitionsOf,
    findLeaderForPartitions(topic: string, partitions: string[]) {
      const out: Record<string, number[]> = {};
      for (const p of partitions) {
        const meta = partitionsOf(topic).find((m) => m.partitionId === Number(p));
        if (meta) (out[meta.leader] ??= []).push(meta.partitionId);
      }
      return out;
    },
    findBroker: ({ nodeId }: { nodeId: string }) => Promise.resolve(brokers.get(String(nodeId))),
  };
  return { cluster, received };
}

const noop = () => undefined;
const logger = { debug: noop, info: noop, warn: noop, error: noop };
const eosManager = {
  acquireBrokerLock: () => Promise.resolve(),
  releaseBrokerLock: () => Promise.resolve(),
  isTransactional: () => false,
  getSequence: () => 0,
  updateSequence: noop,
  getProducerId: () => -1,
  getProducerEpoch: () => 0,
};

/** The client's produce with its retry, on `cluster`; each message names its partition. */
function sendMessagesOn(cluster: ReturnType<typeof fakeCluster>['cluster']) {
  return sendMessages({
    logger,
    cluster,
    eosManager,
    partitioner: ({ message }: { message: { partition: number } }) => message.partition,
    retrier: createRetry({ retries: 5, initialRetryTime: 1, maxRetryTime: 5 }),
  });
}

describe('a produce request across brokers, one of them killed', () => {
  it('writes the dead broker’s partitions to their new leader even when it already answered for others', async () => {
    // gateway A's downstream topic is led by broker 1, gateway B's by broker 2; broker 1 dies.
    const leaders = new Map([['down.a/0', 1], ['down.b/0', 2]]);
    const { cluster, received } = fakeCluster(leaders, 1);
    const send = sendMessagesOn(cluster);

    const answers = await send({
      acks: -1,
      topicMessages: [
        { topic: 'down.a', messages: [{ value: 'ack for a sender on gateway A', partition: 0 }] },
        { topic: 'down.b', messages: [{ value: 'message for members on gateway B', partition: 0 }] },
      ],
    });

    expect(received).toContainEqual({ nodeId: 2, topic: 'down.a', partition: 0, values: ['ack for a sender on gateway A'] });
    expect(received.filter((r) => r.topic === 'down.b')).toHaveLength(1);
    expect(answers.map((a) => `${a.topicName}/${a.partition}`).sort()).toEqual(['down.a/0', 'down.b/0']);
  });

  it('does not write again what the surviving broker already took', async () => {
    const leaders = new Map([['up/0', 1], ['up/1', 2], ['up/2', 2]]);
    const { cluster, received } = fakeCluster(leaders, 1);
    const send = sendMessagesOn(cluster);

    await send({ acks: -1, topicMessages: [{ topic: 'up', messages: [0, 1, 2].map((p) => ({ value: `send ${p}`, partition: p })) }] });

    // Each partition written once, every one of them on the live broker.
    expect(received.map((r) => `${r.nodeId}:${r.partition}:${r.values.join()}`).sort()).toEqual(['2:0:send 0', '2:1:send 1', '2:2:send 2']);
  });
});
