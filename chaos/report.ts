// chaos/results/latest.json (everything) and latest.md (the table, the targets, the evidence).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KindStats } from './measure.ts';
import type { PhaseResult } from './phase.ts';
import type { RunResult } from './scenario.ts';
import { root } from './stack.ts';
import { phaseTargets, slowTargets, type Target } from './targets.ts';
import { PROFILE_PROCS } from './options.ts';

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));
const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : Number.isFinite(v) ? `${Math.round(v)}` : '∞');
/** A no-fault p99 above this means the machine, not a fault, sets the latencies. */
const OVERLOAD_P99_MS = 1000;
const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const pass = (t: Target[]) => t.every((x) => x.ok);
const failing = (t: Target[]) => t.filter((x) => !x.ok).map((x) => `${x.name} (${x.detail})`);

function exitsOf(r: RunResult, from: number, to: number) {
  return r.unexpectedExits.filter((e) => e.at >= from && e.at <= to);
}

export function rowTargets(p: PhaseResult): Target[] {
  return phaseTargets(p);
}

/** Every row's targets met (skipped rows count as missed). */
export function allTargetsMet(r: RunResult): boolean {
  return !r.slowError && r.phases.every((p) => pass(rowTargets(p))) && (!r.slow || pass(slowTargets(r.slow, exitsOf(r, r.slow.at.start, r.slow.at.end).length)));
}

function phaseRow(p: PhaseResult): string {
  const v = p.verdict;
  const t = rowTargets(p);
  const extra = p.fault === 'gateway'
    ? `ready ${cell(p.backAfterS)} s, probe acked ${cell(p.probeAckAfterS)} s`
    : p.fault === 'worker' || p.fault === 'temporal'
      ? `large-group delivery ${cell(p.firstLargeAfterS)} s`
      : p.fault === 'redis' || p.fault === 'redis-keys'
        ? `live whole ${cell(p.liveHealAfterS)} s, ${p.reconnects} reconnects`
        : p.fault === 'logic' ? `ready ${cell(p.backAfterS)} s` : '';
  const stall = p.fault !== 'steady' && !p.skipped ? `longest ack wait ${p.worstAckWaitMs === null ? '–' : Number.isFinite(p.worstAckWaitMs) ? `${(p.worstAckWaitMs / 1000).toFixed(1)} s` : '∞'}` : '';
  const detail = [stall, p.fault === 'redis-primary' ? `live whole ${cell(p.liveHealAfterS)} s` : extra].filter(Boolean).join('; ');
  const exits = p.unexpectedExits.map((e) => `${e.proc} (code ${e.code}${e.signal ? `, ${e.signal}` : ''})`).join(', ') || '0';
  const status = p.skipped ? `SKIPPED: ${p.skipped}` : pass(t) ? 'PASS' : `FAIL: ${failing(t).join('; ')}`;
  return `| ${p.fault} | ${p.try} | ${cell(p.firstAckAfterS)} | ${cell(p.p99BackAfterS)} (${ms(p.baselineP99Ms)}→${ms(p.worstP99Ms)} ms) | ${detail} | ` +
    `${v ? `${v.lost}${v.unacked ? ` (+${v.unacked} unacked)` : ''}` : '–'} | ${v ? v.dup : '–'} | ${v ? v.gaps : '–'} | ${v ? v.missingPairs : '–'} | ${exits} | ${p.readiness.story || '–'} | ${status} |`;
}

export function markdown(r: RunResult): string {
  const o = r.options;
  const L: string[] = [];
  L.push(`# GoChat chaos run${o.quick ? ' (quick)' : ''}`, '');
  L.push(`Run \`${r.runId}\` at ${r.startedAt}, commit ${r.commit}, \`${r.command}\`, ${r.durationS} s (setup ${r.setupS} s${r.stack.upS !== undefined ? `, of which the stack ${r.stack.upS} s` : ''}).`);
  L.push(`Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memGiB} GiB, Node ${r.machine.node}; load average before ${r.machine.loadBefore.join(' ')}, after ${r.machine.loadAfter.join(' ')}; \`uptime\`: ${r.machine.uptime}.`);
  L.push(r.stack.mode === 'own'
    ? `Stack: the run's own in \`${path.relative(root, r.stack.dir ?? '')}\`, ports ${Object.entries(r.stack.ports ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}${r.stack.reused?.length ? `; reused the shared stack's installed ${r.stack.reused.join(', ')}` : ''}.`
    : 'Stack: the shared one (no infrastructure faults); the run\'s own topics, task queue and Redis key prefix.');
  const procs = PROFILE_PROCS[o.profile];
  L.push(o.profile === 'cluster'
    ? `Profile: clustered — a Redis Cluster of 3 primaries + 3 replicas (REDIS_CLUSTER_NODES), 3 Kafka brokers (replication factor 3, min.insync.replicas 2, acks=all) with a separate quorum of 3 KRaft controllers, one MariaDB and one Temporal; ${procs.gateways} gateways, ${procs.logic} logic workers, ${procs.workers} Temporal workers. A killed broker, controller or Redis primary stays down ${o.clusterDownMs / 1000} s, then rejoins.`
    : `Profile: single — one of each service; ${procs.gateways} gateways, one logic worker, one Temporal worker.`);
  L.push(`Traffic: ${o.users} users on ${procs.gateways} gateways, ${o.rate} msg/s (1:1 50 %, groups of 5 40 %, a ${o.users}-member group over FANOUT_THRESHOLD=${o.fanoutThreshold} 10 %); resend after ${o.resendMs / 1000} s; windows: baseline ${o.baselineMs / 1000} s, down ${o.downMs / 1000} s, settle ${o.settleMs / 1000} s.`);
  if (r.aborted) L.push('', `**Run aborted: ${r.aborted}.** The rows below are what was measured before.`);
  const control = r.phases.find((p) => p.fault === 'steady' && !p.skipped);
  if (control?.baselineP99Ms != null && control.baselineP99Ms > OVERLOAD_P99_MS) {
    L.push('', `**The pipeline was saturated before any fault:** the no-fault control's p99 send→ack was ${ms(control.baselineP99Ms)} ms at ${o.rate} msg/s (load average ${control.load1} on ${r.machine.nproc} cores). Every figure below includes that; compare runs on a quieter machine or with a lower \`--rate\`.`);
  }
  L.push('', '| fault | try | first ack after (s) | p99 back after (s) (baseline→worst p99, ms) | recovery detail | lost | dup | gaps | missing recipients | unexpected exits | logic /readyz seen | targets |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of r.phases) L.push(phaseRow(p));
  const s = r.slow;
  if (s) {
    const t = slowTargets(s, exitsOf(r, s.at.start, s.at.end).length);
    const v = s.verdict;
    L.push(`| slow consumers | 1 | – | – | ${s.sockets} paused sockets; gateway slow closes ${s.serverSlowCloses ?? '?'}, clients saw ${JSON.stringify(s.closeCodes)}, still open ${s.stillOpen} | ${v.lost}${v.unacked ? ` (+${v.unacked} unacked)` : ''} | ${v.dup} | ${v.gaps} | ${v.missingPairs} | ${exitsOf(r, s.at.start, s.at.end).length} | – | ${pass(t) ? 'PASS' : `FAIL: ${failing(t).join('; ')}`} |`);
  }
  if (r.slowError) L.push(`| slow consumers | 1 | – | – | – | – | – | – | – | – | – | ${r.slowError.startsWith('skipped') ? 'SKIPPED' : 'FAIL'}: ${r.slowError} |`);
  L.push('', '"first ack after" is measured from the restart (process faults), from the moment the dependency is back (`stack.sh up` returned; infrastructure faults), from the deletion (key loss) or from the kill (a Kafka broker or Redis primary of the clustered profile, which must cope without it). "longest ack wait" is the longest any send made from 2.5 s before the fault to the end of the settle window waited for its ack (from its first send, resends included). "p99 back" is the start of the first of three back-to-back 2 s windows (by send time) whose p99 send→ack latency is within 2× the baseline p99 (floor 10 ms); latency is from the first send, so resends and reconnects count; a message never acked counts as infinitely late. "lost" counts acked messages missing from MariaDB or from any recipient after the final sync (plus sends never acked); "dup" counts client_msg_ids with two stored rows or two message ids; "gaps" seq holes that appeared in the phase (MariaDB, COUNT vs MAX(seq_id)); "missing recipients" (recipient, message) pairs.');

  if (s) {
    L.push('', '## Slow consumers', '');
    L.push(`${s.sockets} sockets on ${s.slowGateway} (${o.slow.socketsPerUser} per user), in groups of up to ${o.slow.groupSize} with 3 senders each (20 members: the direct fan-out path); ${s.senders} senders (two connections each) on the other gateway offered ${s.targetRate} msg/s of ${o.slow.contentBytes} B for ${s.burstS} s, twice: first as a control with every socket reading (${s.control.achievedRate} msg/s acked, senders' p99 ${ms(s.control.sendersP99Ms)} ms), then with the ${s.sockets} sockets paused (never reading). In the measured burst a sender with ${o.slow.maxInFlight} unacked skips its turn (${s.heldBack} skipped), ${s.sent} sent, ${s.ackedInBurst} acked within the burst: ${s.achievedRate} msg/s.`);
    if (s.readWhilePaused > 0) L.push('', `**Instrument check failed: the paused sockets received ${s.readWhilePaused} messages before they were let read again; the slow-consumer figures are not valid.**`);
    L.push('', `- bytes of messages stored for each slow socket (its groups' messages × frame size): median ${mib(s.bytesPerSlowSocket.median)} MiB, min ${mib(s.bytesPerSlowSocket.min)} MiB — what the gateway had to hold for a socket that never reads; it can tell the socket is too slow after at most ${mib(s.bytesToReachLimit)} MiB (the unread limit, or the kernel buffers plus its own 1 MiB queue if less)`);
    L.push(`- other clients' p99 send→ack: ${ms(s.regularP99Ms.baseline)} ms before, ${ms(s.regularP99Ms.control)} ms during the control burst, ${ms(s.regularP99Ms.burst)} ms during the burst with paused sockets; burst senders' p99 ${ms(s.burstSendersP99Ms)} ms`);
    const series = (xs: [number, number | null][]) => xs.map(([t, v]) => `${t}:${ms(v)}`).join(' ');
    L.push(`- other clients' p99 per 2 s (s from the burst's start: ms): control ${series(s.regularP99Series.control)}; with paused sockets ${series(s.regularP99Series.burst)}`);
    for (const g of s.rss) L.push(`- ${g.gateway} RSS: ${g.before} MiB before, max ${g.controlMax} MiB in the control, max ${g.max} MiB with paused sockets, ${g.after} MiB after; over time (s from the measured burst's start: MiB) ${g.series.filter((_, i) => i % 2 === 0).map(([t, m]) => `${t}:${m}`).join(' ')}`);
    L.push(`- ${s.slowGateway} open sockets (gochat_ws_connections) over time: ${s.socketsSeries.filter((_, i) => i % 2 === 0).map(([t, n]) => `${t}:${n ?? '?'}`).join(' ')}`);
    L.push(`- the gateway's own count of slow closes (gochat_ws_slow_closes_total): ${s.serverSlowCloses ?? 'not exposed'}; its open sockets fell by ${s.socketsClosedByServer ?? '?'}`);
    L.push(`- close codes the slow sockets saw once they read again: ${JSON.stringify(s.closeCodes)}; still open: ${s.stillOpen}; documented codes (docs/protocol.md): ${s.documentedCodes.join(', ')}. A socket that never reads cannot see a close frame queued behind its unread data once the gateway cuts the connection: it sees 1006.`);
  }

  L.push('', '## Latency and delivery per kind of conversation', '');
  L.push('Send→ack and send→delivered (every other member has it, live or by sync) p50/p99 in ms, and live pushes made/expected (counted at the end of the run: a late push counts, a push that never came does not); baseline window, then from the fault to the checkpoint. "lag" is the measuring process\'s own event-loop delay p99/max (its timestamps are late by that much at worst).', '');
  const kinds = (k: Record<string, KindStats>) => Object.entries(k).map(([kind, x]) => `${kind} n=${x.n} ack ${ms(x.p50)}/${ms(x.p99)} delivered ${ms(x.deliveredP50)}/${ms(x.deliveredP99)} live ${x.live}`).join('; ');
  for (const p of r.phases) {
    if (p.skipped) continue;
    const cpu = Object.entries(p.cpuPercent).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    L.push(`- **${p.name}** (load ${p.load1}; lag ${p.instrumentLagMs.p99}/${p.instrumentLagMs.max} ms; CPU % of a core: ${cpu || '–'}) baseline: ${kinds(p.byKind.baseline) || '–'}${p.fault !== 'steady' ? ` — after the fault: ${kinds(p.byKind.afterFault) || '–'}` : ''}`);
  }

  L.push('', '## Targets', '');
  for (const p of r.phases) {
    if (p.fault === 'steady' && !p.skipped) continue;
    const t = rowTargets(p);
    L.push(`- **${p.name}** ${p.skipped ? 'SKIPPED' : pass(t) ? 'PASS' : 'FAIL'}: ${t.map((x) => `${x.ok ? '✓' : '✗'} ${x.name} (${x.detail})`).join('; ')}`);
  }
  if (s) L.push(`- **slow consumers** ${pass(slowTargets(s, exitsOf(r, s.at.start, s.at.end).length)) ? 'PASS' : 'FAIL'}: ${slowTargets(s, exitsOf(r, s.at.start, s.at.end).length).map((x) => `${x.ok ? '✓' : '✗'} ${x.name} (${x.detail})`).join('; ')}`);

  L.push('', '## Evidence', '');
  L.push(`Process logs: \`${path.relative(root, r.logDir)}/\` (LOG_LEVEL=warn).`);
  for (const e of r.unexpectedExits) {
    L.push('', `**${e.proc} exited on its own** at ${new Date(e.at).toISOString()} (pid ${e.pid}, code ${e.code}, signal ${e.signal}); last lines:`, '```', ...e.tail.slice(-12), '```');
  }
  for (const p of r.phases) {
    const v = p.verdict;
    const lines: string[] = [];
    if (p.readiness.details.length) lines.push(`- logic /readyz said: ${p.readiness.details.map((d) => `\`${d}\``).join('; ')}`);
    if (v?.examples.length) lines.push(...v.examples.map((x) => `- ${x}`));
    if (v && Object.keys(v.refused).length) lines.push(`- refused sends: ${JSON.stringify(v.refused)}`);
    if (v?.redeliveries) lines.push(`- ${v.redeliveries} deliveries of a message id a client already had (dropped by the client)`);
    const m = Object.entries(p.metrics).map(([proc, x]) => `${proc} ${Object.entries(x).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (m.length) lines.push(`- /metrics during the phase: ${m.join('; ')}`);
    if (p.liveAfterRef.expected) lines.push(`- live deliveries after the fault: ${p.liveAfterRef.live}/${p.liveAfterRef.expected} (baseline ${p.liveBaseline.live}/${p.liveBaseline.expected})`);
    for (const [proc, ls] of Object.entries(p.logs)) lines.push(`- ${proc}: ${ls.slice(0, 6).map((l) => `\`${l.line.replace(/`/g, "'")}\`${l.count > 1 ? ` ×${l.count}` : ''}`).join('; ')}`);
    if (lines.length) L.push('', `**${p.name}** — ${p.what}`, ...lines);
  }
  L.push('');
  return L.join('\n');
}

/** The clustered profile's results are kept beside the default profile's. */
export function writeResults(r: RunResult, dir = path.join(root, 'chaos/results'), name = r.options.profile === 'cluster' ? 'cluster' : 'latest'): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  const withTargets = {
    ...r,
    phases: r.phases.map((p) => ({ ...p, targets: rowTargets(p), pass: pass(rowTargets(p)) })),
    ...(r.slow ? { slow: { ...r.slow, targets: slowTargets(r.slow, exitsOf(r, r.slow.at.start, r.slow.at.end).length) } } : {}),
  };
  writeFileSync(json, `${JSON.stringify(withTargets, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`);
  writeFileSync(md, markdown(r));
  return { json, md };
}
