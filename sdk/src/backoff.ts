// Reconnect delays: exponential growth capped at maxMs, with full jitter (a uniformly random
// delay between 0 and the cap of the attempt), so clients cut off together do not come back
// together.
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/** The ceiling of attempt n (0-based): initialMs · 2^n, at most maxMs. */
export function backoffCeiling(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2^n overflows to Infinity long after it passed any sane maxMs; Math.min handles both.
  return Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(n, 60));
}

/** The delay before attempt n: uniform in [0, ceiling(n)]. */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  return Math.floor(random() * (backoffCeiling(attempt, opts) + 1));
}
