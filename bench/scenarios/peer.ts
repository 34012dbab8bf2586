// The peer: Centrifugo (Redis engine, history on) under the same load as GoChat's 1:1
// messaging scenario: the same pair count, offered rates, durations, warm-up, repeats and
// closed-loop window, from the same load-generator processes. Each 1:1 conversation is a
// user-limited channel both members subscribe to; a client publish is the send, its reply the
// ack, the recipient's pushed publication the delivery. Pairs are split over two nodes, as
// GoChat's are over two gateways, so a publication crosses Redis from one node to the other.
import type { Centrifugo } from '../lib/centrifugo.ts';
import { CHAT_NAMESPACE } from '../lib/centrifugo.ts';
import type { LoadGen } from '../lib/loadgen-pool.ts';
import { CpuMeter, describeCpu, medianPerGroup, stackServices, type CpuPerMessage } from '../lib/cpu-meter.ts';
import { dist, summarizeDists, summary, type Dist } from '../lib/stats.ts';
import type { MessagingOpts, RateResult, ThroughputResult } from './messaging.ts';

interface Outcome {
  acked: number; received: number; echoes: number; dups: number; gaps: number; lost: number; unacked: number;
  errors: Record<string, number>;
}
interface OpenResult extends Outcome { offeredPerSec: number; ack: number[]; e2e: number[] }
interface ClosedResult extends Outcome { ackedPerSec: number; deliveredPerSec: number; ack: Dist; e2e: Dist }
interface ConnectResult { ok: number; failed: number; errors: string[]; ms: number; perSec: number }

export interface PeerResult {
  version: string;
  nodes: number;
  users: number;
  connect: { ms: number; perSec: number; failed: number };
  rates: RateResult[];
  throughput: ThroughputResult[];
}

/** Loss, duplicates, gaps and errors summed over the load generators and repeats. */
class Tally {
  lost = 0;
  dups = 0;
  gaps = 0;
  errors: Record<string, number> = {};
  add(parts: Outcome[]): number {
    let lost = 0;
    for (const p of parts) {
      lost += p.lost + p.unacked;
      this.dups += p.dups;
      this.gaps += p.gaps;
      for (const [k, v] of Object.entries(p.errors)) this.errors[k] = (this.errors[k] ?? 0) + v;
    }
    this.lost += lost;
    return lost;
  }
}

export async function runPeer(cf: Centrifugo, runId: string, lgs: LoadGen[], o: MessagingOpts, log: (s: string) => void): Promise<PeerResult> {
  const [nodeA, nodeB] = cf.nodes;
  if (!nodeA || !nodeB) throw new Error('two Centrifugo nodes needed');
  const half = Math.floor(o.users / 2);
  const users: { id: string; token: string; url: string; channels: string[]; lg: number }[] = [];
  const flows: { from: string; to: string; channel: string; lg: number }[] = [];
  for (let i = 0; i < half; i++) {
    const a = `${runId}p${i}`;
    const b = `${runId}p${half + i}`;
    const lg = i % lgs.length;
    // the part after `#` names the only users allowed to subscribe
    const channel = `${CHAT_NAMESPACE}:${runId}_${i}#${a},${b}`;
    // alternate the direction, so both nodes publish and deliver
    const [na, nb] = i % 2 ? [nodeA, nodeB] : [nodeB, nodeA];
    users.push({ id: a, token: await cf.token(a), url: na.wsUrl, channels: [channel], lg }, { id: b, token: await cf.token(b), url: nb.wsUrl, channels: [channel], lg });
    flows.push({ from: a, to: b, channel, lg });
  }
  const mine = <T extends { lg: number }>(xs: T[], i: number) => xs.filter((x) => x.lg === i);

  log(`  ${cf.version}, ${cf.nodes.length} nodes: ${users.length} users, ${flows.length} 1:1 channels: connecting`);
  const t0 = performance.now();
  const conn = await Promise.all(lgs.map((lg, i) => lg.call<ConnectResult>('cfConnect', { users: mine(users, i), concurrency: 100 })));
  const connectMs = performance.now() - t0;
  const ok = conn.reduce((s, p) => s + p.ok, 0);
  const failed = conn.reduce((s, p) => s + p.failed, 0);
  if (failed > 0) console.warn(`  ${failed} Centrifugo connections failed: ${conn.flatMap((p) => p.errors).slice(0, 3).join('; ')}`);
  if (ok === 0) throw new Error(`no Centrifugo client connected: ${conn.flatMap((p) => p.errors)[0] ?? 'unknown'}`);
  log(`  connected and subscribed ${ok} in ${Math.round(connectMs)} ms`);

  // unmeasured, as for GoChat: Redis connections warm, Go's and V8's JIT settle
  await Promise.all(lgs.map((lg, i) => lg.call<OpenResult>('cfOpenLoop', {
    tag: 'W', flows: mine(flows, i), rate: 200 / lgs.length, durationMs: o.warmupMs * 2, warmupMs: o.warmupMs * 2,
  })));

  // the same groups as GoChat's meter, so the rows compare: Centrifugo's nodes and Redis do it all
  const meter = new CpuMeter([
    { name: 'Centrifugo', pids: () => cf.nodes.map((n) => n.child.pid) },
    ...stackServices(),
    { name: 'load generators', pids: () => lgs.map((lg) => lg.child.pid) },
    { name: 'bench', pids: () => [process.pid] },
  ]);
  const rates: RateResult[] = [];
  for (const rate of o.rates) {
    const e2es: Dist[] = [];
    const acks: Dist[] = [];
    const offered: number[] = [];
    const cpus: CpuPerMessage[] = [];
    const t = new Tally();
    for (let rep = 0; rep < o.repeats; rep++) {
      const before = meter.snapshot();
      const parts = await Promise.all(lgs.map((lg, i) => lg.call<OpenResult>('cfOpenLoop', {
        tag: `L${rate}r${rep}`, flows: mine(flows, i), rate: rate / lgs.length, durationMs: o.durationMs, warmupMs: o.warmupMs,
      })));
      const e2e = dist(parts.flatMap((p) => p.e2e));
      const ack = dist(parts.flatMap((p) => p.ack));
      e2es.push(e2e);
      acks.push(ack);
      offered.push(parts.reduce((s, p) => s + p.offeredPerSec, 0));
      cpus.push(meter.perMessage(before, meter.snapshot(), parts.reduce((s, p) => s + p.acked, 0)));
      const lost = t.add(parts);
      log(`  ${rate} msg/s rep ${rep + 1}: e2e p50 ${e2e.p50.toFixed(1)} p99 ${e2e.p99.toFixed(1)} ms, ack p50 ${ack.p50.toFixed(1)} ms, lost ${lost}; CPU per message ${describeCpu(cpus.at(-1)!)}`);
    }
    rates.push({ rate, offered: summary(offered), e2e: summarizeDists(e2es), ack: summarizeDists(acks), lost: t.lost, dups: t.dups, gaps: t.gaps, errors: t.errors, cpu: medianPerGroup(cpus) });
  }

  const acked: number[] = [], delivered: number[] = [], p99: number[] = [];
  const cpus: CpuPerMessage[] = [];
  const t = new Tally();
  for (let rep = 0; rep < o.repeats; rep++) {
    const before = meter.snapshot();
    const parts = await Promise.all(lgs.map((lg, i) => lg.call<ClosedResult>('cfClosedLoop', {
      tag: `T11r${rep}`, flows: mine(flows, i), window: o.window, durationMs: o.throughputMs, warmupMs: Math.min(o.warmupMs, o.throughputMs / 3),
    })));
    cpus.push(meter.perMessage(before, meter.snapshot(), parts.reduce((s, p) => s + p.acked, 0)));
    acked.push(parts.reduce((s, p) => s + p.ackedPerSec, 0));
    delivered.push(parts.reduce((s, p) => s + p.deliveredPerSec, 0));
    p99.push(Math.max(...parts.map((p) => p.e2e.p99)));
    const lost = t.add(parts);
    log(`  throughput 1:1 rep ${rep + 1}: ${acked.at(-1)!.toFixed(0)} msg/s acked, ${delivered.at(-1)!.toFixed(0)} deliveries/s, lost ${lost}, dups ${parts.reduce((s, p) => s + p.dups, 0)}; CPU per message ${describeCpu(cpus.at(-1)!)}`);
  }
  const throughput: ThroughputResult[] = [{
    kind: '1:1', flows: flows.length, window: o.window, ackedPerSec: summary(acked), deliveredPerSec: summary(delivered), e2eP99: summary(p99),
    lost: t.lost, dups: t.dups, gaps: t.gaps, errors: t.errors, cpu: medianPerGroup(cpus),
  }];
  await Promise.all(lgs.map((lg) => lg.call('cfCloseAll')));
  return { version: cf.version, nodes: cf.nodes.length, users: users.length, connect: { ms: connectMs, perSec: (ok / connectMs) * 1000, failed }, rates, throughput };
}
