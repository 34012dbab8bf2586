// Accounts and tokens through HTTP: register, login, guest, logout/revocation on every
// instance, and every kind of bad token refused with 401.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT, importPKCS8 } from 'jose';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.ts';
import { buildGateway, call, errorOf, guestUser, randomIp, registerUser, uniqueName } from './helpers.ts';

let gw: FastifyInstance;
let other: FastifyInstance;
let config: Config;

beforeAll(async () => {
  ({ app: gw, config } = await buildGateway({ LOGIN_ATTEMPTS_PER_MINUTE: '3', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '15' }));
  ({ app: other } = await buildGateway({ LOGIN_ATTEMPTS_PER_MINUTE: '3', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '15', GATEWAY_ID: 'gw-other' }));
});
afterAll(async () => {
  await Promise.all([gw?.close(), other?.close()]);
});

const profile = (token: string, app = gw) => call(app, { method: 'GET', url: '/users/profile', token });

describe('register and login', () => {
  it('registers, returns a working token, and logs in again with the password', async () => {
    const u = await registerUser(gw);
    const me = await profile(u.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: u.id, username: u.username, is_guest: false });

    const login = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
    expect(login.statusCode).toBe(200);
    const body = login.json<{ token: string; token_type: string; expires_at: number; user: { id: string } }>();
    expect(body.token_type).toBe('Bearer');
    expect(body.user.id).toBe(u.id);
    expect(body.expires_at).toBeGreaterThan(Date.now());
    expect((await profile(body.token)).statusCode).toBe(200);
  });

  it('refuses a taken username (case-insensitively) with 409 CONFLICT', async () => {
    const u = await registerUser(gw);
    const res = await call(gw, { method: 'POST', url: '/auth/register', payload: { username: u.username.toUpperCase(), password: 'another-pass-1' } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
  });

  it.each([
    ['no digit', 'onlyletters', 'body.password'],
    ['no letter', '1234567890', 'body.password'],
    ['too short', 'ab1', 'body.password'],
    ['contains the username', null, 'body.password'],
  ])('refuses a weak password (%s)', async (_name, password, field) => {
    const username = uniqueName('pw').slice(0, 32);
    const res = await call(gw, { method: 'POST', url: '/auth/register', payload: { username, password: password ?? `${username}9` } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_ERROR', field });
  });

  it('reserves guest names and the system account', async () => {
    const guest = await call(gw, { method: 'POST', url: '/auth/register', payload: { username: 'guest_abc', password: 'pass-word-12' } });
    expect(guest.statusCode).toBe(400);
    const system = await call(gw, { method: 'POST', url: '/auth/register', payload: { username: 'gochat', password: 'pass-word-12' } });
    expect(system.statusCode).toBe(409);
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const u = await registerUser(gw);
    const wrong = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: u.username, password: 'wrong-pass-1' } });
    const unknown = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: uniqueName('nobody'), password: 'wrong-pass-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
  });

  it('creates guest accounts that cannot log in with a password', async () => {
    const g = await guestUser(gw);
    expect(g.username).toMatch(/^guest_[0-9a-f]{12}$/);
    expect((await profile(g.token)).json()).toMatchObject({ is_guest: true });
    const login = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: g.username, password: 'anything-1' } });
    expect(login.statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('limits attempts per account, whatever the address', async () => {
    const u = await registerUser(gw);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: u.username, password: 'wrong-pass-1' } });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await call(gw, { method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits attempts per address, across accounts, on every instance', async () => {
    const ip = randomIp();
    const perIp = config.auth.loginAttemptsPerIpPerMinute;
    const statuses: number[] = [];
    for (let i = 0; i < perIp + 1; i++) {
      const instance = i % 2 === 0 ? gw : other;
      const res = await instance.inject({ method: 'POST', url: '/auth/login', remoteAddress: ip, payload: { username: uniqueName('x'), password: 'wrong-pass-1' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, perIp).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('logout and revocation', () => {
  it('revokes the token on every gateway instance; other sessions stay valid', async () => {
    const u = await registerUser(gw);
    const second = (await call(gw, { method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } })).json<{ token: string }>().token;
    expect((await profile(u.token, other)).statusCode).toBe(200);

    const out = await call(gw, { method: 'POST', url: '/auth/logout', token: u.token });
    expect(out.statusCode).toBe(204);

    for (const instance of [gw, other]) {
      const res = await profile(u.token, instance);
      expect(res.statusCode).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'UNAUTHORIZED', message: 'token revoked' });
    }
    expect((await call(gw, { method: 'POST', url: '/auth/logout', token: u.token })).statusCode).toBe(401);
    expect((await profile(second)).statusCode).toBe(200);
  });
});

describe('bad tokens', () => {
  let user: { id: string; token: string };
  beforeAll(async () => {
    user = await registerUser(gw);
  });
  const secret = () => new TextEncoder().encode(config.auth.jwtSecret);
  const claims = (jwt: SignJWT) => jwt.setSubject(user.id).setIssuer(config.auth.jwtIssuer).setAudience(config.auth.jwtAudience).setJti(crypto.randomUUID());

  async function expect401(token: string | undefined, header?: string) {
    const res = await gw.inject({ method: 'GET', url: '/users/profile', headers: header ? { authorization: header } : token ? { authorization: `Bearer ${token}` } : {} });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  }

  it('refuses a missing or malformed Authorization header', async () => {
    await expect401(undefined);
    await expect401(undefined, `Token ${user.token}`);
    await expect401(undefined, 'Bearer not-a-jwt');
    await expect401(undefined, 'Bearer ');
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const [h, p, s] = user.token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    payload.sub = '1';
    await expect401(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`);
    await expect401(`${h}.${p}.${s.slice(0, -2)}${s.endsWith('A') ? 'B' : 'A'}A`);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await claims(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now - 7200).setExpirationTime(now - 3600)).sign(secret());
    const res = await gw.inject({ method: 'GET', url: '/users/profile', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).message).toBe('token expired');
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = new UnsecuredJWT({ jti: 'x' }).setSubject(user.id).setIssuer(config.auth.jwtIssuer).setAudience(config.auth.jwtAudience).setIssuedAt(now).setExpirationTime(now + 600).encode();
    await expect401(token);
  });

  it('refuses HS/RS confusion: an RS256 token, and an HS256 token keyed with a public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const rsKey = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    await expect401(await claims(new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setIssuedAt(now).setExpirationTime(now + 600)).sign(rsKey));
    const pem = new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    await expect401(await claims(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + 600)).sign(pem));
  });

  it('refuses other algorithms, issuers, audiences and tokens without sub or jti', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = () => new SignJWT({}).setIssuedAt(now).setExpirationTime(now + 600);
    await expect401(await claims(base().setProtectedHeader({ alg: 'HS512' })).sign(secret()));
    await expect401(await claims(base().setProtectedHeader({ alg: 'HS256' })).setIssuer('someone-else').sign(secret()));
    await expect401(await claims(base().setProtectedHeader({ alg: 'HS256' })).setAudience('other-app').sign(secret()));
    await expect401(await base().setProtectedHeader({ alg: 'HS256' }).setIssuer(config.auth.jwtIssuer).setAudience(config.auth.jwtAudience).setJti('j').sign(secret()));
    await expect401(await base().setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setIssuer(config.auth.jwtIssuer).setAudience(config.auth.jwtAudience).sign(secret()));
  });

  it('accepts a well-formed token signed with the secret (the checks above are not vacuous)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await claims(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + 600)).sign(secret());
    expect((await profile(token)).statusCode).toBe(200);
  });
});
