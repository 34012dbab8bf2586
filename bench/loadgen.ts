// A load-generator process: holds real WebSocket clients of GoChat and runs the traffic the
// orchestrator (bench/run.ts) asks for over IPC. It never shares an event loop with a gateway.
// Latencies are measured within this process where possible (sender and recipient of a flow
// live here); fan-out arrival times are wall-clock so they compare across processes.
import WebSocket from 'ws';
import { centrifugoHandlers } from './lib/centrifugo-client.ts';
import { drain, driveClosedLoop, newLoadRun, type LoadRun } from './lib/load-run.ts';
import { dist, sleep, wallMs, type Dist } from './lib/stats.ts';

interface Conn {
  userId: string;
  url: string;
  token: string;
  ws: WebSocket | undefined;
  pinger: NodeJS.Timeout | undefined;
  ready: boolean;
  /** Highest seq seen per conversation (live or by sync). */
  seqs: Map<string, number>;
}

type Frame = { type: string } & Record<string, unknown>;
interface Msg { message_id: string; conversation_id: string; seq: number; content: string }

const conns = new Map<string, Conn>();
const PAD = 'x'.repeat(80);

// ---- what the current run records ----
interface Run extends LoadRun {
  /** conversation -> seqs acked in this run */
  ackedSeqs: Map<string, number[]>;
}
let run: Run | undefined;

// fan-out arrivals: tag -> userId -> wall time of first arrival
const armed = new Map<string, { arrivals: Map<string, number>; dups: number }>();

function onFrame(c: Conn, f: Frame): void {
  switch (f.type) {
    case 'ack': {
      const r = run;
      if (!r) return;
      const p = r.pending.get(f.client_msg_id as string);
      if (!p) return;
      r.pending.delete(f.client_msg_id as string);
      r.acked++;
      if (p.at >= r.measureFrom) r.ackLat.push(wallMs() - p.at);
      const conv = f.conversation_id as string;
      let list = r.ackedSeqs.get(conv);
      if (!list) r.ackedSeqs.set(conv, (list = []));
      list.push(Number(f.seq));
      r.onAck?.(p.flow);
      return;
    }
    case 'message': {
      const m = f.message as Msg;
      const prev = c.seqs.get(m.conversation_id) ?? 0;
      if (m.seq > prev) c.seqs.set(m.conversation_id, m.seq);
      const bar = m.content.indexOf('|');
      const tag = bar > 0 ? m.content.slice(0, bar) : '';
      const r = run;
      if (r && tag === r.tag) {
        let seen = r.seen.get(c.userId);
        if (!seen) r.seen.set(c.userId, (seen = new Set()));
        if (seen.has(m.message_id)) {
          r.dups++;
          return;
        }
        seen.add(m.message_id);
        r.received++;
        const sentAt = Number(m.content.slice(bar + 1, m.content.indexOf('|', bar + 1)));
        if (sentAt >= r.measureFrom) r.e2eLat.push(wallMs() - sentAt);
        return;
      }
      const a = armed.get(tag);
      if (a) {
        if (a.arrivals.has(c.userId)) a.dups++;
        else a.arrivals.set(c.userId, wallMs());
      }
      return;
    }
    case 'sync': {
      const conv = f.conversation_id as string;
      const list = f.messages as Msg[];
      let max = c.seqs.get(conv) ?? 0;
      for (const m of list) if (m.seq > max) max = m.seq;
      c.seqs.set(conv, max);
      if (f.has_more === true) send(c, { type: 'sync', conversations: { [conv]: max } });
      return;
    }
    case 'error': {
      const r = run;
      if (r && typeof f.client_msg_id === 'string' && r.pending.has(f.client_msg_id)) {
        r.errors.set(f.code as string, (r.errors.get(f.code as string) ?? 0) + 1);
        r.pending.delete(f.client_msg_id);
      }
      return;
    }
    default:
  }
}

function send(c: Conn, frame: unknown): void {
  if (c.ws?.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(frame));
}

/** Opens one authenticated connection; resolves at `ready`. */
function open(c: Conn, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${c.url}?token=${encodeURIComponent(c.token)}`, { perMessageDeflate: false });
    c.ws = ws;
    c.ready = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('ready timeout'));
    }, timeoutMs);
    ws.on('message', (data: WebSocket.RawData) => {
      const f = JSON.parse((data as Buffer).toString('utf8')) as Frame;
      if (!c.ready && f.type === 'ready') {
        c.ready = true;
        clearTimeout(timer);
        const every = Number(f.heartbeat_ms) || 30_000;
        c.pinger = setInterval(() => send(c, { type: 'ping' }), every);
        resolve();
        return;
      }
      onFrame(c, f);
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('close', (code) => {
      clearInterval(c.pinger);
      c.ready = false;
      clearTimeout(timer);
      reject(new Error(`closed ${code}`));
    });
  });
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

function newRun(tag: string, measureFrom: number): Run {
  return { ...newLoadRun(tag, measureFrom), ackedSeqs: new Map() };
}

let cmidCounter = 0;
function sendChat(r: Run, flow: number, from: Conn, conv: string): void {
  const cmid = `b${process.pid}.${++cmidCounter}`;
  const at = wallMs();
  r.pending.set(cmid, { at, flow });
  send(from, { type: 'send', client_msg_id: cmid, conversation_id: conv, content: `${r.tag}|${at}|${PAD}` });
}

function conn(id: string): Conn {
  const c = conns.get(id);
  if (!c) throw new Error(`no connection for user ${id} in this loadgen`);
  return c;
}

interface FlowOut { conv: string; recipients: string[] }

/** Loss and duplicate check: every acked seq reached every recipient exactly once. */
function verify(r: Run, flows: FlowOut[], sentPerConv: Map<string, number>): { expected: number; lost: number; gaps: number } {
  let expected = 0;
  let gaps = 0;
  for (const seqs of r.ackedSeqs.values()) {
    const s = [...seqs].sort((a, b) => a - b);
    for (let i = 1; i < s.length; i++) if (s[i] !== s[i - 1]! + 1) gaps++;
  }
  for (const f of flows) expected += (r.ackedSeqs.get(f.conv)?.length ?? 0) * f.recipients.length;
  void sentPerConv;
  return { expected, lost: Math.max(0, expected - r.received), gaps };
}

function errorsOf(r: Run): Record<string, number> {
  return Object.fromEntries(r.errors);
}

const handlers: Record<string, (a: never) => unknown> = {
  async connect(a: { users: { id: string; token: string; url: string }[]; concurrency: number }) {
    const lat: number[] = [];
    let failed = 0;
    const errors: string[] = [];
    const failedIds: string[] = [];
    const t0 = performance.now();
    await pool(a.users, a.concurrency, async (u) => {
      const c: Conn = { userId: u.id, url: u.url, token: u.token, ws: undefined, pinger: undefined, ready: false, seqs: new Map() };
      conns.set(u.id, c);
      const s = performance.now();
      try {
        await open(c);
        lat.push(performance.now() - s);
      } catch (err) {
        failed++;
        failedIds.push(u.id);
        if (errors.length < 5) errors.push((err as Error).message);
      }
    });
    const ms = performance.now() - t0;
    return { ok: lat.length, failed, failedIds, errors, ms, perSec: (lat.length / ms) * 1000, latency: dist(lat) };
  },

  async openLoop(a: { tag: string; flows: { from: string; conv: string; to: string }[]; rate: number; durationMs: number; warmupMs: number }) {
    const flows = a.flows.map((f) => ({ from: conn(f.from), conv: f.conv, to: f.to }));
    const start = wallMs();
    const r = newRun(a.tag, start + a.warmupMs);
    run = r;
    let sent = 0;
    let next = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < a.durationMs) {
      const due = Math.floor(((performance.now() - t0) * a.rate) / 1000);
      while (sent < due) {
        const f = flows[next++ % flows.length]!;
        sendChat(r, 0, f.from, f.conv);
        sent++;
      }
      await sleep(2);
    }
    const sendMs = performance.now() - t0;
    const drainMs = await drain(r, () => r.acked, 20_000);
    const check = verify(r, flows.map((f) => ({ conv: f.conv, recipients: [f.to] })), new Map());
    run = undefined;
    return {
      sent, offeredPerSec: (sent / sendMs) * 1000, acked: r.acked, received: r.received, dups: r.dups, errors: errorsOf(r), unacked: r.pending.size, drainMs, ...check,
      ack: r.ackLat, e2e: r.e2eLat,
    };
  },

  async closedLoop(a: { tag: string; flows: { from: string; conv: string; recipients: string[] }[]; window: number; durationMs: number; warmupMs: number }) {
    const flows = a.flows.map((f) => ({ from: conn(f.from), conv: f.conv, recipients: f.recipients }));
    const start = wallMs();
    const r = newRun(a.tag, start + a.warmupMs);
    run = r;
    const { sent, ackedInWindow } = await driveClosedLoop(r, { flows: flows.length, window: a.window, start, durationMs: a.durationMs }, (flow) => sendChat(r, flow, flows[flow]!.from, flows[flow]!.conv));
    const drainMs = await drain(r, () => {
      let e = 0;
      for (const f of flows) e += (r.ackedSeqs.get(f.conv)?.length ?? 0) * f.recipients.length;
      return e;
    }, 30_000);
    const check = verify(r, flows, new Map());
    run = undefined;
    const measuredSec = (a.durationMs - a.warmupMs) / 1000;
    return {
      sent, acked: r.acked, received: r.received, dups: r.dups, errors: errorsOf(r), unacked: r.pending.size, drainMs, ...check,
      ackedPerSec: ackedInWindow / measuredSec,
      deliveredPerSec: (ackedInWindow / measuredSec) * (flows.reduce((s, f) => s + f.recipients.length, 0) / flows.length),
      ack: dist(r.ackLat), e2e: dist(r.e2eLat),
    };
  },

  arm(a: { tag: string }) {
    armed.set(a.tag, { arrivals: new Map(), dups: 0 });
    return null;
  },

  sendOne(a: { from: string; conv: string; tag: string }) {
    const at = wallMs();
    send(conn(a.from), { type: 'send', client_msg_id: `f${process.pid}.${++cmidCounter}`, conversation_id: a.conv, content: `${a.tag}|${at}|${PAD}` });
    return at;
  },

  collect(a: { tag: string; disarm: boolean }) {
    const x = armed.get(a.tag);
    if (!x) return { got: 0, first: NaN, last: NaN, dups: 0 };
    if (a.disarm) armed.delete(a.tag);
    let first = Infinity;
    let last = -Infinity;
    for (const t of x.arrivals.values()) {
      if (t < first) first = t;
      if (t > last) last = t;
    }
    return { got: x.arrivals.size, first, last, dups: x.dups };
  },

  /** Drops every socket at once, as a network blip or a dead load balancer would. */
  drop(a: { limit: number }) {
    const some = [...conns.values()].slice(0, a.limit);
    for (const c of some) {
      clearInterval(c.pinger);
      c.ws?.removeAllListeners('close');
      c.ws?.on('close', () => undefined);
      c.ws?.terminate();
    }
    return some.length;
  },

  /** Every client reconnects at a random moment within the window, then syncs `conv` from its last seq. */
  async reconnect(a: { limit: number; windowMs: number; conv: string; targetSeq: number; timeoutMs: number }) {
    const some = [...conns.values()].slice(0, a.limit);
    const t0 = performance.now();
    const connectLat: number[] = [];
    const syncedAt: number[] = [];
    let failed = 0;
    const errors: string[] = [];
    await Promise.all(some.map(async (c) => {
      await sleep(Math.random() * a.windowMs);
      const s = performance.now();
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await open(c, a.timeoutMs);
          break;
        } catch (err) {
          if (attempt === 4) {
            failed++;
            if (errors.length < 5) errors.push((err as Error).message);
            return;
          }
          await sleep(200 * 2 ** attempt * Math.random());
        }
      }
      connectLat.push(performance.now() - s);
      send(c, { type: 'sync', conversations: { [a.conv]: c.seqs.get(a.conv) ?? 0 } });
      while ((c.seqs.get(a.conv) ?? 0) < a.targetSeq && performance.now() - t0 < a.timeoutMs) await sleep(20);
      if ((c.seqs.get(a.conv) ?? 0) >= a.targetSeq) syncedAt.push(performance.now() - t0);
    }));
    return { clients: some.length, reconnected: connectLat.length, failed, errors, synced: syncedAt.length, allSyncedMs: syncedAt.length ? Math.max(...syncedAt) : NaN, connect: dist(connectLat) };
  },

  seqOf(a: { conv: string }) {
    let min = Infinity;
    for (const c of conns.values()) min = Math.min(min, c.seqs.get(a.conv) ?? 0);
    return min;
  },

  async closeAll() {
    const t0 = performance.now();
    await pool([...conns.values()], 500, async (c) => {
      clearInterval(c.pinger);
      const ws = c.ws;
      if (!ws || ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          ws.terminate();
          resolve();
        }, 5000);
        ws.once('close', () => {
          clearTimeout(t);
          resolve();
        });
        ws.close(1000);
      });
    });
    const n = conns.size;
    conns.clear();
    return { closed: n, ms: performance.now() - t0 };
  },

  memory() {
    return process.memoryUsage().rss;
  },

  // the Centrifugo peer's clients and traffic (bench/scenarios/peer.ts), all named cf*
  ...centrifugoHandlers,
};

process.on('message', (msg: { id: number; cmd: string; args: unknown }) => {
  const h = handlers[msg.cmd];
  const reply = (body: Record<string, unknown>) => process.send?.({ id: msg.id, ...body });
  if (!h) {
    reply({ error: `unknown command ${msg.cmd}` });
    return;
  }
  Promise.resolve().then(() => h(msg.args as never)).then((result) => reply({ result }), (err: unknown) => reply({ error: err instanceof Error ? err.stack ?? err.message : String(err) }));
});
process.on('disconnect', () => process.exit(0));
export type { Dist };
