// An unexpected failure tells a client nothing about the inside: INTERNAL_ERROR with a generic
// message and a request id, over REST and WebSocket alike; the detail is only in the log.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_MESSAGE } from '../../contract/index.ts';
import { buildGateway, call, registerUser, type TestUser } from './helpers.ts';

let gw: FastifyInstance;
let user: TestUser;
const secret = 'ER_NO_SUCH_TABLE: Table gochat.secret_things at 10.1.2.3:3306';

beforeAll(async () => {
  ({ app: gw } = await buildGateway());
  user = await registerUser(gw);
  const boom = () => Promise.reject(new Error(secret));
  gw.services.users.get = boom;
  gw.services.messages.catchUp = boom;
});
afterAll(async () => {
  await gw?.close();
});

describe('internal errors', () => {
  it('answers REST with 500 INTERNAL_ERROR, a generic message and the request id', async () => {
    const res = await call(gw, { method: 'GET', url: '/users/profile', token: user.token, headers: { 'x-request-id': 'req-42' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, request_id: 'req-42' });
    expect(res.body).not.toContain('ER_NO_SUCH_TABLE');
  });

  it('answers a WebSocket frame with an INTERNAL_ERROR frame carrying a request id and nothing more', async () => {
    const ws = await gw.injectWS(`/ws?token=${encodeURIComponent(user.token)}`);
    const frames: Record<string, unknown>[] = [];
    ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
    const until = async (pred: (f: Record<string, unknown>) => boolean) => {
      for (let i = 0; i < 200 && !frames.some(pred); i++) await new Promise((r) => setTimeout(r, 25));
      return frames.find(pred);
    };
    expect(await until((f) => f.type === 'ready')).toBeDefined();
    ws.send(JSON.stringify({ type: 'sync', conversations: { '12345': 0 } }));
    const err = await until((f) => f.type === 'error');
    expect(err).toEqual({ type: 'error', code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown });
    expect(JSON.stringify(frames)).not.toContain('ER_NO_SUCH_TABLE');
    ws.terminate();
  });
});
