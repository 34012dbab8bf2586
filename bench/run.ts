// `npm run bench [-- --quick] [-- --only=floor,messaging,peer,fanout,connections,list,hops] [-- --fanout-online-every=N]`
// Starts GoChat's real processes on the local stack, drives them from separate load-generator
// processes, measures the floor and a peer (Centrifugo) under the same load in the same run, and
// writes bench/results/{quick,full}.{json,md}.
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CENTRIFUGO_VERSION, installCentrifugo, startCentrifugo, type Centrifugo } from './lib/centrifugo.ts';
import { CLEANUP_WAIT_MS, loadAvg, newRunId, settle, startBenchCluster } from './lib/cluster.ts';
import { startLoadGens } from './lib/loadgen-pool.ts';
import { fmt, markdown, n, ratio, write, type Row } from './lib/report.ts';
import { Seeder } from './lib/seed.ts';
import { summarizeDists, summary } from './lib/stats.ts';
import { runConnections } from './scenarios/connections.ts';
import { runConversationList } from './scenarios/conversations.ts';
import { runFanout } from './scenarios/fanout.ts';
import { measureFloor, type FloorSample } from './scenarios/floor.ts';
import { runMessaging } from './scenarios/messaging.ts';
import { runPeer } from './scenarios/peer.ts';
import { runHops } from './scenarios/hops.ts';
import { runSearchBench } from './scenarios/search.ts';
import { writeReadme } from './readme.ts';
import { bounded } from './lib/bounded.ts';
import { describeProbe, probeHost } from './lib/host-probe.ts';
import { describeCpu } from './lib/cpu-meter.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s: string) => !only || only.includes(s);
const profileDir = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
/** `--fanout-online-every=10`: one fan-out member in ten opens a socket (large groups are mostly offline). */
const onlineEvery = Number(process.argv.find((a) => a.startsWith('--fanout-online-every='))?.slice(22) ?? 1);

const P = quick
  ? {
      floor: { samples: 200, throughputMs: 1000, repeats: 2 },
      messaging: { users: 400, rates: [200, 1000], durationMs: 3000, warmupMs: 1000, repeats: 2, throughputMs: 3000, window: 4, groupSize: 5 },
      fanout: { sizes: [500, 5000], repeats: 2, timeoutMs: 30_000 },
      connections: { connections: 1000, idleMs: 3000, stormClients: 0, stormWindowMs: 5000, stormMessages: 3, stormTimeoutMs: 20_000 },
      list: { conversations: 1000, samples: 20, repeats: 2, limits: [100] },
      loadgens: 2,
    }
  : {
      floor: { samples: 500, throughputMs: 3000, repeats: 3 },
      messaging: { users: 1000, rates: [200, 1000, 3000], durationMs: 10_000, warmupMs: 2000, repeats: 3, throughputMs: 10_000, window: 4, groupSize: 5 },
      fanout: { sizes: [500, 5000, 50_000], repeats: 3, timeoutMs: 180_000 },
      connections: { connections: 19_000, idleMs: 15_000, stormClients: 2000, stormWindowMs: 10_000, stormMessages: 5, stormTimeoutMs: 240_000 },
      list: { conversations: 1000, samples: 50, repeats: 3, limits: [20, 100] },
      loadgens: 2,
    };

/** The peer starts once the machine is below this share of its CPU busy (idle, the stack keeps ~10%)… */
const PEER_SETTLED_BUSY = 0.2;
/** …or after this long. */
const PEER_SETTLE_MAX_MS = 60_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const gitCommit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
})();
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadBefore: loadAvg(),
  // before the stack gets busy with this run: what waking a process costs on this host
  probe: await probeHost(),
};
const runId = newRunId();
log(`GoChat bench ${quick ? '--quick' : '(full)'} run ${runId} on ${machine.cores} cores (${machine.cpu}), load ${machine.loadBefore.join(' ')}`);

// Message search needs no GoChat process and writes results of its own (bench/results/search.*):
// it runs only when named, before anything else starts.
if (only?.includes('search')) {
  const search = quick
    ? { messages: 200_000, conversations: 4000, callerConversations: 50, seed: 42, limit: 20, samples: 240, capSeconds: 60, writeBatches: 20, writeBatchSize: 100 }
    : { messages: 1_000_000, conversations: 20_000, callerConversations: 50, seed: 42, limit: 20, samples: 480, capSeconds: 120, writeBatches: 30, writeBatchSize: 100 };
  await runSearchBench(root, search, log);
  if (only.length === 1) process.exit(0);
}

// Before anything is measured and outside the time limit: a first build takes minutes of CPU.
let peerBin: { bin: string } | { error: string } | undefined;
if (want('peer')) {
  log(`peer: installing Centrifugo ${CENTRIFUGO_VERSION} if missing`);
  peerBin = await installCentrifugo(root, log);
  if ('error' in peerBin) console.warn(`bench: Centrifugo is not available, the peer scenario is skipped: ${peerBin.error}`);
}

const cluster = await startBenchCluster(runId, 2, {}, profileDir && path.resolve(profileDir));
const seeder = await Seeder.open(cluster.env);
const lgs = startLoadGens(P.loadgens);
const results: Record<string, unknown> = {};
const limits: string[] = [];
const rows: Row[] = [];
let failed = false;
const stopAll = async () => {
  for (const lg of lgs) lg.stop();
  await bounded('closing the seeder', 10_000, seeder.close());
  await bounded('stopping the cluster', CLEANUP_WAIT_MS + 30_000, cluster.stop());
};
const deadline = setTimeout(() => {
  console.error('bench: hard time limit reached, stopping');
  void stopAll().finally(() => process.exit(2));
}, quick ? 480_000 : 1_800_000);
deadline.unref();

try {
  log(`cluster up: ${cluster.gateways.length} gateways, logic, Temporal worker; ${P.loadgens} load generators`);
  let floor: ReturnType<typeof floorSummary> | undefined;
  if (want('floor')) {
    log('floor');
    // One round first, not counted: a broker that has just started is slower than it will be
    // (restarted a minute before a run, its three rounds gave Kafka produce→consume 1.1–4.3 ms,
    // against 0.5–1.0 ms on a broker that had been up for an hour).
    await measureFloor(seeder.config, `${runId}w`, P.floor, 0);
    const samples: FloorSample[] = [];
    for (let rep = 0; rep < P.floor.repeats; rep++) samples.push(await measureFloor(seeder.config, runId, P.floor, rep));
    floor = floorSummary(samples);
    results.floor = floor;
    const f = floor;
    rows.push(
      { scenario: 'floor', metric: 'ws echo round trip p50 / p99 (ms)', value: `${fmt(f.wsEchoRtt.p50, 3)} / ${fmt(f.wsEchoRtt.p99, 3)}` },
      { scenario: 'floor', metric: 'Kafka produce→consume p50 / p99 (ms)', value: `${fmt(f.kafkaRoundTrip.p50)} / ${fmt(f.kafkaRoundTrip.p99)}` },
      { scenario: 'floor', metric: 'MySQL insert of a message row p50 / p99 (ms)', value: `${fmt(f.mysqlInsert.p50, 2)} / ${fmt(f.mysqlInsert.p99, 2)}` },
      { scenario: 'floor', metric: 'path floor = ws + 2×Kafka + MySQL, p50 / p99 (ms)', value: `${n(f.pathP50)} / ${n(f.pathP99)}` },
      { scenario: 'floor', metric: 'throughput: ws echo / Kafka / MySQL (msg/s)', value: `${n(f.wsEchoPerSec.median, 0)} / ${n(f.kafkaPerSec.median, 0)} / ${n(f.mysqlInsertPerSec.median, 0)}` },
    );
  }

  // GoChat's messaging rows the peer's figures are set against, once the peer has run
  const vsPeer: { rate: number; e2eP50: Row; e2eP99: Row; ack: Row }[] = [];
  let vsPeerThroughput: Row | undefined;
  let messaging: Awaited<ReturnType<typeof runMessaging>> | undefined;
  /** When the messaging scenario's users went offline: their offline confirmations fire a delay later. */
  let usersOfflineAt: number | undefined;
  if (want('messaging')) {
    log('1:1 latency and throughput');
    const m = await runMessaging(cluster, seeder, lgs, P.messaging, log);
    messaging = m;
    results.messaging = m;
    usersOfflineAt = performance.now();
    for (const r of m.rates) {
      const sc = `1:1 latency @ ${r.rate} msg/s`;
      const e2eP50: Row = { scenario: sc, metric: 'send → recipient p50 (ms)', value: fmt(r.e2e.p50), floor: n(floor?.pathP50 ?? NaN), ratio: ratio(r.e2e.p50, floor?.pathP50 ?? NaN) };
      const e2eP99: Row = { scenario: sc, metric: 'send → recipient p95 / p99 / max (ms)', value: `${fmt(r.e2e.p95)} / ${fmt(r.e2e.p99)} / ${fmt(r.e2e.max, 0)}`, floor: `p99 ${n(floor?.pathP99 ?? NaN)}`, ratio: ratio(r.e2e.p99, floor?.pathP99 ?? NaN) };
      const ack: Row = { scenario: sc, metric: 'send → ack p50 / p99 (ms)', value: `${fmt(r.ack.p50)} / ${fmt(r.ack.p99)}`, floor: n(floor?.pathP50 ?? NaN), ratio: ratio(r.ack.p50, floor?.pathP50 ?? NaN) };
      vsPeer.push({ rate: r.rate, e2eP50, e2eP99, ack });
      rows.push(e2eP50, e2eP99, ack, { scenario: sc, metric: 'offered msg/s; lost / dup / seq gaps', value: `${fmt(r.offered, 0)}; ${r.lost} / ${r.dups} / ${r.gaps}` }, { scenario: sc, metric: 'CPU per message, all processes (median of repeats)', value: describeCpu(r.cpu) });
    }
    const narrowest = floor ? Math.min(floor.wsEchoPerSec.median, floor.kafkaPerSec.median, floor.mysqlInsertPerSec.median) : NaN;
    for (const t of m.throughput) {
      const acked: Row = { scenario: `max throughput, ${t.kind}`, metric: `messages/s acked (${t.flows} senders × ${t.window} in flight)`, value: fmt(t.ackedPerSec, 0), floor: n(narrowest, 0), ratio: ratio(t.ackedPerSec, narrowest) };
      if (t.kind === '1:1') vsPeerThroughput = acked;
      rows.push(
        acked,
        { scenario: `max throughput, ${t.kind}`, metric: 'deliveries/s; e2e p99 (ms); lost / dup / gaps', value: `${fmt(t.deliveredPerSec, 0)}; ${fmt(t.e2eP99, 0)}; ${t.lost} / ${t.dups} / ${t.gaps}` },
        { scenario: `max throughput, ${t.kind}`, metric: 'CPU per message, all processes (median of repeats)', value: describeCpu(t.cpu) },
      );
    }
  }

  // Right after the messaging rows it explains, before the fan-out leaves tens of thousands of
  // offline confirmations running in the background beside the traced cluster.
  if (want('hops')) {
    log('per-hop latency of 1:1 messages (a traced cluster of its own)');
    const h = await runHops(runId, lgs, P.messaging, log);
    results.hops = h;
    for (const r of h) {
      for (const x of r.hops) rows.push({ scenario: `hops @ ${r.rate} msg/s (${r.traces} traced messages)`, metric: `${x.hop} p50 / p99 (ms)`, value: `${n(x.ms.p50, 2)} / ${n(x.ms.p99, 2)}` });
    }
  }

  if (want('peer')) {
    log(`peer: Centrifugo ${CENTRIFUGO_VERSION}, Redis engine, history on`);
    const sc = `peer: Centrifugo ${CENTRIFUGO_VERSION}`;
    let cf: Centrifugo | undefined;
    // The peer failing (not built, not starting) is reported and the other scenarios still run.
    try {
      if (!peerBin || 'error' in peerBin) throw new Error(`could not be built here: ${peerBin?.error ?? 'not installed'}`);
      // GoChat's users have just gone offline (and a traced cluster stopped): Temporal confirms
      // them offline once the offline delay is over, for a while, which the peer would otherwise
      // run beside (in a full run that was 0.6-0.8 of a core during its 200 msg/s rows).
      const confirmed = usersOfflineAt === undefined ? 0 : usersOfflineAt + seeder.config.presence.offlineDelayMs + 5000 - performance.now();
      if (confirmed > 0) await new Promise((r) => setTimeout(r, confirmed));
      const quiet = await settle(PEER_SETTLED_BUSY, PEER_SETTLE_MAX_MS);
      const waited = Math.max(0, confirmed) + quiet.ms;
      log(`  settled after ${(waited / 1000).toFixed(1)} s: machine ${(quiet.busy * 100).toFixed(0)}% busy`);
      limits.push(`Peer started after ${(waited / 1000).toFixed(0)} s of waiting for GoChat's users to be confirmed offline and the machine to quieten, with it ${(quiet.busy * 100).toFixed(0)}% busy (the peer's CPU rows show what else ran beside it).`);
      cf = await startCentrifugo(peerBin.bin, root, runId, 2);
      const p = await runPeer(cf, runId, lgs, P.messaging, log);
      results.peer = p;
      for (const r of p.rates) {
        const psc = `Centrifugo 1:1 latency @ ${r.rate} msg/s`;
        rows.push(
          { scenario: psc, metric: 'send → recipient p50 / p99 (ms)', value: `${fmt(r.e2e.p50)} / ${fmt(r.e2e.p99)}`, peer: '' },
          { scenario: psc, metric: 'send → ack p50 / p99 (ms)', value: `${fmt(r.ack.p50)} / ${fmt(r.ack.p99)}`, peer: '' },
          { scenario: psc, metric: 'offered msg/s; lost / dup / offset gaps', value: `${fmt(r.offered, 0)}; ${r.lost} / ${r.dups} / ${r.gaps}`, peer: '' },
          { scenario: psc, metric: 'CPU per message, all processes (median of repeats)', value: describeCpu(r.cpu), peer: '' },
        );
        const g = vsPeer.find((x) => x.rate === r.rate);
        const gm = messaging?.rates.find((x) => x.rate === r.rate);
        if (g && gm) {
          g.e2eP50.peer = `p50 ${ratio(gm.e2e.p50, r.e2e.p50.median)}`;
          g.e2eP99.peer = `p99 ${ratio(gm.e2e.p99, r.e2e.p99.median)}`;
          g.ack.peer = `${ratio(gm.ack.p50, r.ack.p50.median)} / ${ratio(gm.ack.p99, r.ack.p99.median)}`;
        }
      }
      for (const t of p.throughput) {
        const tsc = `Centrifugo max throughput, ${t.kind}`;
        rows.push(
          { scenario: tsc, metric: `messages/s acked (${t.flows} senders × ${t.window} in flight)`, value: fmt(t.ackedPerSec, 0), peer: '' },
          { scenario: tsc, metric: 'deliveries/s; e2e p99 (ms); lost / dup / offset gaps', value: `${fmt(t.deliveredPerSec, 0)}; ${fmt(t.e2eP99, 0)}; ${t.lost} / ${t.dups} / ${t.gaps}`, peer: '' },
          { scenario: tsc, metric: 'CPU per message, all processes (median of repeats)', value: describeCpu(t.cpu), peer: '' },
        );
        const gm = messaging?.throughput.find((x) => x.kind === t.kind);
        if (vsPeerThroughput && gm) vsPeerThroughput.peer = ratio(gm.ackedPerSec, t.ackedPerSec.median);
      }
    } catch (err) {
      const why = (err as Error).message.split('\n')[0] ?? '';
      console.error(`bench: peer scenario failed: ${why}`);
      results.peer = { error: why };
      rows.push({ scenario: sc, metric: 'not measured', value: 'see notes', peer: '' });
      limits.push(`Peer (Centrifugo ${CENTRIFUGO_VERSION}) not measured: ${why}`);
    } finally {
      await cf?.stop();
    }
  }

  if (want('fanout')) {
    log('group fan-out');
    const f = await runFanout(cluster, seeder, lgs, { ...P.fanout, onlineEvery }, log);
    results.fanout = f;
    for (const g of f.groups) {
      rows.push(
        // The floor is the same push from bare ws servers (scenarios/fanout.ts).
        { scenario: `fan-out ${g.members} members (${g.path} path)`, metric: 'send → last member has it (ms)', value: fmt(g.lastMs, 0), floor: g.floor ? fmt(g.floor.lastMs, 0) : 'n/a', ratio: g.floor ? ratio(g.lastMs, g.floor.lastMs.median) : 'n/a' },
        { scenario: `fan-out ${g.members} members (${g.path} path)`, metric: 'send → first member (ms); online others; missing / dup', value: `${fmt(g.firstMs, 0)}; ${g.online}; ${g.missing} / ${g.dups}` },
      );
    }
  }

  if (want('connections')) {
    log('connections');
    const c = await runConnections(cluster, seeder, lgs, P.connections, log);
    results.connections = c;
    rows.push(
      { scenario: `connections (${c.connections} idle, one gateway)`, metric: 'gateway memory per connection (KiB RSS)', value: n(c.perConnKiB) },
      { scenario: `connections (${c.connections} idle, one gateway)`, metric: 'connect rate (connections/s); p99 connect (ms)', value: `${n(c.connectPerSec, 0)}; ${n(c.connectLatency.p99, 0)}` },
      { scenario: `connections (${c.connections} idle, one gateway)`, metric: `gateway CPU at idle with heartbeats (% of a core, ${c.idleMs / 1000} s)`, value: n(c.idleCpuPct) },
    );
    if (c.storm) {
      rows.push(
        { scenario: `reconnect storm (${c.storm.clients} within ${c.storm.windowMs / 1000} s)`, metric: 'synced / clients; last synced at (ms)', value: `${c.storm.synced} / ${c.storm.clients}; ${n(c.storm.allSyncedMs, 0)}` },
        { scenario: `reconnect storm (${c.storm.clients} within ${c.storm.windowMs / 1000} s)`, metric: 'reconnect p50 / p99 (ms)', value: `${n(c.storm.connectP50, 0)} / ${n(c.storm.connectP99, 0)}` },
      );
    }
  }

  if (want('list')) {
    log('conversation list');
    const l = await runConversationList(cluster, seeder, P.list, log);
    results.conversationList = l;
    for (const x of l.lists) {
      for (const [kind, d] of [['cold', x.cold], ['warm', x.warm]] as const) {
        rows.push({ scenario: `GET /conversations (${l.conversations} conversations, limit ${x.limit})`, metric: `${kind} p50 / p95 (ms)`, value: `${fmt(d.p50)} / ${fmt(d.p95)}`, floor: `/healthz ${fmt(l.healthz.p50, 2)}`, ratio: ratio(d.p50, l.healthz.p50.median) });
      }
    }
  }

} catch (err) {
  failed = true;
  console.error(err);
  limits.push(`The run stopped early: ${(err as Error).message.split('\n')[0]}`);
} finally {
  await stopAll();
}

const durationSec = (performance.now() - t0) / 1000;
const machineAfter = { ...machine, loadAfter: loadAvg() };
const header = [
  `Run \`${runId}\` at ${new Date().toISOString()}, commit ${gitCommit}, ${quick ? '`npm run bench -- --quick`' : '`npm run bench`'}, ${durationSec.toFixed(0)} s.`,
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memGiB} GiB, ${machine.platform}, Node ${machine.node}; load average before ${machine.loadBefore.join(' ')}, after ${machineAfter.loadAfter.join(' ')}; ${describeProbe(machine.probe)}.`,
  `Everything (MariaDB, Redis, Kafka, Temporal, 2 gateways, logic, Temporal worker, ${want('peer') ? '2 Centrifugo nodes, ' : ''}load generators) shares these cores on loopback. Medians over repeats with (min–max); warm-up discarded.`,
];
const notes = [...limits, ...scaleNotes()];
const md = markdown(`GoChat benchmark (${quick ? 'quick' : 'full'})`, header, rows, notes);
const files = write(path.join(root, 'bench/results'), quick ? 'quick' : 'full', { runId, quick, commit: gitCommit, durationSec, machine: machineAfter, params: P, results, notes }, md);
console.log(`\n${md}`);
log(`wrote ${files.map((f) => path.relative(root, f)).join(', ')}`);
if (writeReadme(root)) log('README.md: performance blocks updated from bench/results');
process.exit(failed ? 1 : 0);

function floorSummary(s: FloorSample[]) {
  const ws = summarizeDists(s.map((x) => x.wsEchoRtt));
  const k = summarizeDists(s.map((x) => x.kafkaRoundTrip));
  const m = summarizeDists(s.map((x) => x.mysqlInsert));
  return {
    wsEchoRtt: ws, kafkaRoundTrip: k, mysqlInsert: m,
    wsEchoPerSec: summary(s.map((x) => x.wsEchoPerSec)),
    kafkaPerSec: summary(s.map((x) => x.kafkaPerSec)),
    mysqlInsertPerSec: summary(s.map((x) => x.mysqlInsertPerSec)),
    pathP50: ws.p50.median + 2 * k.p50.median + m.p50.median,
    pathP99: ws.p99.median + 2 * k.p99.median + m.p99.median,
  };
}

function scaleNotes(): string[] {
  const out = [
    ...(want('peer') ? [
      'Peer: Centrifugo on two nodes (Redis engine: history stream per channel, PUB/SUB between nodes) under the messaging scenario\'s load from the same load generators: each 1:1 conversation a user-limited channel both members subscribe to, the publish reply as the ack, the recipient\'s pushed publication as the delivery (the sender\'s own copy is not counted). GoChat / Centrifugo divides GoChat\'s figure by Centrifugo\'s at the same rate: above 1× GoChat is slower (latency) or faster (throughput).',
      'Centrifugo keeps history in Redis memory and assigns no per-conversation seq in a transaction; GoChat stores every message in MySQL, orders it by seq and goes through Kafka twice. The ratio prices those guarantees, not only code.',
    ] : []),
    'Path floor: one ws round trip (client→gateway and gateway→client) + two Kafka produce→consume hops (upstream, downstream) + one MySQL insert: what any design with these hops pays. Throughput floor: the narrowest of the three bare hops.',
    'Latency is timed inside a load generator for flows whose sender and recipient it holds (connected to different gateways); fan-out arrival times compare wall clocks of processes on one machine.',
    "Fan-out floor: as many bare ws servers as the scenario had gateways, the same members connected from the same load generators, each server writing one frame of the same size to its members: what pushing one frame to that many sockets costs on this machine, with no store, broker or lookup.",
  ];
  if (quick) out.push('--quick scales down: fewer users and rates, 2 repeats, shorter windows, 1,000 connections, no reconnect storm and no 50,000-member group; compare full runs with full runs.');
  return out;
}
