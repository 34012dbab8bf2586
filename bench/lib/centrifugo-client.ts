// The load generator's side of the Centrifugo peer: a minimal client of Centrifugo's JSON
// protocol over WebSocket (commands with ids and their replies, pushed publications, ping/pong)
// and the traffic the orchestrator asks for over IPC. loadgen.ts serves these handlers next to
// GoChat's; they mirror its openLoop/closedLoop so both systems get the same kind of load.
import WebSocket from 'ws';
import { drain, driveClosedLoop, newLoadRun, type LoadRun } from './load-run.ts';
import { dist, sleep, wallMs } from './stats.ts';

interface ReplyError { code: number; message: string }
/** What a publication carries: the same `tag|sentAt|pad` content as a GoChat message. */
interface Payload { id: string; from: string; content: string }
interface Pub { data?: Payload; offset?: number }
interface Reply {
  id?: number;
  error?: ReplyError;
  connect?: { client: string; ping?: number; pong?: boolean };
  push?: { channel: string; pub?: Pub };
}
type Done = (err: ReplyError | undefined, reply: Reply) => void;

export class CfClient {
  readonly userId: string;
  private ws: WebSocket | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Done>();
  private pong = false;
  private readonly onPub: (c: CfClient, channel: string, pub: Pub) => void;

  constructor(userId: string, onPub: (c: CfClient, channel: string, pub: Pub) => void) {
    this.userId = userId;
    this.onPub = onPub;
  }

  /** Connects with the token and subscribes to every channel; resolves once all are replied. */
  open(url: string, token: string, channels: string[], timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('connect timeout'));
      }, timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e);
      };
      ws.on('open', () => {
        this.command({ connect: { token, name: 'gochat-bench' } }, (err, r) => {
          if (err) return fail(new Error(`connect: ${err.code} ${err.message}`));
          this.pong = r.connect?.pong === true;
          let left = channels.length;
          const subscribed = () => {
            if (left > 0) return;
            clearTimeout(timer);
            resolve();
          };
          subscribed();
          for (const channel of channels) {
            this.command({ subscribe: { channel } }, (e) => {
              if (e) return fail(new Error(`subscribe ${channel}: ${e.code} ${e.message}`));
              left--;
              subscribed();
            });
          }
        });
      });
      ws.on('message', (data: WebSocket.RawData) => this.onData(data as Buffer));
      ws.on('error', fail);
      ws.on('close', (code, reason) => {
        for (const done of this.waiting.values()) done({ code: 0, message: `closed ${code}` }, {});
        this.waiting.clear();
        fail(new Error(`closed ${code} ${reason.toString()}`));
      });
    });
  }

  publish(channel: string, data: Payload, done: Done): void {
    this.command({ publish: { channel, data } }, done);
  }

  private command(body: Record<string, unknown>, done: Done): void {
    if (this.ws?.readyState !== WebSocket.OPEN) {
      done({ code: 0, message: 'not connected' }, {});
      return;
    }
    const id = ++this.nextId;
    this.waiting.set(id, done);
    this.ws.send(JSON.stringify({ id, ...body }));
  }

  private onData(buf: Buffer): void {
    // The server may put several replies in one frame, one JSON object per line.
    for (const line of buf.toString('utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as Reply;
      if (r.id) {
        const done = this.waiting.get(r.id);
        this.waiting.delete(r.id);
        done?.(r.error, r);
      } else if (r.push) {
        if (r.push.pub) this.onPub(this, r.push.channel, r.push.pub);
      } else if (this.pong && this.ws?.readyState === WebSocket.OPEN) {
        // an empty object is the server's ping; the connection is dropped without the pong
        this.ws.send('{}');
      }
    }
  }

  close(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
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
  }
}

// ---- the load generator's Centrifugo traffic ----
const clients = new Map<string, CfClient>();
const PAD = 'x'.repeat(80);

interface CfRun extends LoadRun {
  /** the sender's own copies (it is subscribed to the channel it publishes to) */
  echoes: number;
  /** recipient+channel -> last offset seen; an offset that does not follow is a gap */
  lastOffset: Map<string, number>;
  gaps: number;
  ackedPerChannel: Map<string, number>;
}
let run: CfRun | undefined;

function newRun(tag: string, measureFrom: number): CfRun {
  return { ...newLoadRun(tag, measureFrom), echoes: 0, lastOffset: new Map(), gaps: 0, ackedPerChannel: new Map() };
}

function onPub(c: CfClient, channel: string, pub: Pub): void {
  const r = run;
  const d = pub.data;
  if (!r || !d || typeof d.content !== 'string' || !d.content.startsWith(`${r.tag}|`)) return;
  // GoChat's counterpart of this copy goes to the sender's other devices; only the recipient's
  // copy is timed and accounted.
  if (d.from === c.userId) {
    r.echoes++;
    return;
  }
  let seen = r.seen.get(c.userId);
  if (!seen) r.seen.set(c.userId, (seen = new Set()));
  if (seen.has(d.id)) {
    r.dups++;
    return;
  }
  seen.add(d.id);
  r.received++;
  if (pub.offset !== undefined) {
    const key = `${c.userId} ${channel}`;
    const last = r.lastOffset.get(key);
    if (last !== undefined && pub.offset !== last + 1) r.gaps++;
    r.lastOffset.set(key, pub.offset);
  }
  const bar = d.content.indexOf('|');
  const sentAt = Number(d.content.slice(bar + 1, d.content.indexOf('|', bar + 1)));
  if (sentAt >= r.measureFrom) r.e2eLat.push(wallMs() - sentAt);
}

let idCounter = 0;
function publish(r: CfRun, flow: number, from: CfClient, channel: string): void {
  const id = `c${process.pid}.${++idCounter}`;
  const at = wallMs();
  r.pending.set(id, { at, flow });
  from.publish(channel, { id, from: from.userId, content: `${r.tag}|${at}|${PAD}` }, (err) => {
    if (!r.pending.delete(id)) return;
    if (err) {
      const code = String(err.code);
      r.errors.set(code, (r.errors.get(code) ?? 0) + 1);
      return;
    }
    r.acked++;
    if (at >= r.measureFrom) r.ackLat.push(wallMs() - at);
    r.ackedPerChannel.set(channel, (r.ackedPerChannel.get(channel) ?? 0) + 1);
    r.onAck?.(flow);
  });
}

function client(id: string): CfClient {
  const c = clients.get(id);
  if (!c) throw new Error(`no Centrifugo client for user ${id} in this loadgen`);
  return c;
}

interface Flow { from: string; to: string; channel: string }

/** Every acked publication must reach the flow's recipient exactly once. */
function expected(r: CfRun, flows: Flow[]): number {
  return flows.reduce((s, f) => s + (r.ackedPerChannel.get(f.channel) ?? 0), 0);
}

function outcome(r: CfRun, flows: Flow[]) {
  const exp = expected(r, flows);
  return {
    acked: r.acked, received: r.received, echoes: r.echoes, dups: r.dups, gaps: r.gaps, expected: exp,
    lost: Math.max(0, exp - r.received), unacked: r.pending.size, errors: Object.fromEntries(r.errors),
  };
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

export const centrifugoHandlers = {
  async cfConnect(a: { users: { id: string; token: string; url: string; channels: string[] }[]; concurrency: number }) {
    const lat: number[] = [];
    let failed = 0;
    const errors: string[] = [];
    const t0 = performance.now();
    await pool(a.users, a.concurrency, async (u) => {
      const c = new CfClient(u.id, onPub);
      clients.set(u.id, c);
      const s = performance.now();
      try {
        await c.open(u.url, u.token, u.channels);
        lat.push(performance.now() - s);
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push((err as Error).message);
      }
    });
    const ms = performance.now() - t0;
    return { ok: lat.length, failed, errors, ms, perSec: (lat.length / ms) * 1000, latency: dist(lat) };
  },

  async cfOpenLoop(a: { tag: string; flows: Flow[]; rate: number; durationMs: number; warmupMs: number }) {
    const flows = a.flows.map((f) => ({ from: client(f.from), channel: f.channel }));
    const r = newRun(a.tag, wallMs() + a.warmupMs);
    run = r;
    let sent = 0;
    let next = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < a.durationMs) {
      const due = Math.floor(((performance.now() - t0) * a.rate) / 1000);
      while (sent < due) {
        const f = flows[next++ % flows.length]!;
        publish(r, 0, f.from, f.channel);
        sent++;
      }
      await sleep(2);
    }
    const sendMs = performance.now() - t0;
    const drainMs = await drain(r, () => expected(r, a.flows), 20_000);
    run = undefined;
    return { sent, offeredPerSec: (sent / sendMs) * 1000, drainMs, ...outcome(r, a.flows), ack: r.ackLat, e2e: r.e2eLat };
  },

  async cfClosedLoop(a: { tag: string; flows: Flow[]; window: number; durationMs: number; warmupMs: number }) {
    const flows = a.flows.map((f) => ({ from: client(f.from), channel: f.channel }));
    const start = wallMs();
    const r = newRun(a.tag, start + a.warmupMs);
    run = r;
    const { sent, ackedInWindow } = await driveClosedLoop(r, { flows: flows.length, window: a.window, start, durationMs: a.durationMs }, (flow) => publish(r, flow, flows[flow]!.from, flows[flow]!.channel));
    const drainMs = await drain(r, () => expected(r, a.flows), 30_000);
    run = undefined;
    const measuredSec = (a.durationMs - a.warmupMs) / 1000;
    return {
      sent, drainMs, ...outcome(r, a.flows),
      ackedPerSec: ackedInWindow / measuredSec,
      // one recipient per 1:1 flow
      deliveredPerSec: ackedInWindow / measuredSec,
      ack: dist(r.ackLat), e2e: dist(r.e2eLat),
    };
  },

  async cfCloseAll() {
    const t0 = performance.now();
    await pool([...clients.values()], 500, (c) => c.close());
    const n = clients.size;
    clients.clear();
    return { closed: n, ms: performance.now() - t0 };
  },
};
