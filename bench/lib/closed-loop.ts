// The closed-loop driver both systems' throughput runs use: every flow keeps `window` sends in
// flight, each ack sends the flow's next, until `durationMs` from `start` has passed.
import { sleep, wallMs } from './stats.ts';

export interface AckedRun {
  /** Acks from this time on are measured (the warm-up before it is not). */
  measureFrom: number;
  onAck?: (flow: number) => void;
}

export async function driveClosedLoop(
  r: AckedRun,
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
