// One phase: a steady baseline, the fault, the wait for recovery, a settle window, then the
// checkpoint. The recovery figures are computed afterwards from what the clients recorded.
import { loadavg } from 'node:os';
import type { ChatClient } from './client.ts';
import { foldLines, type LogLine } from './evidence.ts';
import { inject, type FaultCtx, type Injection } from './faults.ts';
import type { Ledger } from './ledger.ts';
import { log, secs, sleep } from './log.ts';
import {
  firstAckAfter, firstLargeDeliveryAfter, liveHealAfter, liveStats, p99BackAfter, p99Between, percentile, statsByKind, worstAckWait, type KindStats, type LiveStats,
} from './measure.ts';
import { cpuShare, metricsStory, readinessStory, type Monitor } from './monitor.ts';
import type { ChaosOptions, FaultName } from './options.ts';
import type { Cluster, ExitRecord } from './procs.ts';
import type { Traffic } from './traffic.ts';
import type { Verdict, Verifier } from './verify.ts';

const BASELINE_GUARD_MS = 2500;

export interface PhaseResult {
  fault: FaultName | 'steady';
  profile: ChaosOptions['profile'];
  try: number;
  name: string;
  what: string;
  skipped?: string;
  /** Seconds waited for the previous phase's backlog to clear before the baseline (null: it did not). */
  calmAfterS?: number | null;
  at: { baselineStart: number; baselineWindow?: [number, number]; injectedAt?: number; restartAt?: number; backAt?: number; ref?: number; recoveredAt?: number; settleEnd?: number };
  /** Restart → dependency back (`stack.sh up` returned) or process /readyz 200. */
  backAfterS: number | null;
  firstAckAfterS: number | null;
  firstLargeAfterS: number | null;
  liveHealAfterS: number | null;
  probeAckAfterS: number | null;
  p99BackAfterS: number | null;
  baselineP99Ms: number | null;
  p99ThresholdMs: number | null;
  /** Worst p99 of a 2 s window between the fault and the end of the settle window. */
  worstP99Ms: number | null;
  /** The longest a send made from 2.5 s before the fault to the end of the settle window waited for its ack. */
  worstAckWaitMs: number | null;
  liveBaseline: LiveStats;
  liveAfterRef: LiveStats;
  /** Per kind of conversation: latency and live delivery in the baseline and from the fault on. */
  byKind: { baseline: Record<string, KindStats>; afterFault: Record<string, KindStats> };
  /** Event-loop delay of the measuring process itself during the phase (ms): its timestamps are this late at worst. */
  instrumentLagMs: { p99: number; max: number };
  /** Client connections that became ready between the fault and the checkpoint. */
  reconnects: number;
  verdict: Verdict | undefined;
  unexpectedExits: ExitRecord[];
  readiness: { story: string; details: string[] };
  /** % of one core each process used from the baseline to the checkpoint (restarted ones left out). */
  cpuPercent: Record<string, number>;
  /** 1-minute load average at the baseline's start. */
  load1: number;
  /** Per process: counter increases and the highest consumer lag during the phase (from /metrics). */
  metrics: Record<string, Record<string, number>>;
  logs: Record<string, LogLine[]>;
}

export interface PhaseDeps {
  opts: ChaosOptions;
  cluster: Cluster;
  monitor: Monitor;
  ledger: Ledger;
  verifier: Verifier;
  traffic: Traffic;
  clients: () => ChatClient[];
  faultCtx: FaultCtx;
  /** Median sends in flight during the steady control phase: what "calm" means before each baseline. */
  controlInFlight?: number;
}

export function emptyPhase(fault: PhaseResult['fault'], tryNo: number, what: string, profile: ChaosOptions['profile'] = 'single'): PhaseResult {
  return {
    fault, profile, try: tryNo, name: `${fault}#${tryNo}`, what, at: { baselineStart: Date.now() },
    backAfterS: null, firstAckAfterS: null, firstLargeAfterS: null, liveHealAfterS: null, probeAckAfterS: null,
    p99BackAfterS: null, baselineP99Ms: null, p99ThresholdMs: null, worstP99Ms: null, worstAckWaitMs: null,
    liveBaseline: { expected: 0, live: 0 }, liveAfterRef: { expected: 0, live: 0 }, byKind: { baseline: {}, afterFault: {} }, instrumentLagMs: { p99: 0, max: 0 }, reconnects: 0,
    verdict: undefined, unexpectedExits: [], readiness: { story: '', details: [] }, cpuPercent: {}, load1: 0, metrics: {}, logs: {},
  };
}

function worstWindow(d: PhaseDeps, from: number, to: number, scope: Injection['scope']): number | null {
  let worst: number | null = null;
  for (let t = from; t + 2000 <= to; t += 1000) {
    const p = p99Between(d.ledger, t, t + 2000, scope);
    if (p !== undefined && (worst === null || p > worst)) worst = p;
  }
  return worst;
}

/** Sends in flight (sent, not yet acked nor refused) over all clients. */
export function inFlight(clients: ChatClient[]): number {
  return clients.reduce((n, c) => n + c.unacked, 0);
}

/**
 * Waits (≤ maxMs) until the sends in flight stay within `limit` for 2 s: the previous phase's
 * backlog is gone before a new baseline is taken (in flight = rate × latency, Little's law, so
 * this reads the same however slow the machine is). Resolves with the wait, or null.
 */
export async function waitCalm(clients: ChatClient[], limit: number, maxMs: number): Promise<number | null> {
  const start = Date.now();
  let okSince: number | undefined;
  while (Date.now() - start < maxMs) {
    if (inFlight(clients) <= limit) {
      okSince ??= Date.now();
      if (Date.now() - okSince >= 2000) return Date.now() - start;
    } else okSince = undefined;
    await sleep(250);
  }
  return null;
}

/** Samples the sends in flight every 250 ms until stopped; the median is the control's level. */
export function sampleInFlight(clients: ChatClient[]): () => number {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(inFlight(clients)), 250);
  return () => {
    clearInterval(timer);
    return percentile(samples, 50) ?? 0;
  };
}

/** The calm limit: twice the control's median in flight, at least 10. */
export const calmLimit = (controlInFlight: number) => Math.max(10, Math.ceil(2 * controlInFlight));

export async function runPhase(d: PhaseDeps, fault: Exclude<PhaseResult['fault'], 'slow'>, tryIndex: number): Promise<PhaseResult> {
  const { opts, ledger } = d;
  const r = emptyPhase(fault, tryIndex + 1, fault === 'steady' ? 'no fault: the instrument\'s control' : '', opts.profile);
  if (fault !== 'steady' && d.controlInFlight !== undefined) {
    const limit = calmLimit(d.controlInFlight);
    const calm = await waitCalm(d.clients(), limit, opts.calmMaxMs);
    r.calmAfterS = calm === null ? null : Math.round(calm / 100) / 10;
    if (calm === null) log(`${r.name}: still ${inFlight(d.clients())} sends in flight (calm: ≤ ${limit}) after ${opts.calmMaxMs / 1000} s; baseline taken anyway`);
  }
  const inFlightSampler = fault === 'steady' ? sampleInFlight(d.clients()) : undefined;
  d.ledger.phase = r.name;
  for (const p of d.cluster.all) p.takeMarked();
  d.monitor.takeLoopDelay();
  const baselineStart = Date.now();
  const cpuBefore = d.monitor.cpu();
  r.load1 = Math.round(loadavg()[0]! * 100) / 100;
  r.at.baselineStart = baselineStart;
  await sleep(opts.baselineMs);
  const baselineEnd = Date.now();
  // The pre-fault level: sends whose normal ack comes before the fault (ack latency under load
  // is a second or two, so the last BASELINE_GUARD_MS before the fault are left out).
  const [bFrom, bTo] = [baselineStart + 500, baselineEnd - (fault === 'steady' ? 500 : BASELINE_GUARD_MS)];
  r.at.baselineWindow = [bFrom, bTo];

  let inj: Injection | undefined;
  if (fault !== 'steady') {
    log(`${r.name}: inject`);
    inj = await inject(fault, tryIndex, d.faultCtx);
    const { ref, scope } = inj;
    r.what = inj.what;
    Object.assign(r.at, { injectedAt: inj.injectedAt, restartAt: inj.restartAt, backAt: inj.backAt, ref });
    r.backAfterS = secs(inj.restartAt, inj.backAt);
    log(`${r.name}: ${inj.what}; back after ${r.backAfterS ?? 'never'} s, waiting for recovery`);
    const base = p99Between(ledger, bFrom, bTo, scope);
    const threshold = opts.p99Factor * Math.max(base ?? opts.p99FloorMs, opts.p99FloorMs);
    const deadline = ref + opts.recoveryMaxMs;
    const probeCmid = inj.probeCmid;
    const recovered = () =>
      firstAckAfter(ledger, ref, scope) !== undefined &&
      (!inj!.needsLarge || firstLargeDeliveryAfter(ledger, ref) !== undefined) &&
      (probeCmid === undefined || ledger.sends.get(probeCmid)?.ackAt !== undefined);
    while (Date.now() < deadline && !recovered()) await sleep(200);
    r.at.recoveredAt = Date.now();
    // Then until p99 (and live delivery, where it is the point) is back, judged on windows
    // whose sends have had time to be acked.
    const settled = () => {
      const end = Date.now() - Math.min(threshold, 10_000) - 1000;
      return (!Number.isFinite(threshold) || p99BackAfter(ledger, ref, end, threshold, scope) !== undefined) &&
        (!inj!.needsLive || liveHealAfter(ledger, ref, end) !== undefined);
    };
    while (Date.now() < deadline && !settled()) await sleep(1000);
  }
  await sleep(opts.settleMs);
  const settleEnd = Date.now();
  r.at.settleEnd = settleEnd;
  r.instrumentLagMs = d.monitor.takeLoopDelay();
  r.cpuPercent = cpuShare(cpuBefore, d.monitor.cpu(), settleEnd - baselineStart);
  if (inFlightSampler) d.controlInFlight = inFlightSampler();
  d.traffic.pause();
  log(`${r.name}: checkpoint (drain, sync, check)`);
  r.verdict = await d.verifier.checkpoint(r.name, d.clients(), opts.drainMs);
  d.traffic.resume();

  const baselineScope = inj?.scope ?? {};
  r.baselineP99Ms = p99Between(ledger, bFrom, bTo, baselineScope) ?? null;
  r.liveBaseline = liveStats(ledger, bFrom, bTo);
  r.byKind.baseline = statsByKind(ledger, bFrom, bTo);
  r.byKind.afterFault = inj ? statsByKind(ledger, inj.injectedAt, settleEnd) : {};
  if (inj) {
    const ref = inj.ref;
    r.firstAckAfterS = secs(ref, firstAckAfter(ledger, ref, inj.scope));
    r.firstLargeAfterS = secs(ref, firstLargeDeliveryAfter(ledger, ref));
    r.liveHealAfterS = secs(ref, liveHealAfter(ledger, ref, settleEnd));
    r.probeAckAfterS = inj.probeCmid ? secs(ref, ledger.sends.get(inj.probeCmid)?.ackAt) : null;
    const threshold = opts.p99Factor * Math.max(r.baselineP99Ms ?? opts.p99FloorMs, opts.p99FloorMs);
    r.p99ThresholdMs = Number.isFinite(threshold) ? Math.round(threshold) : null;
    if (r.p99ThresholdMs !== null) r.p99BackAfterS = secs(ref, p99BackAfter(ledger, ref, settleEnd, r.p99ThresholdMs, inj.scope));
    r.worstP99Ms = worstWindow(d, inj.injectedAt, settleEnd, inj.scope);
    r.worstAckWaitMs = worstAckWait(ledger, inj.injectedAt - BASELINE_GUARD_MS, settleEnd, inj.scope) ?? null;
    r.liveAfterRef = liveStats(ledger, ref, settleEnd);
    r.reconnects = ledger.connectsWithin(inj.injectedAt, settleEnd);
    r.readiness = readinessStory(d.monitor.logic, inj.injectedAt - 1000, settleEnd);
  } else {
    r.readiness = readinessStory(d.monitor.logic, baselineStart, settleEnd);
    r.reconnects = ledger.connectsWithin(baselineStart, settleEnd);
  }
  r.metrics = metricsStory(d.monitor.metrics, baselineStart, settleEnd);
  r.unexpectedExits = d.cluster.unexpectedExits(baselineStart);
  for (const p of d.cluster.all) {
    const lines = foldLines(p.takeMarked());
    if (lines.length > 0) r.logs[p.name] = lines;
  }
  const v = r.verdict;
  log(`${r.name}: first ack ${r.firstAckAfterS ?? '-'} s, p99 back ${r.p99BackAfterS ?? '-'} s, live heal ${r.liveHealAfterS ?? '-'} s; ` +
    `sends ${v.sends}, lost ${v.lost}, unacked ${v.unacked}, dup ${v.dup}, gaps ${v.gaps}, missing ${v.missingPairs}; logic readyz: ${r.readiness.story}`);
  return r;
}

/**
 * Recomputes the live-delivery figures at the end of the run: a push that came late still
 * counts as live, one that never came is only now known to be missing.
 */
export function finalizeLive(r: PhaseResult, ledger: Ledger): void {
  const [bFrom, bTo] = r.at.baselineWindow ?? [0, 0];
  if (r.skipped || bTo <= bFrom) return;
  r.liveBaseline = liveStats(ledger, bFrom, bTo);
  r.byKind.baseline = statsByKind(ledger, bFrom, bTo);
  if (r.at.injectedAt !== undefined && r.at.ref !== undefined && r.at.settleEnd !== undefined) {
    r.liveAfterRef = liveStats(ledger, r.at.ref, r.at.settleEnd);
    r.byKind.afterFault = statsByKind(ledger, r.at.injectedAt, r.at.settleEnd);
  }
}
