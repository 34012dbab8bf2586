// Friend requests through HTTP against the real workflow: an in-process Temporal worker on a
// task queue of this suite's own runs friend-request-{id}; the PUT is a Workflow Update and
// returns the 1:1 conversation on accept.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setGatewayConnections } from '../../repo/index.ts';
import { createActivities } from '../../activities/index.ts';
import { createActivityDeps } from '../../workers/deps.ts';
import { createGochatWorker } from '../../workers/worker.ts';
import { buildGateway, call, errorOf, guestUser, registerUser } from './helpers.ts';

let gw: FastifyInstance;
let worker: Worker;
let connection: NativeConnection;
let running: Promise<void>;

beforeAll(async () => {
  const built = await buildGateway({ TEMPORAL_TASK_QUEUE: `gw-friends-${randomBytes(4).toString('hex')}` });
  gw = built.app;
  connection = await NativeConnection.connect({ address: built.config.temporal.address });
  const deps = createActivityDeps({ orm: gw.orm, redis: gw.redis, producer: gw.kafka.producer, topics: gw.kafka.topics });
  worker = await createGochatWorker({ connection, config: built.config, activities: createActivities(deps) });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await connection?.close();
  await gw?.close();
});

describe('friend requests', () => {
  it('sends, lists both ways, accepts through the workflow and gets the 1:1 conversation', async () => {
    const [a, b] = await Promise.all([registerUser(gw, 'fa'), registerUser(gw, 'fb')]);
    const sent = await call(gw, { method: 'POST', url: '/friends/requests', token: a.token, payload: { target_user_id: b.id, message: 'hi!' } });
    expect(sent.statusCode).toBe(201);
    const request = sent.json<{ id: string; status: string; requester: { id: string } }>();
    expect(request).toMatchObject({ status: 'pending', requester: { id: a.id } });

    const again = await call(gw, { method: 'POST', url: '/friends/requests', token: a.token, payload: { target_user_id: b.id } });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(request.id);
    const reverse = await call(gw, { method: 'POST', url: '/friends/requests', token: b.token, payload: { target_user_id: a.id } });
    expect(reverse.statusCode).toBe(409);

    const incoming = await call(gw, { method: 'GET', url: '/friends/requests?direction=incoming&status=pending', token: b.token });
    expect(incoming.json<{ requests: { id: string }[] }>().requests.map((r) => r.id)).toContain(request.id);
    const outgoing = await call(gw, { method: 'GET', url: '/friends/requests?direction=outgoing', token: a.token });
    expect(outgoing.json<{ requests: { id: string }[] }>().requests.map((r) => r.id)).toContain(request.id);

    // The requester cannot answer their own request.
    const byRequester = await call(gw, { method: 'PUT', url: `/friends/requests/${request.id}`, token: a.token, payload: { action: 1 } });
    expect(byRequester.statusCode).toBe(403);

    const accepted = await call(gw, { method: 'PUT', url: `/friends/requests/${request.id}`, token: b.token, payload: { action: 1 } });
    expect(accepted.statusCode).toBe(200);
    const outcome = accepted.json<{ status: string; conversation_id: string; request: { status: string } }>();
    expect(outcome.status).toBe('accepted');
    expect(outcome.conversation_id).toMatch(/^\d+$/);

    const chat = await call(gw, { method: 'GET', url: `/conversations/${outcome.conversation_id}`, token: a.token });
    expect(chat.json()).toMatchObject({ conversation: { type: 1, member_count: 2 } });
    const online = async () => (await call(gw, { method: 'GET', url: '/friends', token: a.token })).json<{ friends: { user: { id: string }; online: boolean }[] }>().friends.find((f) => f.user.id === b.id)?.online;
    expect(await online()).toBe(false);
    // A friend connected somewhere shows as online in the list (a presence snapshot for clients).
    await setGatewayConnections(gw.redis, b.id, 'gw-friends-test', 1);
    expect(await online()).toBe(true);
    await setGatewayConnections(gw.redis, b.id, 'gw-friends-test', 0);

    const twice = await call(gw, { method: 'PUT', url: `/friends/requests/${request.id}`, token: b.token, payload: { action: 2 } });
    expect(twice.statusCode).toBe(409);
    const already = await call(gw, { method: 'POST', url: '/friends/requests', token: a.token, payload: { target_user_id: b.id } });
    expect(already.statusCode).toBe(409);
  }, 60_000);

  it('rejects, and hides other people’s requests', async () => {
    const [a, b, eve] = await Promise.all([registerUser(gw, 'ra'), registerUser(gw, 'rb'), registerUser(gw, 're')]);
    const id = (await call(gw, { method: 'POST', url: '/friends/requests', token: a.token, payload: { target_user_id: b.id } })).json<{ id: string }>().id;
    const byEve = await call(gw, { method: 'PUT', url: `/friends/requests/${id}`, token: eve.token, payload: { action: 1 } });
    expect(byEve.statusCode).toBe(404);
    const rejected = await call(gw, { method: 'PUT', url: `/friends/requests/${id}`, token: b.token, payload: { action: 2 } });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect(rejected.json()).not.toHaveProperty('conversation_id');
  }, 60_000);

  it('refuses guests, yourself and unknown users', async () => {
    const [g, u] = await Promise.all([guestUser(gw), registerUser(gw, 'fu')]);
    const byGuest = await call(gw, { method: 'POST', url: '/friends/requests', token: g.token, payload: { target_user_id: u.id } });
    expect(byGuest.statusCode).toBe(403);
    expect(errorOf(byGuest).code).toBe('FORBIDDEN');
    expect((await call(gw, { method: 'POST', url: '/friends/requests', token: u.token, payload: { target_user_id: g.id } })).statusCode).toBe(403);
    expect((await call(gw, { method: 'POST', url: '/friends/requests', token: u.token, payload: { target_user_id: u.id } })).statusCode).toBe(400);
    expect((await call(gw, { method: 'POST', url: '/friends/requests', token: u.token, payload: { target_user_id: '9223372036854775000' } })).statusCode).toBe(404);
    expect((await call(gw, { method: 'PUT', url: '/friends/requests/9223372036854775000', token: u.token, payload: { action: 1 } })).statusCode).toBe(404);
  });
});
