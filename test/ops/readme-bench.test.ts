// README.md's performance tables are exactly what bench/readme.ts renders from the committed
// results (bench/results/{quick,full}.json), so no figure there can be typed by hand; and the
// renderer judges the targets and leaves out what a run did not measure. No benchmark runs here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBenchBlock, spread, TARGETS, type BenchResults } from '../../bench/lib/readme-table.ts';
import { BENCH_KINDS, blockContent, markers, readBenchResults, renderReadme } from '../../bench/readme.ts';
import type { Dist, Summary } from '../../bench/lib/stats.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function between(text: string, start: string, end: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  expect(i, `${start} in README.md`).toBeGreaterThanOrEqual(0);
  expect(j, `${end} after ${start}`).toBeGreaterThan(i);
  return text.slice(i + start.length, j);
}

const s = (...runs: number[]): Summary => {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { median: mid, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs };
};
const dists = (p50: Summary, p99: Summary): Record<keyof Dist, Summary> => ({ n: s(100), p50, p95: p99, p99, max: p99, mean: p50 });
const rate = (r: number, p50: number, p99: number) => ({ rate: r, e2e: dists(s(p50 - 1, p50 + 1), s(p99)), lost: 0, dups: 0, gaps: 0 });

function synthetic(): BenchResults {
  return {
    runId: 'benchtest',
    quick: false,
    commit: 'abc1234',
    durationSec: 600,
    machine: { cores: 8, cpu: 'Test CPU', memGiB: 32, node: 'v24.0.0', loadBefore: [0.5, 0.4, 0.3], loadAfter: [1, 0.9, 0.8] },
    results: {
      floor: { pathP50: 4, pathP99: 10, wsEchoPerSec: s(100_000), kafkaPerSec: s(50_000), mysqlInsertPerSec: s(12_000) },
      messaging: {
        rates: [rate(200, 7, 25), rate(1000, 12, 60)],
        throughput: [
          { kind: '1:1', ackedPerSec: s(5200, 5400), deliveredPerSec: s(5200, 5400), lost: 0, dups: 0, gaps: 0 },
          { kind: 'group of 5', ackedPerSec: s(6000), deliveredPerSec: s(24_000), lost: 1, dups: 0, gaps: 0 },
        ],
      },
      fanout: { groups: [{ members: 500, path: 'logic', lastMs: s(20, 24), missing: 0, dups: 0 }] },
      connections: { connections: 20_000, perConnKiB: 12.5, idleCpuPct: 3, connectPerSec: 1500 },
    },
  };
}

/** The table rows of a block, as arrays of cells, keyed by the scenario cell's start. */
function rows(block: string): string[][] {
  return block.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| scenario')).map((l) => l.slice(2, -2).split(' | '));
}
function row(block: string, scenarioStart: string): string[] {
  const found = rows(block).filter((r) => r[0]!.startsWith(scenarioStart));
  expect(found, `one row starting "${scenarioStart}"`).toHaveLength(1);
  return found[0]!;
}

describe('README.md performance blocks', () => {
  const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
  const results = readBenchResults(ROOT);

  it('has the committed quick results', () => {
    expect(results.quick).toBeDefined();
  });

  it.each(BENCH_KINDS)('%s block equals what bench/readme.ts renders from bench/results', (kind) => {
    const { start, end } = markers(kind);
    expect(between(readme, start, end)).toBe(blockContent(kind, results[kind]));
  });

  it('the whole README is what `node bench/readme.ts` would write', () => {
    expect(renderReadme(readme, results)).toBe(readme);
  });

  it('keeps the performance blocks inside the Performance section', () => {
    const section = between(readme, '## Performance\n', '\n## Recovery');
    for (const kind of BENCH_KINDS) expect(section).toContain(markers(kind).start);
  });
});

describe('renderBenchBlock', () => {
  const block = renderBenchBlock(synthetic());

  it('states the run, the machine and the load at start and end', () => {
    const line = block.split('\n')[0]!;
    for (const part of ['`benchtest`', 'abc1234', 'full', '600 s (10.0 min)', '8 cores (Test CPU)', '32 GiB', 'Node v24.0.0', '0.50 / 0.40 / 0.30 at the start', '1.00 / 0.90 / 0.80 at the end']) {
      expect(line).toContain(part);
    }
  });

  it('states the host probe when the run has one', () => {
    const probe = { hotRttUs: 54.2, idleRttUs: 290, idleWakeCpuUs: 108.4, hotCpuUs: 42, idleMs: 10 };
    const b = synthetic();
    const line = renderBenchBlock({ ...b, machine: { ...b.machine, probe } }).split('\n')[0]!;
    expect(line).toContain('round trip 54 µs back to back, 290 µs after 10 ms idle');
    expect(line).toContain('108 µs after idle');
    expect(block.split('\n')[0]).not.toContain('host probe');
  });

  it('gives CPU per message beside the peer, and no row for a run that measured none', () => {
    const b = synthetic();
    const m = b.results.messaging!;
    b.results.messaging = { ...m, rates: [{ ...m.rates[0]!, cpu: { gateways: 2, logic: 1.25, bench: 0.001, other: 0.1, total: 3.351 } }, m.rates[1]!] };
    b.results.peer = { rates: [{ ...rate(200, 1, 4), cpu: { Centrifugo: 0.7, other: 0.2, total: 0.9 } }], throughput: [] };
    const cpu = renderBenchBlock(b);
    const r = row(cpu, 'CPU per message, all processes, 1:1 at 200 msg/s');
    expect(r[1]).toBe('total 3.4 ms: gateways 2.0, logic 1.3, other 0.10');
    expect(r[3]).toBe('total 0.90 ms: Centrifugo 0.70, other 0.20');
    expect(rows(cpu).filter((x) => x[0]!.startsWith('CPU per message'))).toHaveLength(1);
    expect(block).not.toContain('CPU per message');
  });

  it('has the table heading', () => {
    expect(block).toContain('| scenario | GoChat | floor (same run) | Centrifugo (same run) | target | met? |');
  });

  it('judges the 1:1 latency targets', () => {
    const at200 = row(block, '1:1 send → recipient, 200 msg/s');
    expect(at200[1]).toBe('7.0 ms (6.0–8.0) / 25 ms');
    expect(at200[2]).toBe('4.0 / 10 ms');
    expect(at200[4]).toBe('p50 ≤ 8.0 ms (2× floor), p99 ≤ 30 ms (3× floor)');
    expect(at200[5]).toBe('yes');
    const at1000 = row(block, '1:1 send → recipient, 1,000 msg/s');
    expect(at1000[4]).toBe(`p50 ≤ ${TARGETS.latency1000.p50Ms} ms, p99 ≤ ${TARGETS.latency1000.p99Ms} ms`);
    expect(at1000[5]).toBe('no');
  });

  it('judges throughput with thousands separators and counts loss against the target', () => {
    const one = row(block, 'max sustained throughput, 1:1');
    expect(one[1]).toBe('5,300 msg/s (5,200–5,400); 0 / 0 / 0');
    expect(one[2]).toBe('narrowest bare hop: MySQL insert 12,000 msg/s');
    expect(one[5]).toBe('yes');
    const groups = row(block, 'max sustained throughput, groups of 5');
    expect(groups[1]).toBe('6,000 msg/s = 24,000 deliveries/s; 1 / 0 / 0');
    expect(groups[5]).toBe('no');
  });

  it('judges fan-out and says n/a for a group size the run did not have', () => {
    expect(row(block, 'fan-out, 500-member')[5]).toBe('yes');
    const big = row(block, 'fan-out, 50,000-member');
    expect(big[1]).toBe('not in this run');
    expect(big[5]).toBe('n/a');
  });

  it('judges idle memory only at the target socket count', () => {
    const enough = row(block, '20,000 idle connections');
    expect(enough[1]).toContain('12.5 KiB');
    expect(enough[5]).toBe('yes');
    const few = synthetic();
    few.results.connections = { connections: 1000, perConnKiB: 90, idleCpuPct: 7, connectPerSec: 400 };
    const quickRow = row(renderBenchBlock(few), '1,000 idle connections');
    expect(quickRow[0]).toContain(`the target is for ${TARGETS.idle.sockets.toLocaleString('en-US')}`);
    expect(quickRow[5]).toBe('n/a');
  });

  it('gives no row for a missing section', () => {
    const scenarios = rows(block).map((r) => r[0]!);
    expect(scenarios.some((x) => x.startsWith('per hop'))).toBe(false);
    expect(scenarios.some((x) => x.includes('GET /conversations'))).toBe(false);
    expect(scenarios.some((x) => x.includes('÷ Centrifugo'))).toBe(false);
    expect(scenarios.some((x) => x.startsWith('reconnect storm'))).toBe(false);
    for (const r of rows(block)) expect(r[3]).toBe('—');

    const bare = synthetic();
    delete bare.results.messaging;
    delete bare.results.fanout;
    const left = rows(renderBenchBlock(bare)).map((r) => r[0]!);
    expect(left.some((x) => x.startsWith('1:1') || x.startsWith('max sustained') || x.startsWith('fan-out'))).toBe(false);
    expect(left).toHaveLength(1);
  });

  it('compares with the peer and renders the hops when they are there', () => {
    const b = synthetic();
    b.results.peer = { rates: [rate(200, 2, 8), rate(1000, 3, 10)], throughput: [{ kind: '1:1', ackedPerSec: s(7000), deliveredPerSec: s(7000), lost: 0, dups: 0, gaps: 0 }] };
    b.results.hops = [{ rate: 200, traces: 1234, hops: [{ hop: 'logic: db store', ms: { n: 1234, p50: 1.234, p95: 5, p99: 12.5, max: 20, mean: 2 } }] }];
    const out = renderBenchBlock(b);
    const ratio = row(out, "GoChat's 1:1 p99 above its floor ÷ Centrifugo's p99");
    expect(ratio[1]).toBe('5.0 (p99 60 ms)');
    expect(ratio[5]).toBe('yes');
    expect(row(out, 'max sustained throughput, 1:1')[3]).toBe('7,000 msg/s; 0 / 0 / 0');
    expect(row(out, 'per hop, 200 msg/s (1,234 traced): logic: db store')[1]).toBe('1.2 / 13 ms');

    b.results.peer = { error: 'not built' };
    expect(rows(renderBenchBlock(b)).some((r) => r[0]!.includes('÷ Centrifugo'))).toBe(false);
  });

  it('formats a median with its spread, the spread only when repeats differ', () => {
    expect(spread(s(33.1, 59.2, 85.3), 'ms')).toBe('59 ms (33–85)');
    expect(spread(s(4), 'ms')).toBe('4.0 ms');
    expect(spread(s(1575, 1575), 'msg/s', 0)).toBe('1,575 msg/s');
  });
});

describe('renderReadme', () => {
  it('replaces only what is between the markers and refuses a README without them', () => {
    const text = ['before', markers('quick').start, 'hand-typed 1 ms', markers('quick').end, 'middle', markers('full').start, markers('full').end, 'after'].join('\n');
    const out = renderReadme(text, { quick: synthetic() });
    expect(out).not.toContain('hand-typed');
    expect(out.startsWith('before\n')).toBe(true);
    expect(out.endsWith('\nafter')).toBe(true);
    expect(out).toContain('No full run in `bench/results/` yet.');
    expect(renderReadme(out, { quick: synthetic() })).toBe(out);
    expect(() => renderReadme('no markers', {})).toThrow(/bench:quick:start/);
  });
});
