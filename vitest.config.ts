import { defineConfig } from 'vitest/config';

// Temporal's native core bridge breaks under worker threads: every suite runs in forked processes.
// Two projects: every suite on the default stack, and the repo suites again on a Redis Cluster
// (`npm run stack -- up redis-cluster`), where any command, script or pipeline whose keys span
// hash slots fails with CROSSSLOT — what keeps GoChat's Redis keys cluster-safe.
const REDIS_CLUSTER_NODES = process.env.REDIS_CLUSTER_NODES ?? `127.0.0.1:${process.env.REDIS_CLUSTER_PORT ?? '7001'}`;

export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: ['test/global-setup.ts', 'test/setup/migrations.ts'],
    setupFiles: ['test/helpers/quiet-temporal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'gochat', include: ['test/**/*.test.ts'], exclude: ['test/cluster/**'] } },
      {
        extends: true,
        test: {
          name: 'redis-cluster',
          // the repo's Redis code, and the processes (gateways, logic, worker) of the presence
          // suite and the workflows' activities on the cluster
          include: ['test/repo/**/*.test.ts', 'test/realtime/presence.e2e.test.ts', 'test/workflows/dev-server.test.ts'],
          globalSetup: ['test/setup/redis-cluster.ts'],
          env: { REDIS_CLUSTER_NODES },
        },
      },
      {
        // Alone, after every other suite: all clients of the cluster see the failover.
        extends: true,
        test: {
          name: 'redis-cluster-failover',
          include: ['test/cluster/redis-*.test.ts'],
          globalSetup: ['test/setup/redis-cluster.ts'],
          env: { REDIS_CLUSTER_NODES },
          sequence: { groupOrder: 1 },
        },
      },
      {
        // GoChat's processes on three Kafka brokers, one of them killed under traffic.
        extends: true,
        test: {
          name: 'kafka-cluster',
          include: ['test/cluster/kafka-*.test.ts'],
          globalSetup: ['test/setup/kafka-cluster.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
