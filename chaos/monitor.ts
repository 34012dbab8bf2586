// Background pollers: the logic worker's /readyz (4 a second), each gateway's /readyz and
// RSS, and the gateways' open-socket gauge (once a second). Samples keep their time, so each
// phase reads the stretch it covers.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuSeconds, rssBytes, type Cluster } from './procs.ts';
import type { ChaosStack } from './stack.ts';

export type ReadyState = 'ready' | 'unready' | 'down';

export interface ReadySample {
  at: number;
  state: ReadyState;
  /** The body of a 503 (what the process says is wrong). */
  detail?: string;
}

/** Metrics read from a process's /metrics: counters (summed over labels) and the consumer lag. */
export const WATCHED = [
  'gochat_kafka_consumer_lag',
  'gochat_kafka_committed_lag',
  'gochat_kafka_consumer_transient_retries_total',
  'gochat_kafka_consumer_crashes_total',
  'gochat_kafka_consumer_group_joins_total',
  'gochat_dead_letters_total',
  'gochat_message_send_failures_total',
  'gochat_ws_slow_closes_total',
] as const;

export interface MetricSample {
  at: number;
  proc: string;
  values: Partial<Record<(typeof WATCHED)[number], number>>;
}

export function parseMetrics(text: string): MetricSample['values'] {
  const values: MetricSample['values'] = {};
  for (const line of text.split('\n')) {
    const m = /^(gochat_[a-z_]+)(?:\{[^}]*\})? ([0-9.e+-]+|NaN)$/.exec(line);
    if (!m) continue;
    const name = m[1] as (typeof WATCHED)[number];
    if (!(WATCHED as readonly string[]).includes(name)) continue;
    const v = Number(m[2]);
    if (Number.isFinite(v)) values[name] = (values[name] ?? 0) + v;
  }
  return values;
}

export interface GatewaySample {
  at: number;
  gateway: number;
  state: ReadyState;
  rss: number;
  sockets: number | undefined;
}

async function probe(url: string): Promise<{ state: ReadyState; body?: string }> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(1500) });
    const body = await r.text();
    return r.status === 200 ? { state: 'ready' } : { state: 'unready', body: `${r.status} ${body.slice(0, 300)}` };
  } catch {
    return { state: 'down' };
  }
}

async function gauge(url: string, name: string): Promise<number | undefined> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(1500) });
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(await r.text());
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export class Monitor {
  readonly logic: ReadySample[] = [];
  readonly gateways: GatewaySample[] = [];
  readonly metrics: MetricSample[] = [];
  private readonly cluster: Cluster;
  private readonly timers: NodeJS.Timeout[] = [];
  private busyLogic = false;
  private busyGw = false;
  /** This process's own event-loop delay: if it lags, every time it records is late. */
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  private readonly stack: ChaosStack | undefined;

  constructor(cluster: Cluster, stack?: ChaosStack) {
    this.cluster = cluster;
    this.stack = stack;
  }

  /** CPU seconds used so far by each process of the run (GoChat's, the run's stack, this one). */
  cpu(): Record<string, number> {
    const out: Record<string, number> = { 'chaos (this)': process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 };
    for (const p of this.cluster.all) out[p.name] = cpuSeconds(p.alive ? p.pid : undefined);
    if (this.stack) for (const [name, pids] of Object.entries(this.stack.pids())) out[name] = pids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0);
    return out;
  }

  /** p99 and max event-loop delay of the run's own process since the previous call, ms. */
  takeLoopDelay(): { p99: number; max: number } {
    const r = { p99: Math.round(this.loop.percentile(99) / 1e5) / 10, max: Math.round(this.loop.max / 1e5) / 10 };
    this.loop.reset();
    return r;
  }

  start(): void {
    this.loop.enable();
    this.timers.push(
      setInterval(() => void this.pollLogic(), 250),
      setInterval(() => void this.pollGateways(), 1000),
      setInterval(() => void this.pollMetrics(), 1000),
    );
  }

  stop(): void {
    this.loop.disable();
    for (const t of this.timers) clearInterval(t);
  }

  private async pollLogic(): Promise<void> {
    if (this.busyLogic) return;
    this.busyLogic = true;
    const at = Date.now();
    const r = await probe(this.cluster.logicUrl('/readyz'));
    this.logic.push({ at, state: r.state, ...(r.body ? { detail: r.body } : {}) });
    this.busyLogic = false;
  }

  private async pollMetrics(): Promise<void> {
    const targets = [
      ...this.cluster.logics.map((l, i) => ({ proc: l.proc.name, url: this.cluster.logicUrl('/metrics', i) })),
      ...this.cluster.gateways.map((g) => ({ proc: g.proc.name, url: `${g.url}/metrics` })),
    ];
    await Promise.all(targets.map(async ({ proc, url }) => {
      const at = Date.now();
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(1500) });
        if (r.ok) this.metrics.push({ at, proc, values: parseMetrics(await r.text()) });
      } catch {
        // the process is down: no sample
      }
    }));
  }

  private async pollGateways(): Promise<void> {
    if (this.busyGw) return;
    this.busyGw = true;
    await Promise.all(this.cluster.gateways.map(async (g) => {
      const at = Date.now();
      const [r, sockets] = await Promise.all([probe(`${g.url}/readyz`), gauge(`${g.url}/metrics`, 'gochat_ws_connections')]);
      this.gateways.push({ at, gateway: g.index, state: r.state, rss: rssBytes(g.proc.alive ? g.proc.pid : undefined), sockets });
    }));
    this.busyGw = false;
  }
}

/** "ready → down 2.1s → unready 6.3s → ready": the states of [from, to] with their durations. */
export function readinessStory(samples: ReadySample[], from: number, to: number): { story: string; details: string[] } {
  const within = samples.filter((s) => s.at >= from && s.at <= to);
  const runs: { state: ReadyState; start: number; end: number }[] = [];
  for (const s of within) {
    const last = runs.at(-1);
    if (last && last.state === s.state) last.end = s.at;
    else runs.push({ state: s.state, start: s.at, end: s.at });
  }
  runs.forEach((r, i) => {
    const next = runs[i + 1];
    if (next) r.end = next.start;
  });
  const story = runs
    .map((r, i) => (i === runs.length - 1 && r.state === 'ready' ? 'ready' : `${r.state} ${((r.end - r.start) / 1000).toFixed(1)}s`))
    .join(' → ');
  const details = [...new Set(within.filter((s) => s.detail).map((s) => s.detail!))].slice(0, 3);
  return { story: story || 'no samples', details };
}

/**
 * Per process over [from, to]: the increase of each counter (restarts reset counters: a drop is
 * counted as a new start from zero) and the highest consumer lag seen.
 */
export function metricsStory(samples: MetricSample[], from: number, to: number): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const procs = new Set(samples.map((s) => s.proc));
  for (const proc of procs) {
    const mine = samples.filter((s) => s.proc === proc && s.at >= from && s.at <= to);
    if (mine.length === 0) continue;
    const r: Record<string, number> = {};
    for (const name of WATCHED) {
      if (name === 'gochat_kafka_consumer_lag' || name === 'gochat_kafka_committed_lag') {
        const max = Math.max(0, ...mine.map((s) => s.values[name] ?? 0));
        if (max > 0 || name === 'gochat_kafka_consumer_lag') r[`max_${name.replace(/^gochat_kafka_/, '')}`] = max;
        continue;
      }
      let inc = 0;
      for (let i = 1; i < mine.length; i++) {
        const a = mine[i - 1]!.values[name] ?? 0;
        const b = mine[i]!.values[name] ?? 0;
        inc += b >= a ? b - a : b;
      }
      if (inc > 0) r[name.replace(/^gochat_/, '')] = inc;
    }
    out[proc] = r;
  }
  return out;
}

/** Share of one core each process used between two cpu() snapshots (processes restarted meanwhile are left out). */
export function cpuShare(before: Record<string, number>, after: Record<string, number>, ms: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    if (b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || a < b) continue;
    out[name] = Math.round(((a - b) / (ms / 1000)) * 100);
  }
  return out;
}
