// Operations over keys of many users or conversations. On one node they stay one round trip; on a
// Redis Cluster they are split by hash slot (a command, script or pipeline may not cross slots)
// and the parts run side by side.
import calculateSlot from 'cluster-key-slot';
import type { ChainableCommander } from 'ioredis';
import { isCluster, type RedisClient } from './redis.ts';

/** The slot Redis computes for a key, prefix included (the {tag} decides when there is one). */
function slotOf(redis: RedisClient, key: string): number {
  return calculateSlot(`${redis.options.keyPrefix ?? ''}${key}`);
}

/** Items grouped so that each group's keys share a slot; one group when Redis is one node. */
export function groupBySlot<T>(redis: RedisClient, items: T[], keyOf: (item: T) => string): T[][] {
  if (!isCluster(redis)) return items.length ? [items] : [];
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const slot = slotOf(redis, keyOf(item));
    const group = groups.get(slot);
    if (group) group.push(item);
    else groups.set(slot, [item]);
  }
  return [...groups.values()];
}

/** groupBySlot, each group cut into parts of at most `size` items: one script or command each. */
export function chunksBySlot<T>(redis: RedisClient, items: T[], keyOf: (item: T) => string, size: number): T[][] {
  return groupBySlot(redis, items, keyOf).flatMap((group) => Array.from({ length: Math.ceil(group.length / size) }, (_, i) => group.slice(i * size, (i + 1) * size)));
}

/** MGET over keys of any slots; values in the order of `keys`. */
export async function mgetAcross(redis: RedisClient, keys: string[]): Promise<(string | null)[]> {
  const indexed = keys.map((key, i) => ({ key, i }));
  const out: (string | null)[] = new Array<string | null>(keys.length).fill(null);
  await Promise.all(
    groupBySlot(redis, indexed, (x) => x.key).map(async (group) => {
      const values = await redis.mget(...group.map((x) => x.key));
      group.forEach((x, k) => (out[x.i] = values[k] ?? null));
    }),
  );
  return out;
}

/**
 * One pipeline per slot (one in all on a single node), each item adding its commands; resolves
 * to each item's replies in the order of `items`, and throws the first error a command met.
 */
export async function pipelineAcross<T>(redis: RedisClient, items: T[], keyOf: (item: T) => string, add: (pipeline: ChainableCommander, item: T) => void): Promise<unknown[][]> {
  const indexed = items.map((item, i) => ({ item, i }));
  const out: unknown[][] = items.map(() => []);
  await Promise.all(
    groupBySlot(redis, indexed, (x) => keyOf(x.item)).map(async (group) => {
      const pipeline = redis.pipeline();
      const counts = group.map((x) => {
        const before = pipeline.length;
        add(pipeline, x.item);
        return pipeline.length - before;
      });
      const replies = (await pipeline.exec()) ?? [];
      let r = 0;
      group.forEach((x, k) => {
        for (let c = 0; c < counts[k]!; c++, r++) {
          const [err, value] = replies[r] ?? [null, null];
          if (err) throw err;
          out[x.i]!.push(value);
        }
      });
    }),
  );
  return out;
}
