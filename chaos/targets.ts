// The recovery targets, checked per row. Every fault: nothing lost, duplicated, out of seq or
// missing, no process exiting on its own. Then the fault's own time target.
import type { PhaseResult } from './phase.ts';
import type { SlowResult } from './slow.ts';
import type { Verdict } from './verify.ts';

export interface Target {
  name: string;
  ok: boolean;
  detail: string;
}

export const LIMITS = { logicFirstAckS: 10, gatewayReadyS: 5, serviceBackS: 15, liveHealS: 15, brokerStallS: 5, controllerStallS: 5, redisFailoverS: 15 } as const;

const show = (v: number | null) => (v === null ? 'never' : `${v} s`);
const showMs = (v: number | null) => (v === null ? 'no sends' : Number.isFinite(v) ? `${(v / 1000).toFixed(1)} s` : 'never acked');
/** A target on the longest any send around the fault waited for its ack. */
function stallTarget(r: PhaseResult, limitS: number, marginS: number, what: string): Target {
  const w = r.worstAckWaitMs;
  return { name: `longest ack wait ≤ ${limitS} s (${what})`, ok: w !== null && w <= (limitS + marginS) * 1000, detail: showMs(w) };
}

export function integrityTargets(v: Verdict | undefined, exits: number): Target[] {
  if (!v) return [{ name: 'checked', ok: false, detail: 'no checkpoint' }];
  return [
    { name: '0 lost', ok: v.lost === 0 && v.unacked === 0, detail: `${v.lost} lost, ${v.unacked} never acked` },
    { name: '0 dup', ok: v.dup === 0 && v.seqConflicts === 0, detail: `${v.dup}${v.seqConflicts ? `; ${v.seqConflicts} seqs delivered with two message ids` : ''}` },
    { name: '0 gaps', ok: v.gaps === 0, detail: `${v.gaps}` },
    { name: '0 missing', ok: v.missingPairs === 0 && v.syncFailed.length === 0, detail: `${v.missingPairs} (recipient, message) pairs${v.syncFailed.length ? `; sync failed for ${v.syncFailed.join(', ')}` : ''}` },
    { name: 'no unexpected exit', ok: exits === 0, detail: `${exits}` },
  ];
}

/** `marginS` is added to every time limit (the CI test allows 1 s for timing noise; npm run chaos none). */
export function phaseTargets(r: PhaseResult, marginS = 0): Target[] {
  if (r.skipped) return [{ name: 'ran', ok: false, detail: r.skipped }];
  const t = integrityTargets(r.verdict, r.unexpectedExits.length);
  const ack = r.firstAckAfterS;
  const within = (v: number | null, limit: number) => v !== null && v <= limit + marginS;
  switch (r.fault) {
    case 'steady':
      break;
    case 'logic':
      // Among several workers the others keep acking: what counts is the stall of the partitions
      // the killed one held, until the group has handed them over.
      if (r.profile === 'cluster') t.push(stallTarget(r, LIMITS.logicFirstAckS, marginS, 'one logic worker of three killed'));
      else t.push({ name: `first ack ≤ ${LIMITS.logicFirstAckS} s after restart`, ok: within(ack, LIMITS.logicFirstAckS), detail: show(ack) });
      break;
    case 'kafka-broker':
      t.push(stallTarget(r, LIMITS.brokerStallS, marginS, 'a partition leader election'));
      break;
    case 'kafka-controller':
      t.push(stallTarget(r, LIMITS.controllerStallS, marginS, 'a controller quorum election'));
      break;
    case 'redis-primary':
      t.push(stallTarget(r, LIMITS.redisFailoverS, marginS, 'a replica promoted'));
      t.push({ name: `live delivery whole ≤ ${LIMITS.liveHealS} s after the kill`, ok: within(r.liveHealAfterS, LIMITS.liveHealS), detail: show(r.liveHealAfterS) });
      break;
    case 'gateway':
      t.push({ name: `/readyz 200 ≤ ${LIMITS.gatewayReadyS} s after restart`, ok: within(r.backAfterS, LIMITS.gatewayReadyS), detail: show(r.backAfterS) });
      t.push({ name: `serving (a send through it acked) ≤ ${LIMITS.gatewayReadyS} s after restart`, ok: within(r.probeAckAfterS, LIMITS.gatewayReadyS), detail: show(r.probeAckAfterS) });
      break;
    case 'worker':
      t.push({ name: `large-group delivery ≤ ${LIMITS.serviceBackS} s after restart`, ok: within(r.firstLargeAfterS, LIMITS.serviceBackS), detail: show(r.firstLargeAfterS) });
      break;
    case 'redis-keys':
      t.push({ name: `live delivery whole ≤ ${LIMITS.liveHealS} s after the loss`, ok: within(r.liveHealAfterS, LIMITS.liveHealS), detail: show(r.liveHealAfterS) });
      t.push({ name: 'healed without reconnects', ok: r.reconnects === 0, detail: `${r.reconnects} reconnects` });
      break;
    case 'kafka':
    case 'mariadb':
    case 'temporal':
    case 'redis': {
      t.push({ name: `first ack ≤ ${LIMITS.serviceBackS} s after ${r.fault} is back`, ok: within(ack, LIMITS.serviceBackS), detail: show(ack) });
      if (r.fault === 'temporal') t.push({ name: `large-group delivery ≤ ${LIMITS.serviceBackS} s after temporal is back`, ok: within(r.firstLargeAfterS, LIMITS.serviceBackS), detail: show(r.firstLargeAfterS) });
      if (r.fault === 'redis') t.push({ name: `live delivery whole ≤ ${LIMITS.serviceBackS} s after redis is back`, ok: within(r.liveHealAfterS, LIMITS.serviceBackS), detail: show(r.liveHealAfterS) });
      break;
    }
    case 'slow':
      break;
  }
  return t;
}

export function slowTargets(s: SlowResult, exits: number): Target[] {
  const slowGw = s.rss.find((g) => g.gateway === s.slowGateway);
  const regular = s.regularP99Ms;
  return [
    ...integrityTargets(s.verdict, exits),
    { name: 'the paused sockets read nothing (instrument check)', ok: s.readWhilePaused === 0, detail: `${s.readWhilePaused} messages read while paused` },
    {
      name: 'each slow socket was sent enough to pass the gateway\'s limit (instrument check)',
      ok: s.bytesPerSlowSocket.min >= s.bytesToReachLimit,
      detail: `least ${(s.bytesPerSlowSocket.min / 2 ** 20).toFixed(1)} MiB, needed ${(s.bytesToReachLimit / 2 ** 20).toFixed(1)} MiB (WS_MAX_UNREAD_BYTES, or kernel buffers + WS_MAX_BUFFERED_BYTES if less)`,
    },
    {
      // A socket that never reads cannot read a close frame queued behind its unread data: what the
      // gateway did is its own count of slow closes (4010) and its socket gauge; the codes the
      // clients saw once they read again are reported beside it.
      name: 'every slow socket closed by the gateway with a documented code (4010)',
      ok: (s.serverSlowCloses ?? s.closedWithDocumentedCode) >= s.sockets && s.stillOpen === 0,
      detail: `gateway counted ${s.serverSlowCloses ?? 'no gochat_ws_slow_closes_total'} slow closes, its open sockets fell by ${s.socketsClosedByServer ?? '?'}; clients saw ${JSON.stringify(s.closeCodes)}, still open ${s.stillOpen}`,
    },
    {
      name: `the slow sockets' gateway holds memory flat: its peak RSS ≤ the control burst's peak + ${SLOW_RSS_MARGIN_MIB} MiB`,
      ok: slowGw !== undefined && slowGw.max <= slowGw.controlMax + SLOW_RSS_MARGIN_MIB,
      detail: slowGw ? `${slowGw.controlMax} MiB with every socket reading, ${slowGw.max} MiB with ${s.sockets} not reading (before both: ${slowGw.before} MiB)` : 'no RSS samples',
    },
    {
      name: 'everyone else\'s latency unaffected: others\' p99 during the burst ≤ 1.5 × the control burst\'s + 100 ms',
      ok: regular.burst !== null && regular.control !== null && regular.burst <= 1.5 * regular.control + 100,
      detail: `others' p99 ${fmt(regular.control)} ms with every socket reading, ${fmt(regular.burst)} ms with ${s.sockets} not reading (before: ${fmt(regular.baseline)} ms)`,
    },
  ];
}

/** What 100 slow sockets may add to their gateway's peak memory: well under 100 × the 1 MiB each may queue. */
const SLOW_RSS_MARGIN_MIB = 64;
const fmt = (v: number | null) => (v === null ? '–' : String(Math.round(v)));
