// The README's performance block for one benchmark results file (bench/results/{quick,full}.json):
// a line naming the run and the machine, then GoChat beside the floor and Centrifugo of the same
// run and the latency targets. Pure: the same results give the same Markdown.
import type { Dist, Summary } from './stats.ts';
import { describeProbe, type HostProbe } from './host-probe.ts';
import { describeCpu, type CpuPerMessage } from './cpu-text.ts';

/** The latency issue's targets; `met?` in the table is judged against these. */
export const TARGETS = {
  /** 1:1 send → recipient at 1,000 msg/s offered. */
  latency1000: { rate: 1000, p50Ms: 15, p99Ms: 50 },
  /** 1:1 send → recipient at 200 msg/s offered, against the path floor of the same run. */
  latency200: { rate: 200, p50xFloor: 2, p99xFloor: 3 },
  /** Persisted messages/s acked in the closed loop, with nothing lost, duplicated or out of order. */
  throughput: { perSec: 5000, kinds: ['1:1', 'group of 5'] },
  /** Send → last member of a group whose members are all online. */
  fanout: [{ members: 500, ms: 30 }, { members: 50_000, ms: 1000 }],
  /** Gateway RSS per idle authenticated socket, at this many sockets on one gateway. */
  idle: { kibPerConn: 16, sockets: 19_000 },
  /** (GoChat p99 − floor p99) ÷ Centrifugo p99, 1:1 at this rate. */
  peerRatio: { rate: 1000, max: 10 },
} as const;

type Counts = { lost: number; dups: number; gaps: number };
type LatencyRate = Counts & { rate: number; e2e: Record<keyof Dist, Summary>; cpu?: CpuPerMessage };
type Throughput = Counts & { kind: string; ackedPerSec: Summary; deliveredPerSec: Summary; cpu?: CpuPerMessage };

/** What the renderer reads of a results file; every section may be absent. */
export interface BenchResults {
  runId: string;
  quick: boolean;
  commit: string;
  durationSec: number;
  machine: { cores: number; cpu: string; memGiB: number; node: string; loadBefore: number[]; loadAfter?: number[]; probe?: HostProbe };
  results: {
    floor?: { pathP50: number; pathP99: number; wsEchoPerSec: Summary; kafkaPerSec: Summary; mysqlInsertPerSec: Summary };
    messaging?: { rates: LatencyRate[]; throughput: Throughput[] };
    peer?: { rates: LatencyRate[]; throughput: Throughput[] } | { error: string };
    fanout?: { groups: { members: number; path: string; lastMs: Summary; missing: number; dups: number; floor?: { lastMs: Summary } }[] };
    connections?: {
      connections: number; perConnKiB: number; idleCpuPct: number; connectPerSec: number;
      storm?: { clients: number; synced: number; windowMs: number; allSyncedMs: number; connectP50: number; connectP99: number };
    };
    conversationList?: { conversations: number; lists: { limit: number; cold: Record<keyof Dist, Summary>; warm: Record<keyof Dist, Summary> }[]; healthz: Record<keyof Dist, Summary> };
    hops?: { rate: number; traces: number; hops: { hop: string; ms: Dist }[] }[];
  };
}

type Met = 'yes' | 'no' | 'n/a' | '—';
interface TableRow { scenario: string; gochat: string; floor: string; peer: string; target: string; met: Met }

const NONE = '—';

/** Digits shown for a millisecond-scale figure: 59, 9.1, 0.08. */
function digits(v: number): number {
  const a = Math.abs(v);
  return a >= 10 ? 0 : a >= 1 ? 1 : 2;
}

/** A number with thousands separators, the same on every machine. */
export function num(v: number, d = digits(v)): string {
  if (!Number.isFinite(v)) return 'n/a';
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Median with its unit and the spread over repeats beside it: `59 ms (33–85)`. */
export function spread(s: Summary, unit: string, d = digits(s.median)): string {
  const m = `${num(s.median, d)} ${unit}`;
  if (!Number.isFinite(s.median) || s.runs.length <= 1) return m;
  const lo = num(s.min, d);
  const hi = num(s.max, d);
  return lo === hi ? m : `${m} (${lo}–${hi})`;
}

const ms = (s: Summary): string => spread(s, 'ms');
const perSec = (s: Summary): string => spread(s, 'msg/s', 0);
const counts = (c: Counts): string => `${num(c.lost, 0)} / ${num(c.dups, 0)} / ${num(c.gaps, 0)}`;
const met = (ok: boolean | undefined): Met => (ok === undefined ? 'n/a' : ok ? 'yes' : 'no');
const cell = (s: string): string => s.replace(/\|/g, '\\|');

function peerOf(r: BenchResults['results']): { rates: LatencyRate[]; throughput: Throughput[] } | undefined {
  const p = r.peer;
  return p && !('error' in p) ? p : undefined;
}

function latencyRows(r: BenchResults['results']): TableRow[] {
  const m = r.messaging;
  if (!m) return [];
  const floor = r.floor;
  const peer = peerOf(r);
  const t1 = TARGETS.latency1000;
  const t2 = TARGETS.latency200;
  const rates = [...new Set([...m.rates.map((x) => x.rate), t2.rate, t1.rate])].sort((a, b) => a - b);
  return rates.map((rate): TableRow => {
    const g = m.rates.find((x) => x.rate === rate);
    const p = peer?.rates.find((x) => x.rate === rate);
    let target: string = NONE;
    let ok: Met = '—';
    if (rate === t1.rate) {
      target = `p50 ≤ ${t1.p50Ms} ms, p99 ≤ ${t1.p99Ms} ms`;
      ok = met(g && g.e2e.p50.median <= t1.p50Ms && g.e2e.p99.median <= t1.p99Ms);
    } else if (rate === t2.rate) {
      const p50Max = floor ? t2.p50xFloor * floor.pathP50 : NaN;
      const p99Max = floor ? t2.p99xFloor * floor.pathP99 : NaN;
      target = floor
        ? `p50 ≤ ${num(p50Max)} ms (${t2.p50xFloor}× floor), p99 ≤ ${num(p99Max)} ms (${t2.p99xFloor}× floor)`
        : `p50 ≤ ${t2.p50xFloor}× floor p50, p99 ≤ ${t2.p99xFloor}× floor p99`;
      ok = met(g && floor ? g.e2e.p50.median <= p50Max && g.e2e.p99.median <= p99Max : undefined);
    }
    const lossy = g && g.lost + g.dups + g.gaps > 0 ? `; lost / dup / gaps ${counts(g)}` : '';
    return {
      scenario: `1:1 send → recipient, ${num(rate, 0)} msg/s offered, p50 / p99`,
      gochat: g ? `${ms(g.e2e.p50)} / ${ms(g.e2e.p99)}${lossy}` : 'not in this run',
      floor: floor ? `${num(floor.pathP50)} / ${num(floor.pathP99)} ms` : NONE,
      peer: p ? `${ms(p.e2e.p50)} / ${ms(p.e2e.p99)}` : NONE,
      target,
      met: ok,
    };
  });
}

function peerRatioRow(r: BenchResults['results']): TableRow[] {
  const peer = peerOf(r);
  if (!r.messaging || !peer) return [];
  const t = TARGETS.peerRatio;
  const g = r.messaging.rates.find((x) => x.rate === t.rate);
  const p = peer.rates.find((x) => x.rate === t.rate);
  const floorP99 = r.floor?.pathP99;
  const value = g && p && floorP99 !== undefined ? (g.e2e.p99.median - floorP99) / p.e2e.p99.median : undefined;
  return [{
    scenario: `GoChat's 1:1 p99 above its floor ÷ Centrifugo's p99, ${num(t.rate, 0)} msg/s`,
    gochat: g && value !== undefined ? `${num(value, 1)} (p99 ${num(g.e2e.p99.median)} ms)` : 'not in this run',
    floor: floorP99 === undefined ? NONE : `p99 ${num(floorP99)} ms`,
    peer: p ? `p99 ${num(p.e2e.p99.median)} ms` : NONE,
    target: `≤ ${t.max}`,
    met: met(value === undefined || !Number.isFinite(value) ? undefined : value <= t.max),
  }];
}

function throughputRows(r: BenchResults['results']): TableRow[] {
  const m = r.messaging;
  if (!m) return [];
  const t = TARGETS.throughput;
  const f = r.floor;
  const hops = f ? [['ws echo', f.wsEchoPerSec.median], ['Kafka', f.kafkaPerSec.median], ['MySQL insert', f.mysqlInsertPerSec.median]] as const : [];
  const narrowest = [...hops].sort((a, b) => a[1] - b[1])[0];
  const kinds = [...new Set([...m.throughput.map((x) => x.kind), ...t.kinds])];
  return kinds.map((kind): TableRow => {
    const g = m.throughput.find((x) => x.kind === kind);
    const p = peerOf(r)?.throughput.find((x) => x.kind === kind);
    const targeted = (t.kinds as readonly string[]).includes(kind);
    const deliveries = g && g.deliveredPerSec.median !== g.ackedPerSec.median ? ` = ${spread(g.deliveredPerSec, 'deliveries/s', 0)}` : '';
    return {
      scenario: `max sustained throughput, ${kind === 'group of 5' ? 'groups of 5' : kind} (lost / dup / gaps)`,
      gochat: g ? `${perSec(g.ackedPerSec)}${deliveries}; ${counts(g)}` : 'not in this run',
      floor: narrowest ? `narrowest bare hop: ${narrowest[0]} ${num(narrowest[1], 0)} msg/s` : NONE,
      peer: p ? `${perSec(p.ackedPerSec)}; ${counts(p)}` : NONE,
      target: targeted ? `≥ ${num(t.perSec, 0)} msg/s, 0 / 0 / 0` : NONE,
      met: targeted ? met(g && g.ackedPerSec.median >= t.perSec && g.lost + g.dups + g.gaps === 0) : '—',
    };
  });
}

function fanoutRows(r: BenchResults['results']): TableRow[] {
  const f = r.fanout;
  if (!f) return [];
  const sizes = [...new Set([...f.groups.map((x) => x.members), 500, 5000, 50_000])].sort((a, b) => a - b);
  return sizes.map((members): TableRow => {
    const g = f.groups.find((x) => x.members === members);
    const t = TARGETS.fanout.find((x) => x.members === members);
    const incomplete = g && g.missing + g.dups > 0 ? `; missing / dup over the repeats ${num(g.missing, 0)} / ${num(g.dups, 0)}` : '';
    return {
      scenario: `fan-out, ${num(members, 0)}-member group${g ? ` (${g.path} path)` : ''}, send → last member`,
      gochat: g ? `${ms(g.lastMs)}${incomplete}` : 'not in this run',
      floor: g?.floor ? `bare ws servers pushing one frame to the same members: ${ms(g.floor.lastMs)}` : r.floor ? `one message's path p50 ${num(r.floor.pathP50)} ms` : NONE,
      peer: NONE,
      target: t ? `≤ ${num(t.ms, 0)} ms` : NONE,
      met: t ? met(g && g.lastMs.median <= t.ms && g.missing === 0 && g.dups === 0) : '—',
    };
  });
}

function connectionRows(r: BenchResults['results']): TableRow[] {
  const c = r.connections;
  if (!c) return [];
  const t = TARGETS.idle;
  const enough = c.connections >= t.sockets;
  const storm = c.storm;
  const stormRows: TableRow[] = storm ? [{
    scenario: `reconnect storm: ${num(storm.clients, 0)} clients within ${num(storm.windowMs / 1000, 0)} s, synced / clients, last synced at`,
    gochat: `${num(storm.synced, 0)} / ${num(storm.clients, 0)}, ${num(storm.allSyncedMs, 0)} ms; reconnect p50 / p99 ${num(storm.connectP50)} / ${num(storm.connectP99)} ms`,
    floor: NONE,
    peer: NONE,
    target: NONE,
    met: '—',
  }] : [];
  return [{
    scenario: `${num(c.connections, 0)} idle connections on one gateway${enough ? '' : ` (the target is for ${num(t.sockets, 0)})`}`,
    gochat: `${num(c.perConnKiB, 1)} KiB RSS each, ${num(c.idleCpuPct, 1)} % of a core at idle, ${num(c.connectPerSec, 0)} connects/s`,
    floor: NONE,
    peer: NONE,
    target: `≤ ${t.kibPerConn} KiB each at ${num(t.sockets, 0)} sockets`,
    met: met(enough ? c.perConnKiB <= t.kibPerConn : undefined),
  }, ...stormRows];
}

function listRows(r: BenchResults['results']): TableRow[] {
  const l = r.conversationList;
  if (!l) return [];
  return l.lists.map((x): TableRow => ({
    scenario: `\`GET /conversations?limit=${x.limit}\`, ${num(l.conversations, 0)} conversations, cold / warm p50`,
    gochat: `${ms(x.cold.p50)} / ${ms(x.warm.p50)}`,
    floor: `\`/healthz\` ${ms(l.healthz.p50)}`,
    peer: NONE,
    target: NONE,
    met: '—',
  }));
}

/** CPU per message at each rate and at saturation, GoChat's beside the peer's (runs before it measured none). */
function cpuRows(r: BenchResults['results']): TableRow[] {
  const peer = r.peer && 'rates' in r.peer ? r.peer : undefined;
  const row = (scenario: string, g?: CpuPerMessage, p?: CpuPerMessage): TableRow[] => (g ? [{
    scenario, gochat: describeCpu(g), floor: NONE, peer: p ? describeCpu(p) : NONE, target: NONE, met: '—',
  }] : []);
  return [
    ...(r.messaging?.rates ?? []).flatMap((x) => row(`CPU per message, all processes, 1:1 at ${num(x.rate, 0)} msg/s`, x.cpu, peer?.rates.find((y) => y.rate === x.rate)?.cpu)),
    ...(r.messaging?.throughput ?? []).flatMap((x) => row(`CPU per message, all processes, max throughput ${x.kind === 'group of 5' ? 'groups of 5' : x.kind}`, x.cpu, peer?.throughput.find((y) => y.kind === x.kind)?.cpu)),
  ];
}

function hopRows(r: BenchResults['results']): TableRow[] {
  return (r.hops ?? []).flatMap((h) => h.hops.map((x): TableRow => ({
    scenario: `per hop, ${num(h.rate, 0)} msg/s (${num(h.traces, 0)} traced): ${x.hop}, p50 / p99`,
    gochat: `${num(x.ms.p50)} / ${num(x.ms.p99)} ms`,
    floor: NONE,
    peer: NONE,
    target: NONE,
    met: '—',
  })));
}

function duration(sec: number): string {
  return sec < 120 ? `${num(sec, 0)} s` : `${num(sec, 0)} s (${num(sec / 60, 1)} min)`;
}

const load = (l: number[] | undefined): string => (l && l.length ? l.map((x) => num(x, 2)).join(' / ') : 'n/a');

/** The Markdown block (a run line, a blank line, the table) for one results file. */
export function renderBenchBlock(b: BenchResults): string {
  const m = b.machine;
  const line = `Run \`${b.runId}\`, commit ${b.commit}, ${b.quick ? 'quick (`npm run bench -- --quick`)' : 'full (`npm run bench`)'}, ${duration(b.durationSec)}; `
    + `${m.cores} cores (${m.cpu}), ${num(m.memGiB, 0)} GiB, Node ${m.node}; `
    + `load average (1 / 5 / 15 min) ${load(m.loadBefore)} at the start, ${load(m.loadAfter)} at the end`
    + (m.probe ? `; ${describeProbe(m.probe)}.` : '.');
  const rows = [
    ...latencyRows(b.results),
    ...peerRatioRow(b.results),
    ...throughputRows(b.results),
    ...fanoutRows(b.results),
    ...connectionRows(b.results),
    ...listRows(b.results),
    ...cpuRows(b.results),
    ...hopRows(b.results),
  ];
  const table = [
    '| scenario | GoChat | floor (same run) | Centrifugo (same run) | target | met? |',
    '|---|---|---|---|---|---|',
    ...rows.map((x) => `| ${[x.scenario, x.gochat, x.floor, x.peer, x.target, x.met].map(cell).join(' | ')} |`),
  ];
  return [line, '', ...table].join('\n');
}
