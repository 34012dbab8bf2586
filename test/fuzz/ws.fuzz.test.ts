// Fuzzing the WebSocket edge of a real gateway process: about 2,000 mutated and random frames
// over one authenticated socket (and a few dozen mutated handshakes), paced under the
// per-connection rate limit. Nothing a client sends may produce an undocumented error code, an
// INTERNAL_ERROR, a frame outside the contract, an undocumented close, a lost answer to a
// well-formed send, or a dead process; and both users can still chat afterwards.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checker, CloseCode, errorCodes, parseClientFrame, ServerFrame, SYNC_MAX_LIMIT, type FrameLimits } from '../../contract/index.ts';
import { testConfig } from '../helpers/config.ts';
import { createGroup, registerUser, type User } from '../realtime/clients.ts';
import { startCluster, waitFor, type Cluster, type GatewayProc, type Proc } from '../realtime/harness.ts';
import {
  caseFlip, deepNesting, encode, garbageText, mutateObject, mutateText, preview, Rng, RawJson, setOwn, stringOfBytes, suiteSeed, unicodeString, WEIRD_IDS,
  type FieldHints, type Fuzzed,
} from './mutate.ts';

const SEED = suiteSeed(0x5eed_0001);
const FRAMES = 2000;
const HANDSHAKES = 60;
/** Gateway deaths after which the run stops sending (each costs a restart). */
const MAX_CRASHES = 3;

const defaults = testConfig();
const MAX_FRAME_BYTES = defaults.ws.maxFrameBytes;
const limits: FrameLimits = { maxContentBytes: defaults.chat.maxContentBytes, maxSyncConversations: 100 };
const serverFrame = checker(ServerFrame);
const closeCodes = new Set<number>(Object.values(CloseCode));

type Frame = Record<string, unknown> & { type: string };
const typeName = (f: Record<string, Fuzzed>) => (typeof f.type === 'string' ? f.type : '?');

/** A socket that records every frame as received, and whether it is valid per the contract. */
class Recorder {
  readonly socket: WebSocket;
  readonly frames: Frame[] = [];
  /** Frames that are not JSON or not a ServerFrame, with why. */
  readonly invalid: string[] = [];
  closeCode: number | undefined;
  closeReason = '';
  readonly label: string;
  private readonly opened: Promise<void>;

  constructor(label: string, url: string) {
    this.label = label;
    this.socket = new WebSocket(url);
    this.socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
      if (isBinary) this.invalid.push(`binary frame ${preview(text)}`);
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch {
        this.invalid.push(`not JSON: ${preview(text)}`);
        return;
      }
      const problem = serverFrame.problem(v);
      if (problem) this.invalid.push(`${problem.field} ${problem.problem}: ${preview(text)}`);
      if (typeof v === 'object' && v !== null) this.frames.push(v as Frame);
    });
    this.socket.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
      this.socket.once('close', () => resolve());
    });
  }

  static async connect(label: string, url: string, token: string): Promise<Recorder> {
    const r = new Recorder(label, `${url}?token=${encodeURIComponent(token)}`);
    await r.opened;
    await r.next((f) => f.type === 'ready');
    return r;
  }

  open(): Promise<void> {
    return this.opened;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** A text frame (a Buffer is sent as the frame's bytes, valid UTF-8 or not), or a binary one. */
  send(data: string | Buffer, binary = false): void {
    if (this.isOpen) this.socket.send(data, { binary });
  }

  next(pred: (f: Frame) => boolean, timeoutMs = 20_000): Promise<Frame> {
    return waitFor(`a frame on ${this.label}`, () => this.frames.find(pred), timeoutMs, 10);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close(1000);
    });
  }
}

/** The contract's own reading of a frame; undefined when the parser itself throws. */
function safeParse(text: string): ReturnType<typeof parseClientFrame> | undefined {
  try {
    return parseClientFrame(text, limits);
  } catch {
    return undefined;
  }
}

const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: Cluster;
/** The gateway under test; replaced by a fresh process if the fuzz kills it. */
let gateway: GatewayProc;
let rest: string;
let a: User;
let b: User;
let conversationId: string;
/** A group `a` is not in: sends and syncs there must be refused, not crash. */
let foreignConversationId: string;
const recorders: Recorder[] = [];

beforeAll(async () => {
  // The per-connection limit (50/s by default) has its own tests; here frames come at ~500/s.
  cluster = await startCluster({ gateways: 1, env: { WS_MAX_FRAMES_PER_SECOND: '2000' } });
  gateway = cluster.gateways[0]!;
  rest = gateway.url;
  [a, b] = await Promise.all([registerUser(rest, 'fza'), registerUser(rest, 'fzb')]);
  const outsider = await registerUser(rest, 'fzc');
  conversationId = await createGroup(rest, a, [b], 'fuzz');
  foreignConversationId = await createGroup(rest, outsider, [b], 'fuzz-foreign');
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(recorders.map((r) => r.close()));
  await cluster?.stop();
});

/** One frame to send: text (possibly invalid UTF-8 bytes) or binary, and how it was made. */
interface Planned {
  data: string | Buffer;
  binary: boolean;
  description: string;
  /** The text as the server decodes it (undefined for binary and non-UTF-8 frames). */
  serverText?: string;
  /** A WebSocket protocol error (invalid UTF-8, over the socket's maxPayload): the server closes. */
  protocolError?: boolean;
}

function planFrames(rng: Rng): Planned[] {
  const usedCmids: string[] = [];
  let n = 0;
  const cmid = () => {
    const id = `fz${SEED.toString(36)}-${n++}-${unicodeString(rng, 3).replace(/[^A-Za-z0-9]/g, '') || 'x'}`;
    usedCmids.push(id);
    return id;
  };
  const fields: Record<string, FieldHints> = {
    type: { valid: ['send', 'read', 'sync', 'ping', 'auth', 'ack', 'ready', 'message', 'error', 'pong', 'SEND', 'Send', 'send ', 'ping\u0000'] },
    client_msg_id: { maxLength: 64, valid: [] },
    conversation_id: { id: true, valid: [conversationId, foreignConversationId] },
    content: { maxLength: limits.maxContentBytes },
    msg_type: { range: [1, 255] },
    seq: { range: [0, Number.MAX_SAFE_INTEGER] },
    limit: { range: [1, SYNC_MAX_LIMIT] },
    since: { range: [0, Number.MAX_SAFE_INTEGER] },
    token: { maxLength: 4096, valid: [a.token, b.token, `${a.token}x`, a.token.split('.').reverse().join('.'), 'a.b.c'] },
    conversations: {
      valid: [
        { [conversationId]: 0 },
        { [foreignConversationId]: 0 },
        { [conversationId]: 0, [WEIRD_IDS[11]!]: 0 },
        Object.fromEntries(Array.from({ length: 100 }, (_, i) => [String(9_000_000_000_000 + i), 0])),
        Object.fromEntries(Array.from({ length: 101 }, (_, i) => [String(9_000_000_000_000 + i), 0])),
        new RawJson(`{"__proto__":0,"${conversationId}":0}`),
        new RawJson(`{"constructor":0}`),
        { [conversationId]: -1 },
        { [conversationId]: 1.5 },
        [conversationId],
      ],
    },
  };
  const templates: Record<string, () => Record<string, Fuzzed>> = {
    send: () => ({
      type: 'send',
      client_msg_id: cmid(),
      conversation_id: conversationId,
      content: rng.chance(0.1) ? stringOfBytes(rng, rng.pick([1, limits.maxContentBytes - 1, limits.maxContentBytes, limits.maxContentBytes + 1])) : `fuzz ${n} ${unicodeString(rng, rng.between(1, 20))}`,
      ...(rng.chance(0.3) ? { msg_type: rng.between(1, 255) } : {}),
    }),
    read: () => ({ type: 'read', conversation_id: conversationId, seq: rng.int(8) }),
    sync: () => ({ type: 'sync', conversations: { [conversationId]: rng.int(10) }, limit: rng.between(1, 20), ...(rng.chance(0.3) ? { since: Date.now() - 60_000 } : {}) }),
    ping: () => ({ type: 'ping' }),
    auth: () => ({ type: 'auth', token: a.token }),
  };
  const kinds = Object.keys(templates);
  const template = () => templates[rng.weighted<string>([[5, 'send'], [2, 'read'], [2, 'sync'], [1, 'ping'], [1, 'auth']])]!();

  const plan: Planned[] = [];
  const text = (t: string, description: string) => plan.push({ data: t, binary: false, description, serverText: Buffer.from(t, 'utf8').toString('utf8') });
  for (let i = 0; i < FRAMES; i++) {
    fields.client_msg_id!.valid = usedCmids.length > 0 ? [usedCmids[rng.int(usedCmids.length)]!, caseFlip(rng, usedCmids[rng.int(usedCmids.length)]!)] : [];
    const kind = rng.weighted<string>([
      [8, 'valid'], [57, 'mutated'], [10, 'mutated+text'], [8, 'garbage'], [4, 'binary'], [1, 'bad-utf8'], [1, 'oversize'], [1, 'deep'], [3, 'resend'], [3, 'case-variant'], [4, 'type-swap'],
    ]);
    switch (kind) {
      case 'valid': {
        const f = template();
        text(encode(f), `valid ${typeName(f)}`);
        break;
      }
      case 'mutated': {
        const f = template();
        const m = mutateObject(rng, f, fields, rng.between(1, 3));
        text(encode(m.value), `${typeName(f)} [${m.ops.join(', ')}]`);
        break;
      }
      case 'mutated+text': {
        const f = template();
        const m = mutateObject(rng, f, fields, rng.between(0, 2));
        const t = mutateText(rng, encode(m.value));
        text(t.text, `${typeName(f)} [${[...m.ops, `text:${t.op}`].join(', ')}]`);
        break;
      }
      case 'garbage':
        text(garbageText(rng), 'garbage');
        break;
      case 'binary': {
        const f = rng.chance(0.5) ? Buffer.from(encode(template())) : rng.bytes(rng.between(0, 300));
        plan.push({ data: f, binary: true, description: 'binary frame' });
        break;
      }
      case 'bad-utf8': {
        // A text frame whose bytes are not UTF-8 (a lone continuation byte inside JSON).
        const f = Buffer.concat([Buffer.from('{"type":"ping","x":"'), Buffer.from([rng.pick([0x80, 0xc3, 0xed, 0xff])]), Buffer.from('"}')]);
        plan.push({ data: f, binary: false, description: `text frame with invalid UTF-8 ${f.toString('hex')}`, protocolError: true });
        break;
      }
      case 'oversize': {
        // Over WS_MAX_FRAME_BYTES (an error frame); now and then far over it (close 1009).
        const far = rng.chance(0.15);
        const size = far ? MAX_FRAME_BYTES * 4 + rng.between(1, 1000) : MAX_FRAME_BYTES + rng.pick([-40, 1, 100, 50_000]);
        const f = { type: 'send', client_msg_id: cmid(), conversation_id: conversationId, content: 'x'.repeat(size) };
        text(encode(f), `send with ${size} bytes of content`);
        plan.at(-1)!.protocolError = far;
        break;
      }
      case 'deep': {
        // One field (any of the frame's, or `type`) nested thousands of levels deep.
        const f = template();
        const name = typeName(f);
        const field = rng.pick([...Object.keys(f), 'type', 'extra']);
        setOwn(f, field, deepNesting(rng, rng.pick([1000, 5000, 20_000])));
        text(encode(f), `${name} with ${field} nested deep`);
        break;
      }
      case 'resend': {
        // The same client_msg_id again: the same ack (idempotency), whatever the content.
        const id = usedCmids.length > 0 ? rng.pick(usedCmids) : cmid();
        text(encode({ type: 'send', client_msg_id: id, conversation_id: conversationId, content: `again ${unicodeString(rng, 5)}` }), `resend of ${id}`);
        break;
      }
      case 'case-variant': {
        // A different client_msg_id that differs from an earlier one only in letter case.
        const earlier = usedCmids.length > 0 ? rng.pick(usedCmids) : cmid();
        let id = caseFlip(rng, earlier);
        if (id === earlier) id = earlier.toUpperCase() === earlier ? earlier.toLowerCase() : earlier.toUpperCase();
        if (id !== earlier) usedCmids.push(id);
        text(encode({ type: 'send', client_msg_id: id, conversation_id: conversationId, content: `variant of ${earlier}` }), `case variant ${id} of ${earlier}`);
        break;
      }
      default: {
        // A well-formed frame of one type with the fields of another.
        const f = template();
        f.type = rng.pick(kinds);
        text(encode(f), `type swapped to ${typeName(f)}`);
      }
    }
  }
  return plan;
}

describe(`WebSocket fuzz (seed ${SEED}, FUZZ_SEED to change)`, () => {
  it(`survives ${FRAMES} mutated frames on one socket and ${HANDSHAKES} mutated handshakes`, async () => {
    const rng = new Rng(SEED);
    const plan = planFrames(rng);
    const handshakeRng = rng.fork();
    const problems: string[] = [];
    /** Closes the server initiated, with what was sent just before. */
    const closes: Close[] = [];

    const sockets: Recorder[] = [];
    const observers: Recorder[] = [];
    const connect = async (who: 'a' | 'b') => {
      const list = who === 'a' ? sockets : observers;
      const r = await Recorder.connect(`${who}#${list.length}`, gateway.wsUrl, who === 'a' ? a.token : b.token);
      recorders.push(r);
      list.push(r);
      return r;
    };
    let sock = await connect('a');
    let observer = await connect('b');
    const keepAlive = setInterval(() => observer.send(JSON.stringify({ type: 'ping' })), 20_000);

    /**
     * A dead gateway is a finding: note it with what was sent since the last sign of life, then
     * start a fresh one (same cluster, same topics) so the rest of the run still counts. The
     * first time, replay the suspects one by one to name the frame (unauthenticated first).
     * After MAX_CRASHES the fuzz stops: the finding is made, and restarts cost time.
     */
    let restarts = 0;
    let crashes = 0;
    let pinpointed = false;
    const restart = async () => {
      restarts++;
      gateway = await cluster.startGateway(`${cluster.gateways[0]!.id}r${restarts}`);
    };
    const crashReport = () => {
      const out = gateway.proc.output.join('');
      return out.slice(Math.max(0, out.lastIndexOf('\nfile://')), out.length).slice(0, 900);
    };
    const pinpoint = async (suspects: Sent[]): Promise<string> => {
      // First as the first frame of a socket that has not authenticated (the worst case), then
      // on an authenticated one.
      for (const authenticated of [false, true]) {
        for (const s of suspects) {
          const r = authenticated ? await Recorder.connect('pinpoint', gateway.wsUrl, a.token) : new Recorder('pinpoint-unauthenticated', gateway.wsUrl);
          await r.open();
          r.send(s.data, s.binary);
          if (authenticated) r.send(JSON.stringify({ type: 'ping' }));
          await waitFor('an answer or a close', () => r.frames.some((f) => f.type === 'pong' || f.type === 'error') || r.closeCode !== undefined, 5000).catch(() => undefined);
          await sleep(100);
          await r.close();
          if (alive(gateway.proc)) continue;
          await restart();
          return `replayed alone, this frame kills the gateway${authenticated ? '' : ' even as the first frame of a socket that has not authenticated'}:\n      ${s.description}`;
        }
      }
      return 'replayed one by one, none of them killed it alone';
    };
    const survived = async (suspects: Sent[]): Promise<boolean> => {
      if (alive(gateway.proc)) return true;
      crashes++;
      problems.push(`gateway ${gateway.id} exited (${String(gateway.proc.child.exitCode ?? gateway.proc.child.signalCode)}) after one of:\n      ${suspects.map((x) => x.description).join('\n      ')}\n    its output ends with:\n${crashReport()}`);
      await restart();
      if (!pinpointed) {
        pinpointed = true;
        problems.push(`gateway crash pinpointed: ${await pinpoint(suspects)}`);
      }
      sock = await connect('a');
      observer = await connect('b');
      return false;
    };

    /** Text sends the server reads as well-formed, on which socket, for the answer check. */
    const wellFormed: { cmid: string; text: string; socket: Recorder }[] = [];
    const pongs = () => sock.frames.filter((f) => f.type === 'pong').length;
    // Frames since the last pong, and those before it: a pong can leave before the process
    // dies of a frame read just before the ping, so both windows are suspects of a crash.
    let window: Sent[] = [];
    let previous: Sent[] = [];
    const started = Date.now();
    let sentCount = 0;
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      sentCount++;
      const sent: Sent = { data: p.data, binary: p.binary, description: `#${i} ${p.description}: ${preview(p.data)}` };
      sock.send(p.data, p.binary);
      window.push(sent);
      const parsed = p.serverText !== undefined && Buffer.byteLength(p.serverText) <= MAX_FRAME_BYTES ? safeParse(p.serverText) : undefined;
      if (parsed?.ok && parsed.frame.type === 'send') wellFormed.push({ cmid: parsed.frame.client_msg_id, text: p.serverText!, socket: sock });
      // After a frame the server must close on, stop writing until it has: the close code is
      // then the server's (a client still writing may see the connection reset, 1006, instead).
      const checkpoint = p.protocolError || i % 10 === 9 || i === plan.length - 1;
      if (!checkpoint) continue;
      // A ping every 10 frames keeps a crash pinned on a few frames, and the pace well under
      // 2000 frames/s.
      const before = pongs();
      if (!p.protocolError) sock.send(JSON.stringify({ type: 'ping' }));
      await waitFor('pong or close', () => (!p.protocolError && pongs() > before) || sock.closeCode !== undefined || !alive(gateway.proc), p.protocolError ? 2000 : 20_000).catch(() => undefined);
      await sleep(10);
      if (!(await survived([...previous, ...window]))) {
        [previous, window] = [[], []];
        if (crashes < MAX_CRASHES) continue;
        problems.push(`stopped the fuzz at frame #${i} of ${plan.length}: the gateway died ${crashes} times`);
        break;
      }
      if (sock.closeCode !== undefined || !sock.isOpen) {
        await waitFor('the close to complete', () => sock.closeCode !== undefined, 5000);
        closes.push({ code: sock.closeCode!, reason: sock.closeReason, lastSent: window.slice(-10).map((x) => x.description) });
        sock = await connect('a');
      }
      [previous, window] = [window, []];
    }
    const fuzzMs = Date.now() - started;

    // Handshakes: a fresh socket whose first frame (or query token) is mutated.
    const handshakes = { frames: [] as Frame[], invalid: [] as string[], outcomes: {} as Record<string, number> };
    for (let i = 0; i < HANDSHAKES && crashes < MAX_CRASHES; i++) {
      const h = await fuzzHandshake(handshakeRng, i);
      handshakes.frames.push(...h.frames);
      handshakes.invalid.push(...h.invalid);
      handshakes.outcomes[h.outcome] = (handshakes.outcomes[h.outcome] ?? 0) + 1;
      if (h.close && alive(gateway.proc)) closes.push(h.close);
      await survived([h.sent]);
    }

    // Let every answer arrive (acks come back through Kafka): wait until the sockets fall quiet.
    const all = () => sockets.flatMap((s) => s.frames);
    let count = -1;
    await waitFor('the fuzzed socket to fall quiet', async () => {
      const now = sockets.reduce((s, x) => s + x.frames.length, 0);
      if (now === count) return true;
      count = now;
      await sleep(1500);
      return false;
    }, 60_000, 0);
    if (!sock.isOpen) sock = await connect('a');

    // A well-formed send is answered (ack, or an error with its client_msg_id). A socket that
    // closed may have missed its answers; like a real client, resend those once on the new one.
    const answered = (id: string) => all().some((f) => (f.type === 'ack' || f.type === 'error') && f.client_msg_id === id);
    const unanswered = wellFormed.filter((w) => !answered(w.cmid));
    for (const w of unanswered) sock.send(w.text);
    await waitFor('answers to resent sends', () => unanswered.every((w) => answered(w.cmid)), 20_000).catch(() => undefined);
    for (const w of unanswered.filter((u) => !answered(u.cmid))) {
      problems.push(`no ack or error for a well-formed send, even resent: ${w.cmid} (first sent on ${w.socket.label}${w.socket.closeCode !== undefined ? `, closed ${w.socket.closeCode}` : ''}): ${preview(w.text)}`);
    }

    // Afterwards both users chat normally.
    const finalA = `final-a-${SEED}`;
    const finalB = `final-b-${SEED}`;
    sock.send(JSON.stringify({ type: 'send', client_msg_id: finalA, conversation_id: conversationId, content: 'after the fuzz, from a' }));
    observer.send(JSON.stringify({ type: 'send', client_msg_id: finalB, conversation_id: conversationId, content: 'after the fuzz, from b' }));
    const isAck = (id: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === id;
    const isMsg = (id: string) => (f: Frame) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === id;
    const checks: [string, Recorder, (f: Frame) => boolean][] = [
      ['a gets the ack of its final send', sock, isAck(finalA)],
      ['b gets the ack of its final send', observer, isAck(finalB)],
      ["b gets a's final message", observer, isMsg(finalA)],
      ["a gets b's final message", sock, isMsg(finalB)],
    ];
    for (const [what, r, pred] of checks) await r.next(pred, 15_000).catch(() => problems.push(`after the fuzz, ${what}: it never came`));
    clearInterval(keepAlive);

    // Report what the run covered, then check every invariant.
    const frames = all();
    const codes = new Map<string, number>();
    for (const f of frames) if (f.type === 'error') codes.set(String(f.code), (codes.get(String(f.code)) ?? 0) + 1);
    const acks = frames.filter((f) => f.type === 'ack');
    console.warn(`ws fuzz seed ${SEED}: ${sentCount} of ${plan.length} frames sent in ${fuzzMs} ms on ${sockets.length} socket(s), ${crashes} gateway crash(es), ${restarts} restart(s); ${wellFormed.length} well-formed sends, ${acks.length} acks; errors ${JSON.stringify(Object.fromEntries(codes))}; closes ${JSON.stringify(closes.map((c) => c.code))}; handshakes ${JSON.stringify(handshakes.outcomes)}`);

    for (const f of [...frames, ...observers.flatMap((o) => o.frames), ...handshakes.frames]) {
      if (f.type === 'error' && !errorCodes.includes(f.code as never)) problems.push(`undocumented error code ${JSON.stringify(f.code)}`);
      if (f.type === 'error' && f.code === 'INTERNAL_ERROR') problems.push(`INTERNAL_ERROR: ${JSON.stringify(f)}`);
    }
    for (const r of [...sockets, ...observers]) for (const bad of r.invalid) problems.push(`${r.label} received a frame outside the contract: ${bad}`);
    for (const bad of handshakes.invalid) problems.push(`a handshake socket received a frame outside the contract: ${bad}`);
    // Undocumented closes, one line per code: how often, and what preceded the first two.
    const undocumented = new Map<number, Close[]>();
    for (const c of closes) if (!closeCodes.has(c.code)) undocumented.set(c.code, [...(undocumented.get(c.code) ?? []), c]);
    for (const [code, list] of undocumented) {
      problems.push(`closed ${list.length} time(s) with undocumented code ${code} (${list[0]!.reason || 'no reason'}); the first times after:\n      ${list.slice(0, 2).map((c) => c.lastSent.join('\n      ')).join('\n      --\n      ')}`);
    }
    // One client_msg_id is one message; distinct client_msg_ids are distinct messages.
    const byCmid = new Map<string, Set<string>>();
    const byMessage = new Map<string, Set<string>>();
    for (const f of acks) {
      const [cmid, mid] = [String(f.client_msg_id), String(f.message_id)];
      byCmid.set(cmid, (byCmid.get(cmid) ?? new Set()).add(mid));
      byMessage.set(mid, (byMessage.get(mid) ?? new Set()).add(cmid));
    }
    for (const [cmid, mids] of byCmid) if (mids.size > 1) problems.push(`client_msg_id ${cmid} acked as ${mids.size} different messages: ${[...mids].join(', ')}`);
    for (const [mid, cmids] of byMessage) if (cmids.size > 1) problems.push(`message ${mid} acked for ${cmids.size} different client_msg_ids ${JSON.stringify([...cmids])}: the later sends were not stored`);
    for (const p of [gateway.proc, cluster.logic, cluster.worker]) if (!alive(p)) problems.push(`${p.name} exited (${String(p.child.exitCode ?? p.child.signalCode)})`);

    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  }, 150_000);
});

interface Sent {
  data: string | Buffer;
  binary: boolean;
  description: string;
}

interface Close {
  code: number;
  reason: string;
  lastSent: string[];
}

/** A fresh socket whose authentication is mutated: it gets `ready` or a documented close. */
async function fuzzHandshake(rng: Rng, i: number): Promise<{ frames: Frame[]; invalid: string[]; outcome: string; close?: Close; sent: Sent }> {
  const fields: Record<string, FieldHints> = {
    type: { valid: ['auth', 'ping', 'send', 'AUTH'] },
    token: { maxLength: 4096, valid: [a.token, b.token, `${a.token}.x`, a.token.slice(0, -1), a.token.replace(/\.[^.]*$/, '.'), 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'] },
  };
  let url = gateway.wsUrl;
  let first: string | undefined;
  let description: string;
  if (rng.chance(0.3)) {
    let token = rng.chance(0.5) ? encode(mutateObject(rng, { token: a.token }, fields, 1).value.token ?? '') : mutateText(rng, a.token).text;
    // An empty query token means "authenticate by frame": that only waits for the 10 s timeout.
    if (token.trim() === '') token = 'x';
    url = `${url}?token=${encodeURIComponent(token)}`;
    description = `handshake #${i}: query token ${preview(token)}`;
  } else {
    const m = mutateObject(rng, { type: 'auth', token: rng.chance(0.5) ? a.token : b.token }, fields, rng.between(1, 2));
    first = rng.chance(0.2) ? mutateText(rng, encode(m.value)).text : encode(m.value);
    description = `handshake #${i}: first frame ${preview(first)} [${m.ops.join(', ')}]`;
  }
  const r = new Recorder(`handshake#${i}`, url);
  try {
    await r.open();
  } catch (err) {
    // The HTTP upgrade itself was refused (a URL too long, say): fine, unless the server failed.
    const message = err instanceof Error ? err.message : String(err);
    return { frames: [], invalid: /response: 5\d\d/.test(message) ? [`upgrade answered ${message} for ${description}`] : [], outcome: `refused: ${message}`, sent: { data: first ?? '', binary: false, description } };
  }
  if (first !== undefined) r.send(first);
  // `ready`, or a close: whichever comes first.
  await waitFor('ready or close', () => r.frames.some((f) => f.type === 'ready') || r.closeCode !== undefined, 15_000);
  const outcome = r.frames.some((f) => f.type === 'ready') ? 'ready' : `close ${r.closeCode}`;
  const close = r.closeCode !== undefined ? { code: r.closeCode, reason: r.closeReason, lastSent: [description] } : undefined;
  await r.close();
  return { frames: r.frames, invalid: r.invalid, outcome, ...(close ? { close } : {}), sent: { data: first ?? '', binary: false, description } };
}
