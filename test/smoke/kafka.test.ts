import { describe, expect, it } from 'vitest';
import { createKafka, ensureTopics, JsonProducer } from '../../bus/kafka.ts';
import { topicNames } from '../../bus/topics.ts';
import { testConfig } from '../helpers/config.ts';

describe('smoke: Kafka', () => {
  it('produces a JSON message and consumes it back', async () => {
    const config = testConfig();
    const topics = topicNames(config.kafka.topicSuffix);
    const kafka = createKafka(config);
    await ensureTopics(kafka, [{ topic: topics.upstream, numPartitions: 2 }]);

    const producer = new JsonProducer(kafka);
    const consumer = kafka.consumer({ groupId: topics.logicGroup });
    await producer.connect();
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: topics.upstream, fromBeginning: true });
      const received = new Promise<unknown>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            resolve(JSON.parse(message.value!.toString()));
            return Promise.resolve();
          },
        });
      });
      await producer.send(topics.upstream, [{ key: '42', value: { hello: 'kafka', id: '9007199254740993' } }]);
      await expect(received).resolves.toEqual({ hello: 'kafka', id: '9007199254740993' });
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });
});
