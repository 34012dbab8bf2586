// Recovery without anyone's help, on the real processes: Redis losing every key of the run
// heals live delivery while clients stay connected, keeps logged-out tokens refused, and a
// socket that stops reading is closed instead of growing the gateway's memory.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../contract/index.ts';
import { createRedis } from '../../repo/index.ts';
import { testConfig } from '../helpers/config.ts';
import { api, createGroup, registerUser, WsClient, type Frame, type User } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';

const prefix = `rec${randomBytes(4).toString('hex')}:`;
const redis = createRedis(testConfig()); // no prefix: it deletes the run's keys by pattern
let cluster: Cluster;
let rest: string;
const clients: WsClient[] = [];

async function connect(user: User, gateway = 0): Promise<WsClient> {
  const c = await WsClient.connect(cluster.gateways[gateway]!.wsUrl, user.token);
  clients.push(c);
  return c;
}
const isMsg = (cmid: string) => (f: Frame) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === cmid;
const send = (c: WsClient, conversationId: string, cmid: string, content = cmid) =>
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content });

async function deleteRunKeys(): Promise<number> {
  let n = 0;
  for (let cursor = '0'; ;) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) n += await redis.del(...keys);
    if (next === '0') return n;
    cursor = next;
  }
}

beforeAll(async () => {
  cluster = await startCluster({ gateways: 2, env: { REDIS_KEY_PREFIX: prefix, WS_MAX_FRAMES_PER_SECOND: '5000', WS_MAX_BUFFERED_BYTES: '65536' } });
  rest = cluster.gateways[0]!.url;
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
  await deleteRunKeys().catch(() => 0);
  redis.disconnect();
});

describe('recovery', () => {
  it('heals live delivery within 15 s of Redis losing every key, with nobody reconnecting', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ha'), registerUser(rest, 'hb')]);
    const group = await createGroup(rest, a, [b], 'heal');
    const [ca, cb] = await Promise.all([connect(a, 0), connect(b, 1)]);
    send(ca, group, 'before-loss');
    await cb.next(isMsg('before-loss'));

    expect(await deleteRunKeys()).toBeGreaterThan(0);
    const lostAt = Date.now();
    // Keep sending (as a chat goes on) until one arrives live again.
    let i = 0;
    await waitFor('live delivery again', () => {
      send(ca, group, `after-loss-${i++}`);
      return cb.frames.some((f) => f.type === 'message' && String((f.message as { client_msg_id: string }).client_msg_id).startsWith('after-loss'));
    }, 15_000, 250);
    expect(Date.now() - lostAt).toBeLessThan(15_000);
    expect(ca.closeCode).toBeUndefined();
    expect(cb.closeCode).toBeUndefined();
  });

  it('keeps a logged-out token refused after Redis lost its keys', async () => {
    const u = await registerUser(rest, 'rv');
    expect((await api(rest, 'POST', '/auth/logout', u.token)).status).toBe(204);
    await deleteRunKeys();
    for (const gw of cluster.gateways) {
      const res = await api<{ code: string }>(gw.url, 'GET', '/users/profile', u.token);
      expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    }
  });

  it('closes a socket that stopped reading once its unsent frames pass the limit; the others carry on', { timeout: 120_000 }, async () => {
    const [a, b, c] = await Promise.all([registerUser(rest, 'sa'), registerUser(rest, 'sb'), registerUser(rest, 'sc')]);
    const group = await createGroup(rest, a, [b, c], 'slow');
    const [ca, stalled, cc] = await Promise.all([connect(a, 0), connect(b, 1), connect(c, 1)]);
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    // 15 MB: more than the kernel's socket buffers on loopback hold, so the gateway must queue.
    const big = 'x'.repeat(15_000);
    for (let n = 0; n < 1000; n++) send(ca, group, `flood-${n}`, big);
    // Resumed as soon as the gateway has given up on it: the close frame is read before the
    // gateway cuts the connection off (WS_SLOW_CLOSE grace), however loaded the machine.
    await waitFor('the gateway closed the stalled socket', async () => (await slowCloses(cluster.gateways[1]!.url)) >= 1, 60_000);
    (stalled.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor('the reader got everything', () => cc.all((f) => f.type === 'message').length >= 1000, 60_000);
    expect(ca.all((f) => f.type === 'error')).toEqual([]);
    await waitFor('the stalled socket closed', () => stalled.closeCode !== undefined, 10_000);
    expect(stalled.closeCode).toBe(CloseCode.slowConsumer);
    expect(stalled.all((f) => f.type === 'message').length).toBeLessThan(1000);
  });
});

async function slowCloses(gatewayUrl: string): Promise<number> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('gochat_ws_slow_closes_total'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
