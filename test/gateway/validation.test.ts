// A table of malformed requests per route: every one is refused with 400 VALIDATION_ERROR
// naming the field, before any rule runs; none is ever a 500.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.ts';
import { buildGateway, call, errorOf, registerUser, type TestUser } from './helpers.ts';

let gw: FastifyInstance;
let config: Config;
let user: TestUser;
beforeAll(async () => {
  ({ app: gw, config } = await buildGateway());
  user = await registerUser(gw, 'val');
});
afterAll(async () => {
  await gw?.close();
});

type Case = [name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown, field: string];
const long = (n: number) => 'a'.repeat(n);
const C = '/conversations/1';

const cases: Case[] = [
  ['id beyond 64 bits in the path', 'GET', '/conversations/18446744073709551616/messages', undefined, 'params.id'],
  ['id of twenty nines in the path', 'POST', '/conversations/99999999999999999999/read', { seq: 1 }, 'params.id'],
  ['register: unknown field', 'POST', '/auth/register', { username: 'abc', password: 'pass-word-1', admin: true }, 'body.admin'],
  ['register: missing password', 'POST', '/auth/register', { username: 'abcd' }, 'body.password'],
  ['register: number username', 'POST', '/auth/register', { username: 12345, password: 'pass-word-1' }, 'body.username'],
  ['register: over-long username', 'POST', '/auth/register', { username: long(33), password: 'pass-word-1' }, 'body.username'],
  ['register: bad characters', 'POST', '/auth/register', { username: 'a b<c>', password: 'pass-word-1' }, 'body.username'],
  ['register: over-long password', 'POST', '/auth/register', { username: 'abcd', password: `${long(128)}1` }, 'body.password'],
  ['register: array body', 'POST', '/auth/register', [1, 2], 'body'],
  ['login: empty username', 'POST', '/auth/login', { username: '', password: 'x' }, 'body.username'],
  ['login: null password', 'POST', '/auth/login', { username: 'abc', password: null }, 'body.password'],
  ['profile: unknown field', 'PUT', '/users/profile', { nickname: 'n', is_guest: true }, 'body.is_guest'],
  ['profile: empty patch', 'PUT', '/users/profile', {}, 'body'],
  ['profile: not a URL', 'PUT', '/users/profile', { avatar_url: 'javascript:alert(1)' }, 'body.avatar_url'],
  ['profile: over-long nickname', 'PUT', '/users/profile', { nickname: long(65) }, 'body.nickname'],
  ['search: missing q', 'GET', '/users/search', undefined, 'querystring.q'],
  ['search: limit too high', 'GET', '/users/search?q=a&limit=1000', undefined, 'querystring.limit'],
  ['search: unknown parameter', 'GET', '/users/search?q=a&sort=name', undefined, 'querystring.sort'],
  ['user: id not a number', 'GET', '/users/abc', undefined, 'params.id'],
  ['user: id with leading zero', 'GET', '/users/0123', undefined, 'params.id'],
  ['friend request: id as number', 'POST', '/friends/requests', { target_user_id: 5 }, 'body.target_user_id'],
  ['friend request: over-long message', 'POST', '/friends/requests', { target_user_id: '5', message: long(256) }, 'body.message'],
  ['friend answer: action 3', 'PUT', '/friends/requests/1', { action: 3 }, 'body.action'],
  ['friend answer: action as string', 'PUT', '/friends/requests/1', { action: '1' }, 'body.action'],
  ['friend list: bad direction', 'GET', '/friends/requests?direction=sideways', undefined, 'querystring.direction'],
  ['group: missing name', 'POST', '/conversations', { member_ids: [] }, 'body.name'],
  ['group: over-long name', 'POST', '/conversations', { name: long(129), member_ids: [] }, 'body.name'],
  ['group: member id not a string', 'POST', '/conversations', { name: 'g', member_ids: [1] }, 'body.member_ids.0'],
  ['group: unknown field', 'POST', '/conversations', { name: 'g', member_ids: [], type: 3 }, 'body.type'],
  ['list: negative offset', 'GET', '/conversations?offset=-1', undefined, 'querystring.offset'],
  ['members: empty user_ids', 'POST', `${C}/members`, { user_ids: [] }, 'body.user_ids'],
  ['members: bad user id in path', 'DELETE', `${C}/members/x`, undefined, 'params.userId'],
  ['role: unknown role', 'PUT', `${C}/members/2/role`, { role: 'god' }, 'body.role'],
  ['history: before_seq not a number', 'GET', `${C}/messages?before_seq=abc`, undefined, 'querystring.before_seq'],
  ['history: limit 0', 'GET', `${C}/messages?limit=0`, undefined, 'querystring.limit'],
  ['read: negative seq', 'POST', `${C}/read`, { seq: -1 }, 'body.seq'],
  ['read: seq as string', 'POST', `${C}/read`, { seq: '5' }, 'body.seq'],
  ['send: missing client_msg_id', 'POST', `${C}/messages`, { content: 'hi' }, 'body.client_msg_id'],
  ['send: bad client_msg_id', 'POST', `${C}/messages`, { client_msg_id: 'has space', content: 'hi' }, 'body.client_msg_id'],
  ['send: empty content', 'POST', `${C}/messages`, { client_msg_id: 'a', content: '' }, 'body.content'],
  ['send: msg_type 0', 'POST', `${C}/messages`, { client_msg_id: 'a', content: 'x', msg_type: 0 }, 'body.msg_type'],
  ['recall: id not a number', 'DELETE', '/messages/1.5', undefined, 'params.id'],
];

describe('malformed requests', () => {
  it.each(cases)('%s → 400 naming the field', async (_name, method, url, payload, field) => {
    const res = await call(gw, { method, url, token: user.token, ...(payload !== undefined ? { payload: payload as object } : {}) });
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION_ERROR');
    expect(err.field).toBe(field);
    expect(err.message.startsWith(field)).toBe(true);
  });

  it('refuses a body above the configured limit with 400', async () => {
    const res = await call(gw, { method: 'POST', url: `${C}/messages`, token: user.token, payload: { client_msg_id: 'big', content: long(config.http.bodyLimitBytes + 10) } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_ERROR', field: 'body' });
  });

  it('refuses invalid JSON, an empty JSON body, a foreign content type and prototype poisoning', async () => {
    const raw = (payload: string, type = 'application/json') =>
      call(gw, { method: 'POST', url: '/auth/login', payload, headers: { 'content-type': type } });
    for (const res of [await raw('{"username":'), await raw(''), await raw('username=a', 'application/x-www-form-urlencoded'), await raw('{"__proto__":{"x":1},"username":"a","password":"b"}')]) {
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers an unknown route with 404 NOT_FOUND and an unauthenticated one with 401 before validating', async () => {
    const missing = await call(gw, { method: 'GET', url: '/nope', token: user.token });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const anon = await call(gw, { method: 'POST', url: '/conversations', payload: { bogus: true } });
    expect(anon.statusCode).toBe(401);
  });
});
