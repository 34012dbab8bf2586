// 1:1 end-to-end latency at fixed offered rates, and the maximum sustained throughput with
// every message accounted for (1:1 and small groups). Users are split over two gateways so
// every message crosses from one gateway to the other; each flow's sender and recipients live
// in the same load generator, which times send → ack and send → recipient's message frame.
import type { BenchCluster } from '../lib/cluster.ts';
import { closeAll, connectAll, type Placed } from '../lib/clients.ts';
import { CpuMeter, describeCpu, medianPerGroup, stackServices, type CpuPerMessage } from '../lib/cpu-meter.ts';
import type { LoadGen } from '../lib/loadgen-pool.ts';
import type { Seeder } from '../lib/seed.ts';
import { dist, summarizeDists, summary, type Dist, type Summary } from '../lib/stats.ts';

export interface MessagingOpts {
  users: number;
  rates: number[];
  durationMs: number;
  warmupMs: number;
  repeats: number;
  throughputMs: number;
  window: number;
  groupSize: number;
}

interface OpenResult {
  sent: number; offeredPerSec: number; acked: number; received: number; dups: number; lost: number; gaps: number;
  unacked: number; errors: Record<string, number>; ack: number[]; e2e: number[];
}
interface ClosedResult {
  sent: number; acked: number; received: number; dups: number; lost: number; gaps: number; unacked: number;
  errors: Record<string, number>; ackedPerSec: number; deliveredPerSec: number; ack: Dist; e2e: Dist;
}

export interface RateResult {
  rate: number;
  offered: Summary;
  e2e: ReturnType<typeof summarizeDists>;
  ack: ReturnType<typeof summarizeDists>;
  lost: number;
  dups: number;
  gaps: number;
  errors: Record<string, number>;
  /** CPU ms per message acked, by process, median over repeats. */
  cpu: CpuPerMessage;
}

export interface ThroughputResult {
  kind: string;
  flows: number;
  window: number;
  ackedPerSec: Summary;
  deliveredPerSec: Summary;
  e2eP99: Summary;
  lost: number;
  dups: number;
  gaps: number;
  errors: Record<string, number>;
  /** CPU ms per message acked, by process, median over repeats. */
  cpu: CpuPerMessage;
}

/** GoChat's processes, the stack's services, the load generators and this process. */
function meterFor(cluster: BenchCluster, lgs: LoadGen[]): CpuMeter {
  return new CpuMeter([
    { name: 'gateways', pids: () => cluster.gateways.map((g) => g.proc.child.pid) },
    { name: 'logic', pids: () => [cluster.logic.child.pid] },
    { name: 'Temporal worker', pids: () => [cluster.worker.child.pid] },
    ...stackServices(),
    { name: 'load generators', pids: () => lgs.map((lg) => lg.child.pid) },
    { name: 'bench', pids: () => [process.pid] },
  ]);
}

function addErrors(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export async function runMessaging(cluster: BenchCluster, seeder: Seeder, lgs: LoadGen[], o: MessagingOpts, log: (s: string) => void) {
  const [gwA, gwB] = cluster.gateways;
  if (!gwA || !gwB) throw new Error('two gateways needed');
  const users = await seeder.users(o.users, `${cluster.runId}_m_`);
  const half = Math.floor(users.length / 2);
  const pairUsers: [string, string][] = [];
  const placed: Placed[] = [];
  for (let i = 0; i < half; i++) {
    const a = users[i]!;
    const b = users[half + i]!;
    const lg = i % lgs.length;
    // alternate the direction, so both gateways send and receive
    const [ua, ub] = i % 2 ? [gwA, gwB] : [gwB, gwA];
    placed.push({ ...a, lg, url: ua.wsUrl }, { ...b, lg, url: ub.wsUrl });
    pairUsers.push([a.id, b.id]);
  }
  const convs = await seeder.pairs(pairUsers);
  const flows = pairUsers.map(([from, to], i) => ({ from, to, conv: convs[i]!, lg: i % lgs.length }));
  // small groups: members of one load generator, on both gateways
  const groups: { from: string; conv: string; recipients: string[]; lg: number }[] = [];
  for (let g = 0; g < lgs.length; g++) {
    const mine = placed.filter((p) => p.lg === g);
    for (let i = 0; i + o.groupSize <= mine.length; i += o.groupSize) {
      const members = mine.slice(i, i + o.groupSize).map((m) => m.id);
      groups.push({ from: members[0]!, conv: await seeder.group(members[0]!, members.slice(1), 'bench small group'), recipients: members.slice(1), lg: g });
    }
  }
  log(`  ${users.length} users, ${flows.length} 1:1 conversations, ${groups.length} groups of ${o.groupSize}: connecting`);
  const connect = await connectAll(lgs, placed, 100);
  log(`  connected ${connect.ok} in ${Math.round(connect.ms)} ms`);

  // unmeasured: consumer groups settle, connection pools fill, JIT warms
  await Promise.all(lgs.map((lg, i) => lg.call<OpenResult>('openLoop', {
    tag: 'W', flows: flows.filter((f) => f.lg === i), rate: 200 / lgs.length, durationMs: o.warmupMs * 2, warmupMs: o.warmupMs * 2,
  })));
  const meter = meterFor(cluster, lgs);
  const rates: RateResult[] = [];
  for (const rate of o.rates) {
    const e2es: Dist[] = [];
    const acks: Dist[] = [];
    const offered: number[] = [];
    const cpus: CpuPerMessage[] = [];
    let lost = 0, dups = 0, gaps = 0;
    const errors: Record<string, number> = {};
    for (let rep = 0; rep < o.repeats; rep++) {
      const before = meter.snapshot();
      const parts = await Promise.all(lgs.map((lg, i) => lg.call<OpenResult>('openLoop', {
        tag: `L${rate}r${rep}`, flows: flows.filter((f) => f.lg === i), rate: rate / lgs.length, durationMs: o.durationMs, warmupMs: o.warmupMs,
      })));
      // the warm-up's messages too: the meter cannot tell them apart, and they cost the same
      const cpu = meter.perMessage(before, meter.snapshot(), parts.reduce((s, p) => s + p.acked, 0));
      cpus.push(cpu);
      const e2e = dist(parts.flatMap((p) => p.e2e));
      const ack = dist(parts.flatMap((p) => p.ack));
      e2es.push(e2e);
      acks.push(ack);
      offered.push(parts.reduce((s, p) => s + p.offeredPerSec, 0));
      for (const p of parts) {
        lost += p.lost + p.unacked;
        dups += p.dups;
        gaps += p.gaps;
        addErrors(errors, p.errors);
      }
      log(`  ${rate} msg/s rep ${rep + 1}: e2e p50 ${e2e.p50.toFixed(1)} p99 ${e2e.p99.toFixed(1)} ms, ack p50 ${ack.p50.toFixed(1)} ms, lost ${parts.reduce((s, p) => s + p.lost + p.unacked, 0)}; CPU per message ${describeCpu(cpu)}`);
    }
    rates.push({ rate, offered: summary(offered), e2e: summarizeDists(e2es), ack: summarizeDists(acks), lost, dups, gaps, errors, cpu: medianPerGroup(cpus) });
  }

  const throughput: ThroughputResult[] = [];
  // throughputMs 0: latency at the fixed rates only.
  const kinds = o.throughputMs <= 0 ? [] : [
    { kind: '1:1', flows: flows.map((f) => ({ from: f.from, conv: f.conv, recipients: [f.to], lg: f.lg })) },
    { kind: `group of ${o.groupSize}`, flows: groups },
  ];
  for (const k of kinds) {
    const acked: number[] = [], delivered: number[] = [], p99: number[] = [];
    const cpus: CpuPerMessage[] = [];
    let lost = 0, dups = 0, gaps = 0;
    const errors: Record<string, number> = {};
    for (let rep = 0; rep < o.repeats; rep++) {
      const before = meter.snapshot();
      const parts = await Promise.all(lgs.map((lg, i) => lg.call<ClosedResult>('closedLoop', {
        tag: `T${k.kind.replace(/\W/g, '')}r${rep}`, flows: k.flows.filter((f) => f.lg === i), window: o.window, durationMs: o.throughputMs, warmupMs: Math.min(o.warmupMs, o.throughputMs / 3),
      })));
      cpus.push(meter.perMessage(before, meter.snapshot(), parts.reduce((s, p) => s + p.acked, 0)));
      acked.push(parts.reduce((s, p) => s + p.ackedPerSec, 0));
      delivered.push(parts.reduce((s, p) => s + p.deliveredPerSec, 0));
      p99.push(Math.max(...parts.map((p) => p.e2e.p99)));
      for (const p of parts) {
        lost += p.lost + p.unacked;
        dups += p.dups;
        gaps += p.gaps;
        addErrors(errors, p.errors);
      }
      log(`  throughput ${k.kind} rep ${rep + 1}: ${acked.at(-1)!.toFixed(0)} msg/s acked, ${delivered.at(-1)!.toFixed(0)} deliveries/s, lost ${parts.reduce((s, p) => s + p.lost + p.unacked, 0)}, dups ${parts.reduce((s, p) => s + p.dups, 0)}; CPU per message ${describeCpu(cpus.at(-1)!)}`);
    }
    throughput.push({ kind: k.kind, flows: k.flows.length, window: o.window, ackedPerSec: summary(acked), deliveredPerSec: summary(delivered), e2eP99: summary(p99), lost, dups, gaps, errors, cpu: medianPerGroup(cpus) });
  }
  await closeAll(lgs);
  return { users: users.length, connect: { ms: connect.ms, perSec: connect.perSec, failed: connect.failed }, rates, throughput };
}
