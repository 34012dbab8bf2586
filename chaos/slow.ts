// Slow consumers: sockets that stop reading (their TCP socket paused) in groups that get a burst
// of messages. What the gateway holding them does with its memory, whether it closes them (and
// with which code), and what the other clients' latency does meanwhile. The same burst first
// runs while those sockets read (the control): on two shared cores the burst itself costs
// latency and memory, and only what the paused sockets add on top is theirs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WS_SLOW_DEFAULTS } from '../config/index.ts';
import { ChatClient } from './client.ts';
import type { Ledger } from './ledger.ts';
import { log, sleep } from './log.ts';
import { percentile, latency, sendsBetween } from './measure.ts';
import type { Monitor } from './monitor.ts';
import type { SlowOptions } from './options.ts';
import { calmLimit, waitCalm } from './phase.ts';
import type { Cluster } from './procs.ts';
import { root } from './stack.ts';
import { createGroup, inBatches, registerUsers, Traffic } from './traffic.ts';
import type { Verdict, Verifier } from './verify.ts';

const SERIES_STEP_MS = 2000;

/** p99 per SERIES_STEP_MS of [from, to), each labelled with its start in seconds from `from`. */
function p99Series(p99: (from: number, to: number) => number | null, from: number, to: number): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let t = from; t < to; t += SERIES_STEP_MS) out.push([(t - from) / 1000, p99(t, Math.min(to, t + SERIES_STEP_MS))]);
  return out;
}

export interface SlowResult {
  phase: string;
  at: { start: number; controlStart: number; controlEnd: number; burstStart: number; burstEnd: number; end: number };
  sockets: number;
  senders: number;
  slowGateway: string;
  targetRate: number;
  /** Messages acked per second of the burst. */
  achievedRate: number;
  /** Sends not offered because the sender already had maxInFlight unacked. */
  heldBack: number;
  burstS: number;
  sent: number;
  ackedInBurst: number;
  regularP99Ms: { baseline: number | null; control: number | null; burst: number | null };
  /** Other clients' p99 send→ack per 2 s of send time, seconds from the start of the control burst and of the measured one: when the time is lost. */
  regularP99Series: { control: [number, number | null][]; burst: [number, number | null][] };
  burstSendersP99Ms: number | null;
  /** The control burst (the same senders and rate, every socket reading): acked per second and the senders' p99. */
  control: { achievedRate: number; sendersP99Ms: number | null };
  /** Per gateway: RSS in MiB over time (seconds from the burst start) and its before/max/after. */
  rss: { gateway: string; before: number; controlMax: number; max: number; after: number; series: [number, number][] }[];
  /** The slow gateway's open-socket gauge over time (seconds from the burst start). */
  socketsSeries: [number, number | null][];
  /** Messages the "paused" sockets received before they were let read again (must be 0, or the pause did not hold). */
  readWhilePaused: number;
  /** Bytes of messages stored for each slow socket during the scenario (frame ≈ content + envelope). */
  bytesPerSlowSocket: { median: number; min: number };
  /**
   * What a socket must be sent before the gateway can see it is too slow: WS_MAX_UNREAD_BYTES,
   * or sooner the kernel's buffers — up to tcp_wmem[max] on the gateway's side and tcp_rmem[max]
   * on the reader's (autotuned while the socket read during the control burst; up to 13 MiB
   * measured) — plus WS_MAX_BUFFERED_BYTES.
   */
  bytesToReachLimit: number;
  closeCodes: Record<string, number>;
  /** The slow gateway's own count of sockets it closed as too slow (gochat_ws_slow_closes_total, 4010), if it has one. */
  serverSlowCloses: number | null;
  /** Drop of the slow gateway's open-socket gauge from before the burst to the end. */
  socketsClosedByServer: number | null;
  stillOpen: number;
  documentedCodes: number[];
  closedWithDocumentedCode: number;
  verdict: Verdict;
}

/** Close codes listed in docs/protocol.md ("## Close codes"). */
export function documentedCloseCodes(): number[] {
  const text = readFileSync(path.join(root, 'docs/protocol.md'), 'utf8');
  const section = text.split(/^## Close codes/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*(\d{4})\s*\|/gm)].map((m) => Number(m[1]));
}

/** Senders in each slow group: with 17 slow sockets a group holds 20, the direct (logic) fan-out path. */
const SENDERS_PER_GROUP = 3;

/** After reading again: longest wait for every slow socket to see its close. */
const SLOW_READ_MS = 20_000;

/** A `message` frame's JSON around its content (ids, seq, sender, timestamps). */
const FRAME_ENVELOPE_BYTES = 300;

function kernelAbsorbs(): number {
  const field = (file: string, i: number) => Number(readFileSync(file, 'utf8').trim().split(/\s+/)[i] ?? 0);
  try {
    return field('/proc/sys/net/ipv4/tcp_wmem', 2) + field('/proc/sys/net/ipv4/tcp_rmem', 2);
  } catch {
    return 4 * 2 ** 20 + 6 * 2 ** 20;
  }
}

const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

export async function runSlow(o: SlowOptions, d: {
  cluster: Cluster; monitor: Monitor; ledger: Ledger; verifier: Verifier; runId: string;
  regular: ChatClient[]; steady: Traffic; drainMs: number; resendMs: number; framesPerSecond: number; baselineMs: number;
  controlInFlight: number | undefined; calmMaxMs: number;
}): Promise<SlowResult> {
  const { cluster, ledger } = d;
  const phase = 'slow#1';
  const [slowGw, senderGw] = [cluster.gateways[0]!, cluster.gateways[1 % cluster.gateways.length]!];
  // Several sockets per user: fewer groups, so fewer messages fill every socket past its limit.
  const userCount = Math.ceil(o.sockets / o.socketsPerUser);
  const groups = Math.ceil(userCount / o.groupSize);
  const senderCount = SENDERS_PER_GROUP * groups;
  log(`slow consumers: registering ${userCount} slow users (${o.socketsPerUser} sockets each) and ${senderCount} senders`);
  const slowUsers = await registerUsers(cluster.gateways, `s${d.runId}u`, userCount);
  const senderUsers = await registerUsers(cluster.gateways, `p${d.runId}u`, senderCount);
  const convIds = await inBatches(Array.from({ length: groups }, (_, g) => g), 3, (g) => {
    const owner = senderUsers[(g * 3) % senderUsers.length]!;
    const members = [owner, senderUsers[(g * 3 + 1) % senderUsers.length]!, senderUsers[(g * 3 + 2) % senderUsers.length]!, ...slowUsers.slice(g * o.groupSize, (g + 1) * o.groupSize)];
    return createGroup(senderGw, owner, [...new Map(members.map((m) => [m.id, m])).values()], `chaos slow ${g}`);
  });
  convIds.forEach((id, g) => {
    const members = [...new Set([0, 1, 2].map((k) => senderUsers[(g * 3 + k) % senderUsers.length]!.id).concat(slowUsers.slice(g * o.groupSize, (g + 1) * o.groupSize).map((u) => u.id)))];
    ledger.convs.set(id, { id, kind: 'slow', members });
  });
  for (const u of slowUsers) ledger.silent.add(u.id);
  const convsOf = (userId: string) => convIds.filter((id) => ledger.convs.get(id)!.members.includes(userId));
  const common = { ledger, runId: d.runId, resendMs: d.resendMs, framesPerSecond: d.framesPerSecond };
  // Reading during the control burst; paused before the measured one.
  const slow = slowUsers.flatMap((user, i) => Array.from({ length: Math.min(o.socketsPerUser, o.sockets - i * o.socketsPerUser) }, () =>
    new ChatClient({ ...common, user, gateway: { index: slowGw.index, wsUrl: slowGw.wsUrl }, conversations: convsOf(user.id), reconnect: false })));
  // Two connections per sender: 40 frames/s each (the server allows 50) would not carry 1,000 msg/s otherwise.
  const senders = senderUsers.flatMap((user) => [0, 1].map(() => new ChatClient({ ...common, user, gateway: { index: senderGw.index, wsUrl: senderGw.wsUrl }, conversations: convsOf(user.id) })));
  for (const c of [...slow, ...senders]) c.connect();
  const connectDeadline = Date.now() + 30_000;
  while (Date.now() < connectDeadline && ![...slow, ...senders].every((c) => c.isReady)) await sleep(100);
  log(`slow consumers: ${slow.filter((c) => c.isReady).length}/${slow.length} slow sockets and ${senders.filter((c) => c.isReady).length}/${senders.length} senders ready`);

  // Registering 130 users (scrypt) loads the gateways: let that pass before the baseline.
  if (d.controlInFlight !== undefined) await waitCalm(d.regular, calmLimit(d.controlInFlight), d.calmMaxMs);
  ledger.phase = phase;
  const baselineStart = Date.now();
  await sleep(d.baselineMs);
  const newBurst = () => new Traffic({
    targets: convIds.map((id) => ({ conv: ledger.convs.get(id)!, weight: 1 })),
    senders: new Map(senderUsers.map((u) => [u.id, senders.filter((c) => c.user.id === u.id)])),
    contentBytes: o.contentBytes,
    maxInFlight: o.maxInFlight,
  }, o.rate);
  const control = newBurst();
  const controlStart = Date.now();
  log(`slow consumers: control, ${o.rate} msg/s of ${o.contentBytes} B to ${groups} groups for ${o.durationMs / 1000} s, every socket reading`);
  control.start();
  await sleep(o.durationMs);
  control.stop();
  const controlEnd = Date.now();
  // The control's backlog drains before the sockets stop reading, so they start empty.
  await sleep(o.afterMs);
  if (d.controlInFlight !== undefined) await waitCalm(d.regular, calmLimit(d.controlInFlight), d.calmMaxMs);
  for (const c of slow) c.pauseNow();
  const pausedAt = Date.now();
  await sleep(2000);
  const burst = newBurst();
  const burstStart = Date.now();
  log(`slow consumers: ${o.rate} msg/s of ${o.contentBytes} B to ${groups} groups for ${o.durationMs / 1000} s, ${slow.length} sockets not reading`);
  burst.start();
  await sleep(o.durationMs);
  burst.stop();
  const burstEnd = Date.now();
  await sleep(o.afterMs);
  // Read again: what the server left in each socket comes in, then its close frame (if any).
  const resumedAt = Date.now();
  for (const c of slow) c.resumeReading();
  // Reading megabytes on 100 sockets takes this process a while: wait for the close frames.
  const readBy = Date.now() + SLOW_READ_MS;
  while (Date.now() < readBy && slow.some((c) => c.closeCodes.length === 0)) await sleep(250);
  const end = Date.now();

  const closeCodes: Record<string, number> = {};
  let stillOpen = 0;
  for (const c of slow) {
    if (c.closeCodes.length === 0) stillOpen++;
    for (const code of c.closeCodes) closeCodes[code] = (closeCodes[code] ?? 0) + 1;
  }
  for (const c of slow) c.stop();
  const documented = documentedCloseCodes();
  const closedWithDocumentedCode = slow.filter((c) => c.closeCodes.some((code) => documented.includes(code) && code !== 1000)).length;

  d.steady.pause();
  // The burst leaves a backlog of large messages: twice the usual drain before "never acked".
  const verdict = await d.verifier.checkpoint(phase, [...d.regular, ...senders], 2 * d.drainMs);
  for (const c of senders) c.stop();
  d.steady.resume();

  const senderIds = new Set(senderUsers.map((u) => u.id));
  const regularP99 = (from: number, to: number) => percentile(sendsBetween(ledger, from, to).filter((s) => !senderIds.has(s.sender)).map(latency), 99) ?? null;
  const burstSends = sendsBetween(ledger, burstStart, burstEnd).filter((s) => senderIds.has(s.sender));
  const ackedInBurst = burstSends.filter((s) => s.ackAt !== undefined && s.ackAt <= burstEnd).length;
  const controlSends = sendsBetween(ledger, controlStart, controlEnd).filter((s) => senderIds.has(s.sender));
  const ackedInControl = controlSends.filter((s) => s.ackAt !== undefined && s.ackAt <= controlEnd).length;
  // Self-check: a paused socket must not have read anything before it was let read again.
  let readWhilePaused = 0;
  for (const s of ledger.sends.values()) {
    if (s.messageId === undefined || s.firstAt < pausedAt || ledger.convs.get(s.conv)?.kind !== 'slow') continue;
    const per = ledger.deliveries.get(s.messageId);
    for (const u of ledger.convs.get(s.conv)!.members) if (ledger.silent.has(u) && (per?.get(u)?.firstAt ?? Infinity) < resumedAt) readWhilePaused++;
  }
  const perConv = new Map<string, number>();
  for (const s of sendsBetween(ledger, pausedAt, end)) if (s.ackAt !== undefined && ledger.convs.get(s.conv)?.kind === 'slow') perConv.set(s.conv, (perConv.get(s.conv) ?? 0) + 1);
  const perSocket = slowUsers.map((u) => convsOf(u.id).reduce((n, c) => n + (perConv.get(c) ?? 0), 0) * (o.contentBytes + FRAME_ENVELOPE_BYTES));
  const rel = (at: number) => Math.round((at - burstStart) / 100) / 10;
  const samples = d.monitor.gateways.filter((s) => s.at >= baselineStart && s.at <= end);
  const slowMetrics = d.monitor.metrics.filter((m) => m.proc === slowGw.proc.name && m.at >= baselineStart && m.at <= end);
  const counter = slowMetrics.map((m) => m.values.gochat_ws_slow_closes_total).filter((v): v is number => v !== undefined);
  const gauge = samples.filter((s) => s.gateway === slowGw.index && s.sockets !== undefined).map((s) => s.sockets!);
  const rss = cluster.gateways.map((g) => {
    const mine = samples.filter((s) => s.gateway === g.index && Number.isFinite(s.rss));
    const before = mine.filter((s) => s.at < controlStart).map((s) => s.rss);
    const inControl = mine.filter((s) => s.at >= controlStart && s.at < pausedAt).map((s) => s.rss);
    const after = mine.filter((s) => s.at > burstEnd).map((s) => s.rss);
    return {
      gateway: g.id,
      before: mib(before.at(-1) ?? NaN),
      controlMax: mib(Math.max(...inControl)),
      max: mib(Math.max(...mine.filter((s) => s.at >= pausedAt).map((s) => s.rss))),
      after: mib(after.at(-1) ?? NaN),
      series: mine.map((s) => [rel(s.at), mib(s.rss)] as [number, number]),
    };
  });
  return {
    phase,
    at: { start: baselineStart, controlStart, controlEnd, burstStart, burstEnd, end },
    sockets: o.sockets,
    senders: senderCount,
    slowGateway: slowGw.id,
    targetRate: o.rate,
    achievedRate: Math.round(ackedInBurst / ((burstEnd - burstStart) / 1000)),
    heldBack: burst.heldBack,
    burstS: Math.round((burstEnd - burstStart) / 100) / 10,
    sent: burstSends.length,
    ackedInBurst,
    regularP99Ms: { baseline: regularP99(baselineStart, controlStart), control: regularP99(controlStart, controlEnd), burst: regularP99(burstStart, burstEnd) },
    regularP99Series: { control: p99Series(regularP99, controlStart, controlEnd), burst: p99Series(regularP99, burstStart, burstEnd) },
    burstSendersP99Ms: percentile(burstSends.map(latency), 99) ?? null,
    control: { achievedRate: Math.round(ackedInControl / ((controlEnd - controlStart) / 1000)), sendersP99Ms: percentile(controlSends.map(latency), 99) ?? null },
    rss,
    socketsSeries: samples.filter((s) => s.gateway === slowGw.index).map((s) => [rel(s.at), s.sockets ?? null]),
    readWhilePaused,
    // Whichever limit comes first: what the kernel buffers can hold plus the gateway's own queue,
    // or what the client may be sent after its first unanswered ping (an eighth of the limit in).
    bytesToReachLimit: Math.min(kernelAbsorbs() + Number(process.env.WS_MAX_BUFFERED_BYTES ?? WS_SLOW_DEFAULTS.maxBufferedBytes), (Number(process.env.WS_MAX_UNREAD_BYTES ?? WS_SLOW_DEFAULTS.maxUnreadBytes) * 9) / 8),
    bytesPerSlowSocket: { median: percentile(perSocket, 50) ?? 0, min: Math.min(...perSocket) },
    closeCodes,
    serverSlowCloses: counter.length > 0 ? counter.at(-1)! - counter[0]! : null,
    socketsClosedByServer: gauge.length > 0 ? gauge[0]! - Math.min(...gauge) : null,
    stillOpen,
    documentedCodes: documented,
    closedWithDocumentedCode,
    verdict,
  };
}
