// Presence end to end, with short timings: friends hear "online" once per real arrival, never
// hear anything when a connection flaps, hear "offline" after the delay, and hear it too when a
// gateway dies without closing its sockets (the expired-status cleanup Schedule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { createRedis, getOnlineStatus, type RedisClient } from '../../repo/index.ts';
import { redisKeys } from '../../repo/redis-keys.ts';
import { uniqueSuffix } from '../helpers/config.ts';
import { api, createGroup, registerUser, WsClient, type Frame, type User } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';

const OFFLINE_DELAY_MS = 2000;
let cluster: Cluster;
let rest: string;
let redis: RedisClient;
const clients: WsClient[] = [];

async function friends(): Promise<[User, User]> {
  const [a, b] = await Promise.all([registerUser(rest, 'pa'), registerUser(rest, 'pb')]);
  const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', a.token, { target_user_id: b.id });
  const answer = await api(rest, 'PUT', `/friends/requests/${req.body.id}`, b.token, { action: 1 });
  expect(answer.status).toBe(200);
  return [a, b];
}

async function connect(wsUrl: string, user: User): Promise<WsClient> {
  const c = await WsClient.connect(wsUrl, user.token);
  clients.push(c);
  return c;
}

const presenceOf = (userId: string) => (f: Frame) =>
  f.type === 'event' && (f.event as { type: string }).type === 'presence' && (f.event as { userId: string }).userId === userId;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cluster = await startCluster({
    gateways: 2,
    env: {
      REDIS_KEY_PREFIX: `p${uniqueSuffix()}:`,
      OFFLINE_DELAY_MS: String(OFFLINE_DELAY_MS),
      HEARTBEAT_INTERVAL_MS: '1000',
      HEARTBEAT_TIMEOUT_MS: '3000',
      CLEANUP_INTERVAL_MS: '1000',
      // Groups of more than 3 take the large-group path (the Temporal fan-out workflow).
      FANOUT_THRESHOLD: '3',
    },
  });
  rest = cluster.gateways[0]!.url;
  redis = createRedis(loadConfig({ ...process.env, ...cluster.env }));
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
  redis?.disconnect();
});

describe('presence across gateways', () => {
  it('announces online once, stays silent through a quick reconnect, and announces offline after the delay', async () => {
    const [a, b] = await friends();
    const watcher = await connect(cluster.gateways[1]!.wsUrl, b);
    const a1 = await connect(cluster.gateways[0]!.wsUrl, a);
    const online = await watcher.next(presenceOf(a.id));
    expect(online.event).toMatchObject({ userId: a.id, online: true });
    const a2 = await connect(cluster.gateways[1]!.wsUrl, a); // a second device: no second notice

    // Both sockets drop and one comes back well inside the delay: friends hear nothing.
    await Promise.all([a1.close(), a2.close()]);
    await sleep(300);
    const back = await connect(cluster.gateways[0]!.wsUrl, a);
    await sleep(OFFLINE_DELAY_MS + 1500);
    expect(watcher.all(presenceOf(a.id))).toHaveLength(1);

    await back.close();
    const offline = await waitFor('offline notice', () => watcher.all(presenceOf(a.id))[1], OFFLINE_DELAY_MS + 15_000);
    expect(offline.event).toMatchObject({ userId: a.id, online: false });
    await sleep(1000);
    expect(watcher.all(presenceOf(a.id))).toHaveLength(2);
  });

  it('takes the users of a gateway killed with SIGKILL offline through the cleanup schedule', async () => {
    const [a, b] = await friends();
    const doomed = await cluster.startGateway(`gwdoomed${Date.now().toString(36)}`);
    const watcher = await connect(cluster.gateways[0]!.wsUrl, b);
    await connect(doomed.wsUrl, a);
    await watcher.next(presenceOf(a.id));
    await doomed.proc.stop('SIGKILL');
    const offline = await waitFor('offline after the gateway died', () => watcher.all(presenceOf(a.id))[1], 30_000);
    expect(offline.event).toMatchObject({ userId: a.id, online: false });
  });

  it('writes again, at its next heartbeat, a record the cleanup took while the user is still connected', async () => {
    const [a, b] = await friends();
    const gw = cluster.gateways[0]!;
    const watcher = await connect(cluster.gateways[1]!.wsUrl, b);
    await connect(gw.wsUrl, a);
    await watcher.next(presenceOf(a.id));
    // What the expired-status cleanup removes when a gateway stalled past the timeout.
    await redis.hdel(redisKeys.online(a.id), gw.id);
    await redis.hdel(redisKeys.heartbeats(a.id), gw.id);
    expect(await getOnlineStatus(redis, a.id)).toEqual({ online: false, gateways: [] });
    await waitFor('record written again', async () => (await getOnlineStatus(redis, a.id)).online, 5000);
    expect(await getOnlineStatus(redis, a.id)).toEqual({ online: true, gateways: [gw.id] });
    expect(watcher.all(presenceOf(a.id))).toHaveLength(1); // healed silently
  });

  it('closes a connection that stopped pinging with 4009', async () => {
    const [, b] = await friends();
    const silent = new WsClient(`${cluster.gateways[0]!.wsUrl}?token=${encodeURIComponent(b.token)}`);
    clients.push(silent);
    await silent.next((f) => f.type === 'ready');
    await waitFor('idle close', () => silent.closeCode, 15_000);
    expect(silent.closeCode).toBe(4009);
  });

  it('answers frames over the per-connection rate with RATE_LIMITED and keeps the connection', async () => {
    const [a] = await friends();
    const c = await connect(cluster.gateways[1]!.wsUrl, a);
    for (let i = 0; i < 80; i++) c.send({ type: 'ping' });
    await waitFor('rate-limit errors', () => c.all((f) => f.type === 'error' && f.code === 'RATE_LIMITED').length > 0);
    expect(c.all((f) => f.type === 'pong').length).toBeLessThanOrEqual(50);
    await sleep(1100);
    c.send({ type: 'ping' });
    await waitFor('served again after the window', () => c.all((f) => f.type === 'pong').length > 0 && c.closeCode === undefined);
  });

  it('fans out a group over the threshold through the workflow to every member on both gateways', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => registerUser(rest, 'lg')));
    const conversationId = await createGroup(rest, users[0]!, users.slice(1));
    const conns = await Promise.all(users.map((u, i) => connect(cluster.gateways[i % 2]!.wsUrl, u)));
    conns[0]!.send({ type: 'send', client_msg_id: 'big-1', conversation_id: conversationId, content: 'to many' });
    const ack = await conns[0]!.next((f) => f.type === 'ack' && f.client_msg_id === 'big-1');
    for (const c of conns) {
      const m = await c.next((f) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === 'big-1');
      expect(m.message).toMatchObject({ message_id: ack.message_id, seq: 1 });
    }
  });

  it('lets a guest read and write the world conversation through the large-group path', async () => {
    const guest = await api<{ token: string; user: { id: string } }>(rest, 'POST', '/auth/guest');
    const g = { id: guest.body.user.id, username: 'guest', token: guest.body.token };
    const world = await api<{ conversation: { id: string; type: number } }>(rest, 'GET', '/conversations/world', g.token);
    expect(world.body.conversation.type).toBe(3);
    const [listener] = await Promise.all([registerUser(rest, 'wl')]);
    await api(rest, 'GET', '/conversations/world', listener.token); // joins the world
    const [cg, cl] = await Promise.all([connect(cluster.gateways[0]!.wsUrl, g), connect(cluster.gateways[1]!.wsUrl, listener)]);
    cg.send({ type: 'send', client_msg_id: 'hello-world', conversation_id: world.body.conversation.id, content: 'hi all' });
    await cg.next((f) => f.type === 'ack' && f.client_msg_id === 'hello-world');
    await cl.next((f) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === 'hello-world', 30_000);
  });
});
