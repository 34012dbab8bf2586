// Runs once before the Redis Cluster projects: the local 3+3 cluster up.
import { ensureStackService } from './stack-service.ts';

export default function setup(): void {
  ensureStackService('redis-cluster');
}
