// What a load generator's run records, and the drivers both systems' runs share (GoChat's in
// bench/loadgen.ts, Centrifugo's in centrifugo-client.ts).
import { sleep, wallMs } from './stats.ts';

export interface LoadRun {
  /** Marks the run's messages (the content starts with it). */
  tag: string;
  /** Acks from this time on are measured (the warm-up before it is not). */
  measureFrom: number;
  /** Sent and not acked yet: client id -> send time and flow. */
  pending: Map<string, { at: number; flow: number }>;
  ackLat: number[];
  e2eLat: number[];
  acked: number;
  errors: Map<string, number>;
  /** recipient -> message ids seen (duplicates by id are counted) */
  seen: Map<string, Set<string>>;
  dups: number;
  received: number;
  onAck?: (flow: number) => void;
}

export function newLoadRun(tag: string, measureFrom: number): LoadRun {
  return { tag, measureFrom, pending: new Map(), ackLat: [], e2eLat: [], acked: 0, errors: new Map(), seen: new Map(), dups: 0, received: 0 };
}

/** Waits until every send is acked and `expected()` deliveries arrived, or the timeout; the time waited. */
export async function drain(r: LoadRun, expected: () => number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs && (r.pending.size > 0 || r.received < expected())) await sleep(20);
  return Date.now() - t0;
}

/**
 * The closed loop of a throughput run: every flow keeps `window` sends in flight, each ack sends
 * the flow's next, until `durationMs` from `start` has passed.
 */
export async function driveClosedLoop(
  r: Pick<LoadRun, 'measureFrom' | 'onAck'>,
  o: { flows: number; window: number; start: number; durationMs: number },
  sendOne: (flow: number) => void,
): Promise<{ sent: number; ackedInWindow: number }> {
  let stopped = false;
  let sent = 0;
  let ackedInWindow = 0;
  const measureEnd = o.start + o.durationMs;
  r.onAck = (flow) => {
    const now = wallMs();
    if (now >= r.measureFrom && now < measureEnd) ackedInWindow++;
    if (!stopped) {
      sendOne(flow);
      sent++;
    }
  };
  for (let i = 0; i < o.flows; i++) {
    for (let k = 0; k < o.window; k++) {
      sendOne(i);
      sent++;
    }
  }
  await sleep(o.durationMs);
  stopped = true;
  return { sent, ackedInWindow };
}
