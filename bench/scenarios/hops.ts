// Where the time of a 1:1 message goes, hop by hop, from OpenTelemetry spans: the messaging
// scenario's open-loop 1:1 traffic at each rate, on a cluster of its own with tracing on (so the
// other scenarios run without its cost), the spans received by an OTLP/HTTP receiver in this
// process. One machine, one clock: hops are differences of span start and end times.
import { bounded } from '../lib/bounded.ts';
import { startOtlpReceiver, type ReceivedSpan } from '../../test/telemetry/otlp-receiver.ts';
import { CLEANUP_WAIT_MS, startBenchCluster } from '../lib/cluster.ts';
import type { LoadGen } from '../lib/loadgen-pool.ts';
import { Seeder } from '../lib/seed.ts';
import { dist, sleep, type Dist } from '../lib/stats.ts';
import { runMessaging, type MessagingOpts } from './messaging.ts';

/** The hops, in path order, and how each is measured from the spans of one message's trace. */
export const HOPS = [
  ['gateway: frame → upstream produce acked', 'ws send'],
  ['upstream Kafka → logic worker picks it up', 'send end → logic batch start'],
  ['logic: before the store', 'logic batch start → db store start'],
  ['logic: db store (one transaction the batches at hand share)', 'db store'],
  ['logic: after the store → downstream produce', 'db store end → produce start'],
  ['logic: downstream produce acked', 'kafka produce downstream'],
  ['downstream Kafka → recipient gateway', 'produce end → deliver start'],
  ['gateway: write to the socket', 'deliver'],
  ['total: frame in → frame out', 'ws send start → deliver end'],
] as const;

export interface HopsResult {
  rate: number;
  /** Complete traces measured. */
  traces: number;
  hops: { hop: string; ms: Dist }[];
}

const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;

/** The hop durations of one trace, or undefined when the trace is incomplete. */
function hopsOf(spans: ReceivedSpan[]): number[] | undefined {
  const one = (name: string) => spans.find((s) => s.name === name);
  const send = one('ws send');
  const batch = one('logic batch');
  const db = one('db store');
  const down = one('kafka produce downstream');
  // The recipient's copy: a message record written to a socket.
  const deliver = spans.find((s) => s.name === 'deliver' && s.attributes['gochat.record_kind'] === 'message' && s.attributes['gochat.sockets'] === 1);
  if (!send || !batch || !db || !down || !deliver) return undefined;
  return [
    ms(send.startNs, send.endNs),
    ms(send.endNs, batch.startNs),
    ms(batch.startNs, db.startNs),
    ms(db.startNs, db.endNs),
    ms(db.endNs, down.startNs),
    ms(down.startNs, down.endNs),
    ms(down.endNs, deliver.startNs),
    ms(deliver.startNs, deliver.endNs),
    ms(send.startNs, deliver.endNs),
  ];
}

export async function runHops(runId: string, lgs: LoadGen[], o: MessagingOpts, log: (s: string) => void): Promise<HopsResult[]> {
  const receiver = await startOtlpReceiver();
  const cluster = await startBenchCluster(`${runId}t`, 2, {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '200',
    OTEL_BSP_MAX_QUEUE_SIZE: '100000',
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '2000',
  });
  const seeder = await Seeder.open(cluster.env);
  const out: HopsResult[] = [];
  try {
    // One messaging run over every rate; its log lines mark where each rate's window ends (the
    // first starts after the unmeasured warm-up: 2 × warmupMs once connected).
    const marks: number[] = [];
    const onLog = (line: string) => {
      if (line.includes('connected')) marks.push(Date.now() + 2 * o.warmupMs);
      else if (/msg\/s rep \d+:/.test(line)) marks.push(Date.now());
    };
    await runMessaging(cluster, seeder, lgs, { ...o, repeats: 1, throughputMs: 0 }, onLog);
    // Spans are exported in batches every 200 ms: let the last ones arrive.
    await sleep(1500);
    const byTrace = new Map<string, ReceivedSpan[]>();
    for (const s of receiver.spans()) {
      let list = byTrace.get(s.traceId);
      if (!list) byTrace.set(s.traceId, (list = []));
      list.push(s);
    }
    o.rates.forEach((rate, i) => {
      const from = BigInt(marks[i] ?? Number.MAX_SAFE_INTEGER) * 1_000_000n;
      const to = BigInt(marks[i + 1] ?? Number.MAX_SAFE_INTEGER) * 1_000_000n;
      const columns: number[][] = HOPS.map(() => []);
      for (const spans of byTrace.values()) {
        const root = spans.find((x) => x.name === 'ws send');
        if (!root || root.startNs < from || root.startNs >= to) continue;
        hopsOf(spans)?.forEach((v, k) => columns[k]!.push(v));
      }
      const result = { rate, traces: columns[0]!.length, hops: HOPS.map(([hop], k) => ({ hop, ms: dist(columns[k]!) })) };
      out.push(result);
      log(`  hops @ ${rate} msg/s (${result.traces} traces): ${result.hops.map((h) => `${h.hop} ${h.ms.p50.toFixed(1)}/${h.ms.p99.toFixed(1)}`).join('; ')}`);
    });
  } finally {
    await bounded('closing the seeder', 10_000, seeder.close());
    await bounded('stopping the traced cluster', CLEANUP_WAIT_MS + 30_000, cluster.stop());
    await bounded('closing the OTLP receiver', 5000, receiver.close());
  }
  return out;
}
