// Runs once before the Kafka cluster project: the three local brokers up.
import { ensureStackService } from './stack-service.ts';

export default function setup(): void {
  ensureStackService('kafka-cluster');
}
