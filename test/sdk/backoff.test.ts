// Reconnect delays: growing, bounded, and jittered over the whole range (full jitter).
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from '../../sdk/src/index.ts';

const opts = { initialMs: 100, maxMs: 5000 };

describe('backoff', () => {
  it('doubles the ceiling per attempt up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50, 5000].map((n) => backoffCeiling(n, opts))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });

  it('draws each delay uniformly between 0 and the ceiling', () => {
    expect(backoffDelay(3, opts, () => 0)).toBe(0);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(400);
    expect(backoffDelay(3, opts, () => 0.999_999)).toBe(800);
    expect(backoffDelay(40, opts, () => 0.999_999)).toBe(5000);
  });

  it('spreads real draws over the range and never past the bound', () => {
    for (const attempt of [0, 2, 4, 8]) {
      const draws = Array.from({ length: 2000 }, () => backoffDelay(attempt, opts));
      const ceiling = backoffCeiling(attempt, opts);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThanOrEqual(ceiling);
      // Jittered: many distinct values, spread over the lower and the upper half.
      expect(new Set(draws).size).toBeGreaterThan(Math.min(ceiling, 500) / 2);
      expect(draws.filter((d) => d < ceiling / 2).length).toBeGreaterThan(800);
      expect(draws.filter((d) => d > ceiling / 2).length).toBeGreaterThan(800);
    }
  });

  it('grows on average from attempt to attempt until the bound', () => {
    const mean = (attempt: number) => Array.from({ length: 4000 }, () => backoffDelay(attempt, opts)).reduce((a, b) => a + b, 0) / 4000;
    const means = [0, 1, 2, 3, 4, 5].map(mean);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]! * 1.5);
    expect(mean(20)).toBeLessThan(opts.maxMs / 2 * 1.1);
  });
});
