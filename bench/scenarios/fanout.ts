// Group fan-out: one message to a group whose members are all online, spread over two gateways
// and the load generators; the figure is the time from the send until the last member has the
// message (wall clock, compared across the load generator processes). 500 members take the
// logic worker's path; above FANOUT_THRESHOLD the Temporal fan-out workflow's. A process may open
// at most 20,000 files here, so a group larger than two gateways (or two load generators) hold
// gets more of both for the scenario's time.
import type { BenchCluster } from '../lib/cluster.ts';
import { closeAll, connectAll, type Placed } from '../lib/clients.ts';
import { startLoadGens, type LoadGen } from '../lib/loadgen-pool.ts';
import type { Seeder } from '../lib/seed.ts';
import { sleep, summary, type Summary } from '../lib/stats.ts';

export interface FanoutOpts {
  sizes: number[];
  repeats: number;
  timeoutMs: number;
  /** Only every n-th member opens a socket (default 1: all); the others are offline members. */
  onlineEvery?: number;
}

export interface FanoutResult {
  members: number;
  path: string;
  lastMs: Summary;
  firstMs: Summary;
  delivered: Summary;
  /** Members other than the sender with an open socket: the ones waited for. */
  online: number;
  missing: number;
  dups: number;
}

/** Sockets one process holds in this scenario: below its 20,000 files, with room for the rest. */
const SOCKETS_PER_PROCESS = 16_000;

export async function runFanout(cluster: BenchCluster, seeder: Seeder, shared: LoadGen[], o: FanoutOpts, log: (s: string) => void) {
  const max = Math.max(...o.sizes);
  const procs = Math.ceil(max / SOCKETS_PER_PROCESS);
  const extraLgs = startLoadGens(Math.max(0, procs - shared.length), shared.length);
  const lgs = [...shared, ...extraLgs];
  const extraGws = [];
  for (let i = cluster.gateways.length; i < procs; i++) extraGws.push(await cluster.startGateway(`gw${i + 1}-${cluster.runId}`));
  if (extraLgs.length || extraGws.length) log(`  ${cluster.gateways.length} gateways and ${lgs.length} load generators for ${max} members`);
  try {
    return await fanout(cluster, seeder, lgs, o, log, max);
  } finally {
    for (const lg of extraLgs) lg.stop();
    for (const gw of extraGws) await cluster.stopGateway(gw);
  }
}

async function fanout(cluster: BenchCluster, seeder: Seeder, lgs: LoadGen[], o: FanoutOpts, log: (s: string) => void, max: number) {
  const users = await seeder.users(max, `${cluster.runId}_f_`);
  const owner = users[0]!;
  const groups: { members: number; conv: string }[] = [];
  for (const size of o.sizes) {
    const t = performance.now();
    groups.push({ members: size, conv: await seeder.group(owner.id, users.slice(1, size).map((u) => u.id), `bench fan-out ${size}`) });
    log(`  group of ${size} made in ${Math.round(performance.now() - t)} ms`);
  }
  const gws = cluster.gateways;
  const placed: Placed[] = users.map((u, i) => ({ ...u, lg: i % lgs.length, url: gws[i % gws.length]!.wsUrl }));
  placed[0] = { ...placed[0]!, lg: 0 };
  const every = o.onlineEvery ?? 1;
  const connect = await connectAll(lgs, placed.filter((_, i) => i % every === 0), 200);
  log(`  connected ${connect.ok} members in ${Math.round(connect.ms)} ms (${Math.round(connect.perSec)}/s)`);
  // The figure is the last *online* member: a member whose socket did not open, or who was
  // left offline, is not waited for.
  const offline = new Set([...connect.failedIds, ...users.filter((_, i) => i % every !== 0).map((u) => u.id)]);
  const offlineIn = (size: number) => users.slice(1, size).filter((u) => offline.has(u.id)).length;
  const threshold = Number(cluster.env.FANOUT_THRESHOLD ?? 500);
  const results: FanoutResult[] = [];
  for (const g of groups) {
    const last: number[] = [], first: number[] = [], delivered: number[] = [];
    let missing = 0, dups = 0;
    // one unmeasured message first: caches and connections warm up
    for (let rep = -1; rep < o.repeats; rep++) {
      const tag = `F${g.members}r${rep}`;
      await Promise.all(lgs.map((lg) => lg.call('arm', { tag })));
      const sentAt = await lgs[0]!.call<number>('sendOne', { from: owner.id, conv: g.conv, tag });
      const want = g.members - 1 - offlineIn(g.members);
      const t0 = Date.now();
      for (;;) {
        const parts = await Promise.all(lgs.map((lg) => lg.call<{ got: number; first: number; last: number; dups: number }>('collect', { tag, disarm: false })));
        const got = parts.reduce((s, p) => s + p.got, 0);
        if (got >= want || Date.now() - t0 > o.timeoutMs) break;
        await sleep(50);
      }
      await sleep(200); // late duplicates
      const parts = await Promise.all(lgs.map((lg) => lg.call<{ got: number; first: number; last: number; dups: number }>('collect', { tag, disarm: true })));
      const got = Math.min(want, parts.reduce((s, p) => s + p.got, 0));
      if (rep < 0) continue;
      last.push(Math.max(...parts.map((p) => p.last)) - sentAt);
      first.push(Math.min(...parts.filter((p) => p.got > 0).map((p) => p.first)) - sentAt);
      delivered.push(got);
      missing += want - got;
      dups += parts.reduce((s, p) => s + p.dups, 0);
      log(`  ${g.members} members rep ${rep + 1}: first ${first.at(-1)!.toFixed(0)} ms, last ${last.at(-1)!.toFixed(0)} ms, ${got}/${want} delivered`);
    }
    results.push({ members: g.members, path: g.members > threshold ? 'workflow' : 'logic', lastMs: summary(last), firstMs: summary(first), delivered: summary(delivered), online: g.members - 1 - offlineIn(g.members), missing, dups });
  }
  await closeAll(lgs);
  return { connect: { ms: connect.ms, perSec: connect.perSec, failed: connect.failed, users: users.length }, groups: results };
}
