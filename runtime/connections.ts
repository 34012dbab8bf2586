// The connections both workers (logic and Temporal) open: MySQL, Redis, a Kafka producer and a
// Temporal client. Each is registered for closing as soon as it is open, so a shutdown during
// start closes what is open (the last opened closes first).
import type { Kafka } from 'kafkajs';
import { JsonProducer } from '../bus/kafka.ts';
import type { Config } from '../config/index.ts';
import { createOrm, createRedis } from '../repo/index.ts';
import { createTemporalClient } from '../temporal/client.ts';
import type { CloseStep } from './shutdown.ts';

export async function openConnections(config: Config, kafka: Kafka, closeFirst: (step: CloseStep) => void) {
  const orm = await createOrm(config);
  closeFirst({ name: 'close MySQL', run: () => orm.close() });
  const redis = createRedis(config);
  closeFirst({ name: 'close Redis', run: () => redis.quit() });
  const producer = new JsonProducer(kafka);
  await producer.connect();
  closeFirst({ name: 'disconnect producer', run: () => producer.disconnect() });
  const temporal = await createTemporalClient(config);
  closeFirst({ name: 'close Temporal client', run: () => temporal.connection.close() });
  return { orm, redis, producer, temporal };
}
