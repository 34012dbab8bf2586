// `node bench/readme.ts [--check]`: fills README.md's performance blocks from the committed
// benchmark results (bench/results/{quick,full}.json), between `<!-- bench:<kind>:start -->` and
// `<!-- bench:<kind>:end -->`. `--check` writes nothing and exits 1 when the README differs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBenchBlock, type BenchResults } from './lib/readme-table.ts';

export const BENCH_KINDS = ['quick', 'full'] as const;
export type BenchKind = (typeof BENCH_KINDS)[number];

export const markers = (kind: BenchKind): { start: string; end: string } => ({
  start: `<!-- bench:${kind}:start -->`,
  end: `<!-- bench:${kind}:end -->`,
});

/** The results files that exist under `root`, by kind. */
export function readBenchResults(root: string): Partial<Record<BenchKind, BenchResults>> {
  const out: Partial<Record<BenchKind, BenchResults>> = {};
  for (const kind of BENCH_KINDS) {
    const file = path.join(root, 'bench/results', `${kind}.json`);
    if (existsSync(file)) out[kind] = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  }
  return out;
}

/** What goes between one kind's markers. */
export function blockContent(kind: BenchKind, results: BenchResults | undefined): string {
  const body = results ? renderBenchBlock(results) : `No ${kind} run in \`bench/results/\` yet.`;
  return `\n${body}\n`;
}

/** The README with every block replaced; a missing or misplaced marker is an error. */
export function renderReadme(readme: string, results: Partial<Record<BenchKind, BenchResults>>): string {
  let out = readme;
  for (const kind of BENCH_KINDS) {
    const { start, end } = markers(kind);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i || out.indexOf(start, i + 1) >= 0) throw new Error(`README.md needs exactly one ${start} … ${end} block`);
    out = out.slice(0, i + start.length) + blockContent(kind, results[kind]) + out.slice(j);
  }
  return out;
}

/** Rewrites `root`/README.md (or, with `check`, only compares); true when it was out of date. */
export function writeReadme(root: string, check = false): boolean {
  const file = path.join(root, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = renderReadme(before, readBenchResults(root));
  if (after === before) return false;
  if (!check) writeFileSync(file, after);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const check = process.argv.includes('--check');
  const stale = writeReadme(root, check);
  if (check && stale) {
    console.error('README.md: the performance blocks differ from bench/results; run `node bench/readme.ts`');
    process.exit(1);
  }
  console.log(stale ? 'README.md: performance blocks updated' : 'README.md: performance blocks up to date');
}
