// Progress lines of a chaos run, stamped with seconds since the run started.
const t0 = Date.now();

export function log(msg: string): void {
  process.stdout.write(`[chaos ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds between two ms timestamps, one decimal; null when either is missing. */
export function secs(from: number | undefined, to: number | undefined): number | null {
  return from === undefined || to === undefined ? null : Math.round((to - from) / 100) / 10;
}
