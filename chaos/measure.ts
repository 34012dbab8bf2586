// Recovery figures computed from the ledger. Latency is from a message's FIRST send (what the
// user waits, resends and reconnects included) to its ack; a message never acked counts as
// infinitely late. Windows are by send time.
import type { Ledger, SendRec } from './ledger.ts';

export const WINDOW_MS = 2000;
/** A figure is "back" when three back-to-back windows (6 s) meet it. */
export const WINDOWS_IN_A_ROW = 3;
const STEP_MS = 250;

export interface Scope {
  /** Only senders on this gateway (for a gateway fault). */
  gateway?: number;
}

function inScope(s: SendRec, scope: Scope): boolean {
  return s.refused === undefined && (scope.gateway === undefined || s.gateway === scope.gateway);
}

export function sendsBetween(ledger: Ledger, from: number, to: number, scope: Scope = {}): SendRec[] {
  const out: SendRec[] = [];
  for (const s of ledger.sends.values()) if (s.firstAt >= from && s.firstAt < to && inScope(s, scope)) out.push(s);
  return out;
}

export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latency(s: SendRec): number {
  return s.ackAt === undefined ? Infinity : s.ackAt - s.firstAt;
}

export function p99Between(ledger: Ledger, from: number, to: number, scope: Scope = {}): number | undefined {
  return percentile(sendsBetween(ledger, from, to, scope).map(latency), 99);
}

/**
 * The longest a send first made in [from, to) waited for its ack (Infinity if one never was):
 * what a fault that leaves most traffic flowing (one broker, one Redis primary, one worker of
 * several) costs the unluckiest sender.
 */
export function worstAckWait(ledger: Ledger, from: number, to: number, scope: Scope = {}): number | undefined {
  let worst: number | undefined;
  for (const s of sendsBetween(ledger, from, to, scope)) {
    const l = latency(s);
    if (worst === undefined || l > worst) worst = l;
  }
  return worst;
}

/** The first ack (of a send in scope) received at or after `ref`. */
export function firstAckAfter(ledger: Ledger, ref: number, scope: Scope = {}): number | undefined {
  let first: number | undefined;
  for (const s of ledger.sends.values()) {
    if (s.ackAt !== undefined && s.ackAt >= ref && inScope(s, scope) && (first === undefined || s.ackAt < first)) first = s.ackAt;
  }
  return first;
}

/** The first live delivery of a large-group (Temporal fan-out) message at or after `ref`. */
export function firstLargeDeliveryAfter(ledger: Ledger, ref: number): number | undefined {
  let first: number | undefined;
  for (const [messageId, per] of ledger.deliveries) {
    const rec = ledger.byMessageId.get(messageId);
    if (!rec || ledger.convs.get(rec.conv)?.kind !== 'large') continue;
    for (const d of per.values()) if (d.liveAt !== undefined && d.liveAt >= ref && (first === undefined || d.liveAt < first)) first = d.liveAt;
  }
  return first;
}

/** First T ≥ ref from which `ok(window)` holds for WINDOWS_IN_A_ROW windows in a row, all before `end`. */
function backAfter(ref: number, end: number, ok: (from: number, to: number) => boolean): number | undefined {
  for (let t = ref; t + WINDOW_MS * WINDOWS_IN_A_ROW <= end; t += STEP_MS) {
    let all = true;
    for (let k = 0; k < WINDOWS_IN_A_ROW && all; k++) all = ok(t + k * WINDOW_MS, t + (k + 1) * WINDOW_MS);
    if (all) return t;
  }
  return undefined;
}

const DIRECT = new Set(['1:1', 'group']);
const within = (pool: SendRec[], from: number, to: number) => pool.filter((s) => s.firstAt >= from && s.firstAt < to);

export function p99BackAfter(ledger: Ledger, ref: number, end: number, thresholdMs: number, scope: Scope = {}): number | undefined {
  const pool = sendsBetween(ledger, ref, end, scope);
  return backAfter(ref, end, (from, to) => {
    const l = within(pool, from, to).map(latency);
    const p = percentile(l, 99);
    return l.length >= 5 && p !== undefined && p <= thresholdMs;
  });
}

export interface LiveStats {
  expected: number;
  live: number;
}

/**
 * Live delivery of the messages sent in [from, to): for each acked message, each other member
 * whose one connection was ready from the first send until a second after the ack is expected
 * to get it pushed (`message` frame), not only by sync.
 */
export function liveStats(ledger: Ledger, from: number, to: number, pool?: SendRec[]): LiveStats {
  const r = { expected: 0, live: 0 };
  for (const s of pool ? within(pool, from, to) : sendsBetween(ledger, from, to)) {
    if (s.ackAt === undefined || s.messageId === undefined) continue;
    const per = ledger.deliveries.get(s.messageId);
    for (const u of ledger.recipients(s.conv)) {
      if (u === s.sender || !ledger.connectedThroughout(u, s.firstAt, s.ackAt + 1000)) continue;
      r.expected++;
      if (per?.get(u)?.liveAt !== undefined) r.live++;
    }
  }
  return r;
}

/**
 * When live delivery is whole again (every expected push made) for three windows in a row, on
 * the direct path (1:1 and small groups): the Temporal fan-out path's pushes may lag by seconds
 * even when nothing is wrong, so it is reported per kind instead.
 */
export function liveHealAfter(ledger: Ledger, ref: number, end: number): number | undefined {
  const pool = sendsBetween(ledger, ref, end).filter((s) => DIRECT.has(ledger.convs.get(s.conv)?.kind ?? ''));
  return backAfter(ref, end, (from, to) => {
    const s = liveStats(ledger, from, to, pool);
    return s.expected > 0 && s.live === s.expected;
  });
}

export interface KindStats {
  n: number;
  /** Send → ack, ms. */
  p50: number | null;
  p99: number | null;
  /** Send → each other member has it (live or sync), ms. */
  deliveredP50: number | null;
  deliveredP99: number | null;
  /** Live deliveries made of those expected (see liveStats). */
  live: string;
}

/** Send→ack latency and live delivery per kind of conversation (1:1, group, large, …). */
export function statsByKind(ledger: Ledger, from: number, to: number, scope: Scope = {}): Record<string, KindStats> {
  const groups = new Map<string, SendRec[]>();
  for (const s of sendsBetween(ledger, from, to, scope)) {
    const kind = ledger.convs.get(s.conv)?.kind ?? '?';
    groups.set(kind, [...(groups.get(kind) ?? []), s]);
  }
  const out: Record<string, KindStats> = {};
  for (const [kind, list] of groups) {
    const l = list.map(latency);
    const live = liveStats(ledger, from, to, list);
    const delivered: number[] = [];
    for (const s of list) {
      const per = s.messageId ? ledger.deliveries.get(s.messageId) : undefined;
      for (const u of ledger.recipients(s.conv)) if (u !== s.sender) delivered.push((per?.get(u)?.firstAt ?? Infinity) - s.firstAt);
    }
    out[kind] = {
      n: list.length,
      p50: percentile(l, 50) ?? null,
      p99: percentile(l, 99) ?? null,
      deliveredP50: percentile(delivered, 50) ?? null,
      deliveredP99: percentile(delivered, 99) ?? null,
      live: `${live.live}/${live.expected}`,
    };
  }
  return out;
}
