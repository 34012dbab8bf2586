// GET /conversations for a user with many conversations, each with an unread message: cold
// (the user's list and unread caches deleted before every request) and warm (served from cache).
import type { BenchCluster } from '../lib/cluster.ts';
import type { Seeder } from '../lib/seed.ts';
import { cacheKeys } from '../../repo/index.ts';
import { dist, summarizeDists, type Dist } from '../lib/stats.ts';

export interface ListOpts {
  conversations: number;
  samples: number;
  repeats: number;
  limits: number[];
}

async function timeGet(url: string, token: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
  return performance.now() - t;
}

export async function runConversationList(cluster: BenchCluster, seeder: Seeder, o: ListOpts, log: (s: string) => void) {
  const gw = cluster.gateways[0]!;
  const [me, ...others] = await seeder.users(o.conversations + 1, `${cluster.runId}_l_`);
  const convs = await seeder.pairs(others.map((u) => [me!.id, u.id]));
  let i = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (i < convs.length) {
      const k = i++;
      await seeder.message(convs[k]!, others[k]!.id, `l-${k}`, `hello ${k}`);
    }
  }));
  log(`  ${convs.length} conversations with an unread message each`);
  const userKeys = [cacheKeys.conversationsFull(me!.id), cacheKeys.unread(me!.id)];
  const out: { limit: number; cold: ReturnType<typeof summarizeDists>; warm: ReturnType<typeof summarizeDists> }[] = [];
  const health: Dist[] = [];
  for (const limit of o.limits) {
    const url = `${gw.url}/conversations?limit=${limit}`;
    const cold: Dist[] = [], warm: Dist[] = [];
    for (let rep = 0; rep < o.repeats; rep++) {
      const c: number[] = [], w: number[] = [], h: number[] = [];
      for (let s = 0; s < o.samples + 3; s++) {
        await seeder.redis.del(...userKeys);
        const t = await timeGet(url, me!.token);
        if (s >= 3) c.push(t);
      }
      for (let s = 0; s < o.samples + 3; s++) {
        const t = await timeGet(url, me!.token);
        if (s >= 3) w.push(t);
        h.push(await timeGet(`${gw.url}/healthz`, me!.token));
      }
      cold.push(dist(c));
      warm.push(dist(w));
      health.push(dist(h));
      log(`  limit ${limit} rep ${rep + 1}: cold p50 ${cold.at(-1)!.p50.toFixed(1)} p95 ${cold.at(-1)!.p95.toFixed(1)} ms, warm p50 ${warm.at(-1)!.p50.toFixed(1)} p95 ${warm.at(-1)!.p95.toFixed(1)} ms`);
    }
    out.push({ limit, cold: summarizeDists(cold), warm: summarizeDists(warm) });
  }
  return { conversations: convs.length, cacheKeysDeleted: userKeys.length, lists: out, healthz: summarizeDists(health) };
}
