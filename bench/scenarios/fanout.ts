// Group fan-out: one message to a group whose members are all online, spread over two gateways
// and the load generators; the figure is the time from the send until the last member has the
// message (wall clock, compared across the load generator processes). 500 members take the
// logic worker's path; above FANOUT_THRESHOLD the Temporal fan-out workflow's. A process may open
// at most 20,000 files here, so a group larger than two gateways (or two load generators) hold
// gets more of both for the scenario's time.
//
// The floor of each size is measured on the same machine just before: as many bare `ws` servers
// as there were gateways (bench/echo-server.ts --broadcast), the same members connected from the
// same load generators, and one frame of the same size written by each server to its members:
// what any design pays to push one frame to that many sockets here, with no store, no broker,
// no lookup.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { settle, type BenchCluster } from '../lib/cluster.ts';
import { closeAll, connectAll, type Placed } from '../lib/clients.ts';
import { startLoadGens, type LoadGen } from '../lib/loadgen-pool.ts';
import type { Seeder } from '../lib/seed.ts';
import { sleep, summary, wallMs, type Summary } from '../lib/stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

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
  /** The same push with bare `ws` servers in place of GoChat (see the top of this file). */
  floor?: { lastMs: Summary; missing: number };
}

/** The machine counts as settled after the connects below this share of its CPU busy… */
const SETTLED_BUSY = 0.3;
/** …or after this long. */
const SETTLE_MAX_MS = 30_000;

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
    // The floor first, while the machine is quiet: GoChat's members going offline afterwards
    // start their offline confirmations, work that would run beside it.
    const floors = await floorPass(lgs, cluster.gateways.length, o, log, max);
    const r = await fanout(cluster, seeder, lgs, o, log, max);
    for (const g of r.groups) {
      const f = floors.get(g.members);
      if (f) g.floor = f;
    }
    return r;
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
  const quiet = await settle(SETTLED_BUSY, SETTLE_MAX_MS);
  log(`  settled after ${(quiet.ms / 1000).toFixed(1)} s: machine ${(quiet.busy * 100).toFixed(0)}% busy`);
  // The figure is the last *online* member: a member whose socket did not open, or who was
  // left offline, is not waited for.
  const offline = new Set([...connect.failedIds, ...users.filter((_, i) => i % every !== 0).map((u) => u.id)]);
  const offlineIn = (size: number) => users.slice(1, size).filter((u) => offline.has(u.id)).length;
  const threshold = Number(cluster.env.FANOUT_THRESHOLD ?? 500);
  const results: FanoutResult[] = [];
  for (const g of groups) {
    const want = g.members - 1 - offlineIn(g.members);
    const m = await measure(lgs, `F${g.members}`, want, o, log, (tag) => lgs[0]!.call<number>('sendOne', { from: owner.id, conv: g.conv, tag }));
    results.push({ members: g.members, path: g.members > threshold ? 'workflow' : 'logic', lastMs: summary(m.last), firstMs: summary(m.first), delivered: summary(m.delivered), online: want, missing: m.missing, dups: m.dups });
  }
  await closeAll(lgs);
  return { connect: { ms: connect.ms, perSec: connect.perSec, failed: connect.failed, users: users.length }, groups: results };
}

interface Measured { last: number[]; first: number[]; delivered: number[]; missing: number; dups: number }

/** `repeats` pushes (after one unmeasured, to warm up) to `want` members, each started by `send`. */
async function measure(lgs: LoadGen[], label: string, want: number, o: FanoutOpts, log: (s: string) => void, send: (tag: string) => Promise<number>, logPrefix = ''): Promise<Measured> {
  const r: Measured = { last: [], first: [], delivered: [], missing: 0, dups: 0 };
  for (let rep = -1; rep < o.repeats; rep++) {
    const tag = `${label}r${rep}`;
    await Promise.all(lgs.map((lg) => lg.call('arm', { tag })));
    const sentAt = await send(tag);
    const t0 = Date.now();
    for (;;) {
      const parts = await Promise.all(lgs.map((lg) => lg.call<{ got: number }>('collect', { tag, disarm: false })));
      if (parts.reduce((s, p) => s + p.got, 0) >= want || Date.now() - t0 > o.timeoutMs) break;
      await sleep(50);
    }
    await sleep(200); // late duplicates
    const parts = await Promise.all(lgs.map((lg) => lg.call<{ got: number; first: number; last: number; dups: number }>('collect', { tag, disarm: true })));
    const got = Math.min(want, parts.reduce((s, p) => s + p.got, 0));
    if (rep < 0) continue;
    r.last.push(Math.max(...parts.map((p) => p.last)) - sentAt);
    r.first.push(Math.min(...parts.filter((p) => p.got > 0).map((p) => p.first)) - sentAt);
    r.delivered.push(got);
    r.missing += want - got;
    r.dups += parts.reduce((s, p) => s + p.dups, 0);
    log(`  ${logPrefix}${label.replace(/^F/, '')} members rep ${rep + 1}: first ${r.first.at(-1)!.toFixed(0)} ms, last ${r.last.at(-1)!.toFixed(0)} ms, ${got}/${want} delivered`);
  }
  return r;
}

function startBroadcaster(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(here, '../echo-server.ts'), ['--broadcast'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ child, url: `ws://127.0.0.1:${m.port}/` })));
}

/** The floor of each size (see the top of this file): bare servers, the same members and load generators. */
async function floorPass(lgs: LoadGen[], servers: number, o: FanoutOpts, log: (s: string) => void, max: number): Promise<Map<number, { lastMs: Summary; missing: number }>> {
  const procs = await Promise.all(Array.from({ length: servers }, startBroadcaster));
  const out = new Map<number, { lastMs: Summary; missing: number }>();
  try {
    const every = o.onlineEvery ?? 1;
    const placed: Placed[] = Array.from({ length: max }, (_, i) => ({ id: `floor${i}`, token: String(i), lg: i % lgs.length, url: procs[i % servers]!.url }));
    const connect = await connectAll(lgs, placed.filter((_, i) => i % every === 0), 200);
    log(`  floor: connected ${connect.ok} sockets to ${servers} bare ws servers in ${Math.round(connect.ms)} ms`);
    const failed = new Set(connect.failedIds);
    await settle(SETTLED_BUSY, SETTLE_MAX_MS);
    for (const size of o.sizes) {
      const want = placed.slice(1, size).filter((p, k) => (k + 1) % every === 0 && !failed.has(p.id)).length;
      const m = await measure(lgs, `F${size}`, want, o, log, (tag) => {
        const sentAt = wallMs();
        const frame = JSON.stringify({ type: 'message', message: { message_id: `floor-${tag}`, conversation_id: '1', seq: 1, sender_id: '1', client_msg_id: `floor-${tag}`, msg_type: 1, content: `${tag}|${sentAt}|${'x'.repeat(80)}`, created_at: Math.round(sentAt) } });
        for (const p of procs) p.child.send({ broadcast: frame, below: size });
        return Promise.resolve(sentAt);
      }, 'floor: ');
      out.set(size, { lastMs: summary(m.last), missing: m.missing });
    }
    await closeAll(lgs);
  } finally {
    for (const p of procs) p.child.kill();
  }
  return out;
}
