// Percentiles of one sample and the median/min/max summary across repeats.

export interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function dist(values: number[]): Dist {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  const sum = arr.reduce((a, b) => a + b, 0);
  return {
    n: arr.length,
    p50: percentile(arr, 50),
    p95: percentile(arr, 95),
    p99: percentile(arr, 99),
    max: arr.length ? arr[arr.length - 1]! : NaN,
    mean: arr.length ? sum / arr.length : NaN,
  };
}

/** One figure over the repeats of a scenario: the median, with the spread beside it. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summary(runs: number[]): Summary {
  const ok = runs.filter((v) => Number.isFinite(v));
  const s = [...ok].sort((a, b) => a - b);
  const mid = s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: mid, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs };
}

/** Summaries of each field of a Dist over repeats. */
export function summarizeDists(ds: Dist[]): Record<keyof Dist, Summary> {
  const keys: (keyof Dist)[] = ['n', 'p50', 'p95', 'p99', 'max', 'mean'];
  return Object.fromEntries(keys.map((k) => [k, summary(ds.map((d) => d[k]))])) as Record<keyof Dist, Summary>;
}

export function round(v: number, digits = 2): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function fmt(s: Summary | undefined, digits = 1): string {
  if (!s || !Number.isFinite(s.median)) return 'n/a';
  if (s.runs.length <= 1 || s.min === s.max) return round(s.median, digits).toString();
  return `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)})`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
