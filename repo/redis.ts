// Builds the Redis client from Config: one node, or a Redis Cluster when REDIS_CLUSTER_NODES is
// set. Callers own it and quit() it on shutdown. On a cluster one command, script, MULTI or
// pipeline may touch several keys only when they share a hash slot: GoChat's keys carry a
// {tag} (repo/redis-keys.ts) so the keys one operation needs always do, and operations over many
// users or conversations go slot by slot (repo/redis-slots.ts).
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/index.ts';

/** Either form of the client: the commands are the same. */
export type RedisClient = Redis | Cluster;

export function createRedis(config: Config, overrides: RedisOptions = {}): RedisClient {
  const options: RedisOptions = {
    keyPrefix: config.redis.keyPrefix || undefined,
    // Fail fast when Redis is down instead of queueing commands forever.
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    ...overrides,
  };
  if (config.redis.clusterNodes.length === 0) return new Redis({ host: config.redis.host, port: config.redis.port, ...options });
  // Options of the cluster as a whole; the rest apply to each node's connection.
  const { keyPrefix, lazyConnect, enableOfflineQueue, ...nodeOptions } = options;
  return new Cluster(
    config.redis.clusterNodes.map((hp) => {
      const [host, port] = hp.split(':') as [string, string];
      return { host, port: Number(port) };
    }),
    {
      keyPrefix,
      lazyConnect,
      enableOfflineQueue,
      redisOptions: nodeOptions,
      // Commands to one node in the same tick travel as one pipeline, which is what the
      // single-node code gets from its explicit pipelines.
      enableAutoPipelining: true,
      // A failover (a replica promoted) takes the cluster a few seconds: wait for it rather
      // than fail the request at once.
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
      maxRedirections: 16,
      slotsRefreshTimeout: 2000,
    },
  );
}

export function isCluster(redis: RedisClient): redis is Cluster {
  return redis instanceof Cluster;
}
