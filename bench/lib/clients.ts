// Spreading users over load generators and gateways, and connecting them.
import type { LoadGen } from './loadgen-pool.ts';
import type { BenchUser } from './seed.ts';
import { dist, summary, type Dist } from './stats.ts';

export interface Placed extends BenchUser {
  lg: number;
  url: string;
}

export interface ConnectResult {
  ok: number;
  failed: number;
  /** The users whose socket did not open. */
  failedIds: string[];
  errors: string[];
  ms: number;
  perSec: number;
  latency: Dist;
}

/** Connects every placed user from its load generator; `concurrency` is per load generator. */
export async function connectAll(lgs: LoadGen[], users: Placed[], concurrency: number): Promise<ConnectResult> {
  const t0 = performance.now();
  const parts = await Promise.all(lgs.map((lg, i) =>
    lg.call<ConnectResult>('connect', { users: users.filter((u) => u.lg === i).map(({ id, token, url }) => ({ id, token, url })), concurrency })));
  const ms = performance.now() - t0;
  const ok = parts.reduce((s, p) => s + p.ok, 0);
  const failed = parts.reduce((s, p) => s + p.failed, 0);
  if (failed > 0) console.warn(`  ${failed} connections failed: ${parts.flatMap((p) => p.errors).slice(0, 3).join('; ')}`);
  return { ok, failed, failedIds: parts.flatMap((p) => p.failedIds), errors: parts.flatMap((p) => p.errors), ms, perSec: (ok / ms) * 1000, latency: parts.map((p) => p.latency).sort((a, b) => b.p99 - a.p99)[0] ?? dist([]) };
}

export async function closeAll(lgs: LoadGen[]): Promise<void> {
  await Promise.all(lgs.map((lg) => lg.call('closeAll')));
}

export { summary };
