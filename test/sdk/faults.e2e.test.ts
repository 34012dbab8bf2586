// The SDK through faults, on the real processes behind a TCP proxy that stands for the network:
// the connection cut during a burst, a half-open connection that goes silent, and the gateway
// killed (SIGKILL) and restarted while both sides keep sending. Every time, every send resolves
// with its stored message, nothing is stored twice, and both clients end holding every message
// exactly once and in seq order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../sdk/src/index.ts';
import { startCluster, waitFor, type Cluster, type GatewayProc } from '../realtime/harness.ts';
import { befriend, closeAll, delivered, signedUp, type Recorded } from './clients.ts';
import { startProxy, type TcpProxy } from './tcp-proxy.ts';

let cluster: Cluster;
let gateway: GatewayProc;
let proxy: TcpProxy;
let alice: Recorded;
let bob: Recorded;
let conv: string;
/** Every message stored so far, by the sends' results. */
const stored: WireMessage[] = [];

beforeAll(async () => {
  // A short heartbeat so a silent socket is noticed within seconds.
  cluster = await startCluster({ gateways: 1, env: { HEARTBEAT_INTERVAL_MS: '1000', WS_MAX_FRAMES_PER_SECOND: '200' } });
  gateway = cluster.gateways[0]!;
  proxy = await startProxy(Number(new URL(gateway.url).port));
  alice = await signedUp(proxy.url, 'sdk_fa', { maxFramesPerSecond: 150 });
  bob = await signedUp(proxy.url, 'sdk_fb', { maxFramesPerSecond: 150 });
  await Promise.all([alice.client.connect(), bob.client.connect()]);
  conv = await befriend(alice.client, bob.client);
  await waitFor('both know the conversation', () => [alice, bob].every((r) => r.client.conversations().some((c) => c.id === conv)));
}, 180_000);

afterAll(async () => {
  await closeAll();
  await proxy?.close();
  await cluster?.stop();
});

/** Both clients hold messages 1..n, each delivered exactly once, in seq order, and match what was stored. */
async function expectEveryMessageOnce(n: number): Promise<void> {
  expect(new Set(stored.map((m) => m.message_id)).size).toBe(n);
  expect(stored.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  for (const r of [alice, bob]) {
    await waitFor(`${r.username} delivers ${n}`, () => delivered(r, conv).length >= n, 20_000);
    const got = delivered(r, conv);
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(got.map((m) => m.message_id))).toEqual(new Set(stored.map((m) => m.message_id)));
    expect(r.client.messages(conv).map((m) => m.seq)).toEqual(got.map((m) => m.seq));
    expect(r.client.pending()).toEqual([]);
  }
}

/** `n` sends from each side, `everyMs` apart; resolves with their results. */
function traffic(tag: string, n: number, everyMs: number): Promise<WireMessage[]> {
  const sends: Promise<WireMessage>[] = [];
  return new Promise((resolve, reject) => {
    let i = 0;
    const timer = setInterval(() => {
      sends.push(alice.client.send(conv, `${tag} a${i}`), bob.client.send(conv, `${tag} b${i}`));
      if (++i === n) {
        clearInterval(timer);
        Promise.all(sends).then(resolve, reject);
      }
    }, everyMs);
  });
}

function statesSince(r: Recorded, from: number): string[] {
  return r.events.state.slice(from);
}

describe('the SDK through faults', () => {
  it('loses and doubles nothing when the network drops during a burst, and says reconnecting then online', { timeout: 60_000 }, async () => {
    const marks = [alice, bob].map((r) => r.events.state.length);
    const socketsBefore = proxy.accepted;
    // The cut comes with alice's 20th ack: part of the burst stored, part in flight.
    let inFlight = -1;
    let cutSockets = 0;
    let armed = false;
    const off = alice.client.on('outbox', (pending) => {
      if (armed && inFlight === -1 && pending.length <= 40) {
        inFlight = pending.length;
        cutSockets = proxy.cut();
      }
    });
    const sends: Promise<WireMessage>[] = [];
    for (let i = 0; i < 60; i++) sends.push(alice.client.send(conv, `burst a${i}`), bob.client.send(conv, `burst b${i}`));
    armed = true;
    const results = await Promise.all(sends);
    off();
    expect(inFlight).toBe(40);
    expect(cutSockets).toBeGreaterThan(0);
    stored.push(...results);
    await expectEveryMessageOnce(120);
    // The state events are recorded as the SDK emits them; wait for both before reading them.
    await waitFor('both went through reconnecting to online', () => [alice, bob].every((r, i) => statesSince(r, marks[i]!).includes('online')), 20_000);
    for (const [i, r] of [alice, bob].entries()) {
      const states = statesSince(r, marks[i]!);
      expect(states.slice(0, 2), `${r.username}: ${states.join(' → ')}`).toEqual(['reconnecting', 'online']);
      expect(r.client.state).toBe('online');
    }
    expect(proxy.accepted).toBeGreaterThan(socketsBefore);
    // Each send resolved with its own stored message: its client_msg_id, one seq each.
    expect(new Set(results.map((m) => m.client_msg_id)).size).toBe(results.length);
  });

  it('treats a silent connection as dead and reconnects, nothing lost', { timeout: 60_000 }, async () => {
    const marks = [alice, bob].map((r) => r.events.state.length);
    expect(proxy.freeze()).toBeGreaterThan(0);
    // Sent into the silence: unacked until the SDK gives up on the socket and resends.
    const during = traffic('silent', 5, 20);
    await waitFor('both back online', () => [alice, bob].every((r, i) => statesSince(r, marks[i]!).includes('online')), 20_000);
    stored.push(...(await during));
    await expectEveryMessageOnce(130);
    for (const [i, r] of [alice, bob].entries()) expect(statesSince(r, marks[i]!).slice(0, 2)).toEqual(['reconnecting', 'online']);
  });

  it('survives the gateway killed with SIGKILL and restarted mid-conversation', { timeout: 90_000 }, async () => {
    const marks = [alice, bob].map((r) => r.events.state.length);
    const before = traffic('kill', 60, 50);
    await new Promise((r) => setTimeout(r, 800));
    await gateway.proc.stop('SIGKILL');
    // Sends go on while it is down: queued, then resent to the new process.
    await waitFor('both notice', () => [alice, bob].every((r) => r.client.state === 'reconnecting'), 20_000);
    await waitFor('sends queued while it is down', () => alice.client.pending().length > 0 && bob.client.pending().length > 0, 5000);
    const restarted = await cluster.startGateway(gateway.id);
    proxy.retarget(Number(new URL(restarted.url).port));
    stored.push(...(await before));
    await expectEveryMessageOnce(250);
    for (const [i, r] of [alice, bob].entries()) {
      expect(statesSince(r, marks[i]!)).toContain('reconnecting');
      expect(r.client.state).toBe('online');
    }
    gateway = restarted;
  });
});
