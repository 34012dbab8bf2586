// Connections on one gateway of its own: idle authenticated sockets (memory per connection,
// CPU at idle with the clients' heartbeats, connect rate), then a reconnect storm: every socket
// drops at once, messages are stored meanwhile, and every client reconnects at a random moment
// within the window and syncs; the figure is the time until the last client is synced.
import { cpuSeconds, rssBytes, type BenchCluster } from '../lib/cluster.ts';
import { closeAll, connectAll, type Placed } from '../lib/clients.ts';
import type { LoadGen } from '../lib/loadgen-pool.ts';
import type { Seeder } from '../lib/seed.ts';
import { sleep, summary, type Dist } from '../lib/stats.ts';

export interface ConnectionsOpts {
  connections: number;
  idleMs: number;
  stormClients: number;
  stormWindowMs: number;
  stormMessages: number;
  stormTimeoutMs: number;
}

interface ReconnectResult { clients: number; reconnected: number; failed: number; errors: string[]; synced: number; allSyncedMs: number; connect: Dist }

export async function runConnections(cluster: BenchCluster, seeder: Seeder, lgs: LoadGen[], o: ConnectionsOpts, log: (s: string) => void) {
  const gw = await cluster.startGateway(`gwc-${cluster.runId}`);
  try {
    const users = await seeder.users(o.connections, `${cluster.runId}_c_`);
    const conv = await seeder.group(users[0]!.id, users.slice(1).map((u) => u.id), 'bench storm');
    const pid = gw.proc.child.pid!;
    await sleep(1000);
    const rss0 = rssBytes(pid);
    const placed: Placed[] = users.map((u, i) => ({ ...u, lg: i % lgs.length, url: gw.wsUrl }));
    const connect = await connectAll(lgs, placed, 200);
    log(`  ${connect.ok} connected in ${Math.round(connect.ms)} ms (${Math.round(connect.perSec)}/s), ${connect.failed} failed`);
    await sleep(3000);
    const rss1 = rssBytes(pid);
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await sleep(o.idleMs);
    const idleCpuPct = ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
    const perConnKiB = (rss1 - rss0) / connect.ok / 1024;
    log(`  RSS ${(rss0 / 2 ** 20).toFixed(0)} → ${(rss1 / 2 ** 20).toFixed(0)} MiB (${perConnKiB.toFixed(1)} KiB/connection), idle CPU ${idleCpuPct.toFixed(1)} %`);

    if (o.stormClients === 0) {
      await closeAll(lgs);
      return { connections: connect.ok, failed: connect.failed, connectMs: connect.ms, connectPerSec: connect.perSec, connectLatency: connect.latency, rssBeforeMiB: rss0 / 2 ** 20, rssAfterMiB: rss1 / 2 ** 20, perConnKiB, idleCpuPct, idleMs: o.idleMs, storm: undefined };
    }
    // the storm
    await Promise.all(lgs.map((lg) => lg.call('drop', { limit: Math.ceil(o.stormClients / lgs.length) })));
    for (let i = 0; i < o.stormMessages; i++) await seeder.message(conv, users[0]!.id, `storm-${cluster.runId}-${i}`, `stored while everyone was away ${i}`);
    const targetSeq = await seeder.lastSeq(conv);
    const parts = await Promise.all(lgs.map((lg) => lg.call<ReconnectResult>('reconnect', { limit: Math.ceil(o.stormClients / lgs.length), windowMs: o.stormWindowMs, conv, targetSeq, timeoutMs: o.stormTimeoutMs })));
    const storm = {
      clients: parts.reduce((s, p) => s + p.clients, 0),
      reconnected: parts.reduce((s, p) => s + p.reconnected, 0),
      synced: parts.reduce((s, p) => s + p.synced, 0),
      failed: parts.reduce((s, p) => s + p.failed, 0),
      errors: parts.flatMap((p) => p.errors).slice(0, 5),
      windowMs: o.stormWindowMs,
      allSyncedMs: Math.max(...parts.map((p) => p.allSyncedMs)),
      connectP50: summary(parts.map((p) => p.connect.p50)).median,
      connectP99: Math.max(...parts.map((p) => p.connect.p99)),
    };
    log(`  storm: ${storm.synced}/${storm.clients} synced, last at ${storm.allSyncedMs.toFixed(0)} ms (window ${o.stormWindowMs} ms), reconnect p99 ${storm.connectP99.toFixed(0)} ms`);
    const rss2 = rssBytes(pid);
    await closeAll(lgs);
    return {
      connections: connect.ok, failed: connect.failed, connectMs: connect.ms, connectPerSec: connect.perSec, connectLatency: connect.latency,
      rssBeforeMiB: rss0 / 2 ** 20, rssAfterMiB: rss1 / 2 ** 20, rssAfterStormMiB: rss2 / 2 ** 20, perConnKiB, idleCpuPct, idleMs: o.idleMs, storm,
    };
  } finally {
    await cluster.stopGateway(gw);
  }
}
