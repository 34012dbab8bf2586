// Gateway test harness: the real app (MySQL, Redis, Kafka, Temporal) on an un-listened Fastify
// instance, driven with inject. Every caller gets its own address so per-IP limits never
// couple tests; every account gets a unique name.
import { randomInt } from 'node:crypto';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import app, { serverOptions } from '../../gateway/app.ts';
import type { Config } from '../../config/index.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';

export { uniqueName };

export async function buildGateway(overrides: Record<string, string> = {}): Promise<{ app: FastifyInstance; config: Config }> {
  const config = testConfig({ LOG_LEVEL: 'silent', ...overrides });
  const instance = Fastify(serverOptions(config));
  await instance.register(app, { config });
  await instance.ready();
  return { app: instance, config };
}

export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
  ip: string;
}

export async function call(gw: FastifyInstance, opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse> {
  const { token, headers, ...rest } = opts;
  return gw.inject({
    remoteAddress: randomIp(),
    ...rest,
    headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

export async function registerUser(gw: FastifyInstance, prefix = 'u'): Promise<TestUser> {
  const username = uniqueName(prefix).slice(0, 32);
  const password = 'correct-horse-42';
  const ip = randomIp();
  const res = await gw.inject({ method: 'POST', url: '/auth/register', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; user: { id: string } }>();
  return { id: body.user.id, username, password, token: body.token, ip };
}

export async function guestUser(gw: FastifyInstance): Promise<TestUser> {
  const ip = randomIp();
  const res = await gw.inject({ method: 'POST', url: '/auth/guest', remoteAddress: ip });
  if (res.statusCode !== 201) throw new Error(`guest failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; user: { id: string; username: string } }>();
  return { id: body.user.id, username: body.user.username, password: '', token: body.token, ip };
}

/** Asserts the stable error body and returns it. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; field?: string } {
  return res.json<{ code: string; message: string; field?: string }>();
}
