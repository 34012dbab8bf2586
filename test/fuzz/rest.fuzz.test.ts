// Fuzzing the REST edge of a real gateway process: about 2,000 requests with mutated bodies,
// path ids, query strings, content types and tokens against the routes that take input
// (register, login, send, read, history, group creation, friend requests). No request may get a
// 5xx; every 4xx is the contract's `{code, message}` with a documented code and its status; a
// valid send still works afterwards and no process died.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode, statusOf } from '../../contract/index.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { startCluster, type Cluster, type Proc } from '../realtime/harness.ts';
import {
  caseFlip, copyObject, deepNesting, encode, garbageText, mutateObject, mutateText, preview, Rng, setOwn, stringOfBytes, suiteSeed, unicodeString, weirdValue, WEIRD_IDS, WEIRD_STRINGS,
  type FieldHints, type Fuzzed,
} from './mutate.ts';

const SEED = suiteSeed(0x5eed_0002);
const REQUESTS = 2100;
const CONCURRENCY = 6;
const PASSWORD = 'correct-horse-9';

const defaults = testConfig();
const BODY_LIMIT = defaults.http.bodyLimitBytes;
const MAX_CONTENT = defaults.chat.maxContentBytes;
const ERROR_KEYS = new Set(['code', 'message', 'field', 'request_id']);
const firstCmid = `rf-first-${SEED}`;

const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

let cluster: Cluster;
let rest: string;
let a: User;
let b: User;
let conversationId: string;
let foreignConversationId: string;

beforeAll(async () => {
  // Every request comes from 127.0.0.1: the per-address sign-up and login limits would turn
  // most valid-looking bodies into 429 before they reach the code under test.
  cluster = await startCluster({
    gateways: 1,
    env: { SIGNUPS_PER_IP_PER_MINUTE: '100000', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '100000', LOGIN_ATTEMPTS_PER_MINUTE: '10000' },
  });
  rest = cluster.gateways[0]!.url;
  [a, b] = await Promise.all([registerUser(rest, 'rfa'), registerUser(rest, 'rfb')]);
  const outsider = await registerUser(rest, 'rfc');
  conversationId = await createGroup(rest, a, [b], 'rest-fuzz');
  foreignConversationId = await createGroup(rest, outsider, [b], 'rest-fuzz-foreign');
  const first = await api(rest, 'POST', `/conversations/${conversationId}/messages`, a.token, { client_msg_id: firstCmid, content: 'first' });
  if (first.status !== 201 && first.status !== 202) throw new Error(`first send: ${first.status} ${JSON.stringify(first.body)}`);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

interface Req {
  index: number;
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  description: string;
}

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD, as on any wire). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

type Endpoint = 'register' | 'login' | 'send' | 'read' | 'history' | 'group' | 'friend';

function planRequests(rng: Rng): Req[] {
  let n = 0;
  const cmid = () => `rf${SEED.toString(36)}-${n++}-${(unicodeString(rng, 3).replace(/[^A-Za-z0-9]/g, '') || 'x')}`;
  /** client_msg_ids of well-formed sends: the ones a resend or a case variant is made of. */
  const likelyStored: string[] = [firstCmid];
  const ids: FieldHints = { id: true, valid: [conversationId, foreignConversationId] };
  const userIds: FieldHints = { id: true, valid: [a.id, b.id] };
  const fields: Record<Endpoint, Record<string, FieldHints>> = {
    register: {
      username: { maxLength: 32, valid: [a.username, a.username.toUpperCase(), 'gochat', 'GoChat', 'guest_abc', 'ab', 'a b c', 'é'.repeat(5)] },
      password: { maxLength: 128, valid: [PASSWORD, 'short1', 'nodigitshere', '123456789012', ` ${PASSWORD}`, `${PASSWORD} `, 'é'.repeat(7) + '1'] },
    },
    login: {
      username: { maxLength: 64, valid: [a.username, b.username, a.username.toUpperCase(), 'gochat', 'guest_0000'] },
      password: { maxLength: 128, valid: [PASSWORD, PASSWORD.toUpperCase(), ''] },
    },
    send: {
      client_msg_id: { maxLength: 64, valid: [] },
      content: { maxLength: MAX_CONTENT },
      msg_type: { range: [1, 255] },
    },
    read: { seq: { range: [0, Number.MAX_SAFE_INTEGER] } },
    history: {},
    group: {
      name: { maxLength: 128, valid: [' ', '\t\n', 'g'] },
      avatar_url: { maxLength: 512, valid: ['https://example.com/a.png', 'http://x', 'javascript:alert(1)', 'https://', `https://e.com/${'a'.repeat(500)}`] },
      member_ids: { valid: [[b.id], [b.id, b.id], [a.id], [], [WEIRD_IDS[11]!], Array.from({ length: 500 }, (_, i) => String(8_000_000_000_000 + i)), Array.from({ length: 501 }, () => b.id)] },
    },
    friend: {
      target_user_id: userIds,
      message: { maxLength: 255 },
    },
  };
  const templates: Record<Endpoint, () => Record<string, Fuzzed>> = {
    register: () => ({ username: uniqueName('rz').slice(0, rng.between(3, 32)), password: PASSWORD }),
    login: () => ({ username: a.username, password: PASSWORD }),
    send: () => ({ client_msg_id: cmid(), content: rng.chance(0.1) ? stringOfBytes(rng, rng.pick([MAX_CONTENT - 1, MAX_CONTENT, MAX_CONTENT + 1])) : `rest fuzz ${n} ${unicodeString(rng, rng.between(1, 20))}`, ...(rng.chance(0.3) ? { msg_type: rng.between(1, 255) } : {}) }),
    read: () => ({ seq: rng.int(3) }),
    history: () => ({}),
    group: () => ({ name: `fuzz ${unicodeString(rng, rng.between(1, 20))}`, member_ids: [b.id], ...(rng.chance(0.3) ? { avatar_url: 'https://example.com/a.png' } : {}) }),
    friend: () => ({ target_user_id: b.id, ...(rng.chance(0.5) ? { message: unicodeString(rng, rng.between(0, 40)) } : {}) }),
  };
  const endpoints: readonly (readonly [number, Endpoint])[] = [[3, 'register'], [3, 'login'], [5, 'send'], [3, 'read'], [3, 'history'], [3, 'group'], [3, 'friend']];

  const pathId = (): string => {
    const kind = rng.weighted<string>([[70, 'valid'], [15, 'weird'], [10, 'raw'], [5, 'value']]);
    if (kind === 'valid') return rng.chance(0.8) ? conversationId : foreignConversationId;
    if (kind === 'weird') return pct(rng.pick(WEIRD_IDS));
    if (kind === 'raw') return rng.pick(['%00', '%ZZ', '%', '..%2F..%2Fusers', '1%2F2', `${conversationId}%00`, `${conversationId};x=1`, 'a'.repeat(101), '1'.repeat(101), '%F0%9F%98%80', '%C0%AF', '%ED%A0%80', `${conversationId}.json`, '+1', '%20']);
    return pct(encode(weirdValue(rng, ids)).slice(0, 300));
  };

  const queryString = (): string => {
    const params: [string, string][] = [];
    if (rng.chance(0.5)) params.push([rng.pick(['after_seq', 'before_seq']), String(rng.int(5))]);
    if (rng.chance(0.5)) params.push(['limit', String(rng.between(1, 200))]);
    const mutations = rng.between(0, 3);
    for (let i = 0; i < mutations; i++) {
      const key = rng.weighted<string>([[6, rng.pick(['after_seq', 'before_seq', 'limit'])], [1, rng.pick(['__proto__', 'constructor', 'toString', 'limit[]', 'limit[a]', 'x', ''])], [1, rng.pick(WEIRD_STRINGS)]]);
      const v = weirdValue(rng, { range: [0, Number.MAX_SAFE_INTEGER] });
      const value = typeof v === 'string' ? v : encode(v);
      if (rng.chance(0.5) || params.length === 0) params.push([key, value.slice(0, 2000)]);
      else params[rng.int(params.length)] = [key, value.slice(0, 2000)];
    }
    let qs = params.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
    if (rng.chance(0.1)) qs = rng.pick([`${qs}&`, `${qs}&&`, `${qs}&limit`, `${qs}&limit=`, `${qs}&limit=%ZZ`, `${qs}&limit=1&limit=2`, `${qs}#frag`, `${qs}&after_seq=1&before_seq=2`, `${qs}&limit=%00`, `${qs}&limit=+5`, `${qs}&limit=0x10`]);
    return qs ? `?${qs}` : '';
  };

  const authHeader = (): string | undefined => {
    if (rng.chance(0.92)) return `Bearer ${a.token}`;
    return rng.pick<string | undefined>([
      undefined, '', 'Bearer', 'Bearer ', `bearer ${a.token}`, a.token, `Bearer ${a.token}x`, `Bearer ${a.token.slice(0, -2)}`, `Bearer  ${a.token}`, `Bearer ${a.token} `,
      `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${'a'.repeat(8000)}.b.c`, 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', `Bearer ${mutateText(rng, a.token).text.replace(/[^\x21-\x7e]/g, '')}`,
    ]);
  };

  const contentType = (): string | undefined => rng.weighted<string | undefined>([
    [85, 'application/json'],
    [15, rng.pick<string | undefined>([undefined, 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/JSON', 'application/json, text/plain', '*/*', 'application/vnd.api+json', 'application/json; charset=utf-8; x=1', 'application/octet-stream'])],
  ]);

  const body = (endpoint: Endpoint): { body: string | Buffer; description: string } => {
    const kind = rng.weighted<string>([[5, 'valid'], [62, 'mutated'], [10, 'mutated+text'], [5, 'garbage'], [3, 'bytes'], [3, 'empty'], [2, 'huge'], [2, 'deep'], [endpoint === 'send' ? 10 : 0, 'reuse'], [5, 'scalar']]);
    const t = templates[endpoint]();
    switch (kind) {
      case 'valid':
        if (endpoint === 'send' && typeof t.client_msg_id === 'string') likelyStored.push(t.client_msg_id);
        return { body: encode(t), description: 'valid' };
      case 'mutated': {
        const m = mutateObject(rng, t, fields[endpoint], rng.between(1, 3));
        return { body: encode(m.value), description: m.ops.join(', ') };
      }
      case 'mutated+text': {
        const m = mutateObject(rng, t, fields[endpoint], rng.between(0, 2));
        const x = mutateText(rng, encode(m.value));
        return { body: x.text, description: [...m.ops, `text:${x.op}`].join(', ') };
      }
      case 'garbage':
        return { body: garbageText(rng), description: 'garbage' };
      case 'bytes':
        return { body: rng.bytes(rng.between(1, 300)), description: 'random bytes' };
      case 'empty':
        return { body: '', description: 'empty' };
      case 'huge': {
        const size = BODY_LIMIT + rng.pick([-100, 1, 1000, BODY_LIMIT]);
        return { body: encode({ ...t, pad: 'x'.repeat(size) }), description: `~${size} bytes` };
      }
      case 'deep': {
        const field = rng.pick([...Object.keys(t), 'extra']);
        const d = copyObject(t);
        setOwn(d, field, deepNesting(rng, rng.pick([1000, 5000, 10_000])));
        return { body: encode(d), description: `${field} nested deep` };
      }
      case 'reuse': {
        // A client_msg_id used before (the stored message comes back), or one differing from
        // it only in letter case (a different id: a new message).
        if (endpoint !== 'send') return { body: encode(t), description: 'valid' };
        const earlier = rng.pick(likelyStored);
        const flipped = caseFlip(rng, earlier);
        const id = rng.chance(0.5) || flipped === earlier ? earlier : flipped;
        return { body: encode({ client_msg_id: id, content: `reuse of ${earlier}` }), description: id === earlier ? `resend of ${earlier}` : `case variant ${id} of ${earlier}` };
      }
      default:
        return { body: rng.pick(['null', '[]', '0', '"x"', 'true', '[{}]', encode([t])]), description: 'not an object' };
    }
  };

  const plan: Req[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const endpoint = rng.weighted(endpoints);
    const headers: Record<string, string> = {};
    const authenticated = endpoint !== 'register' && endpoint !== 'login';
    if (authenticated) {
      const h = authHeader();
      if (h !== undefined) headers.authorization = h;
    }
    if (endpoint === 'history') {
      plan.push({ index: i, endpoint, method: 'GET', path: `/conversations/${pathId()}/messages${queryString()}`, headers, description: `#${i} history` });
      continue;
    }
    const b0 = body(endpoint);
    const ct = contentType();
    if (ct !== undefined) headers['content-type'] = ct;
    const path = endpoint === 'register' ? '/auth/register'
      : endpoint === 'login' ? '/auth/login'
      : endpoint === 'send' ? `/conversations/${pathId()}/messages`
      : endpoint === 'read' ? `/conversations/${pathId()}/read`
      : endpoint === 'group' ? '/conversations'
      : '/friends/requests';
    plan.push({ index: i, endpoint, method: 'POST', path, headers, body: b0.body, description: `#${i} ${endpoint} [${b0.description}]` });
  }
  return plan;
}

interface Outcome {
  req: Req;
  status: number;
  text: string;
}

async function perform(req: Req): Promise<Outcome> {
  try {
    const res = await fetch(`${rest}${req.path}`, {
      method: req.method,
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal: AbortSignal.timeout(20_000),
    });
    return { req, status: res.status, text: await res.text() };
  } catch (err) {
    // No answer at all (connection reset, timeout): as bad as a 5xx.
    return { req, status: -1, text: err instanceof Error ? `${err.name}: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err) };
  }
}

/** What is wrong with a response, if anything: a kind (to group by) and the detail. */
function check(o: Outcome): { kind: string; detail: string } | undefined {
  const fail = (kind: string, detail = preview(o.text, 300)) => ({ kind, detail });
  if (o.status < 0) return fail('no response', o.text);
  if (o.status >= 500) return fail(`status ${o.status}`);
  if (o.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(o.text);
  } catch {
    return fail(`status ${o.status} with a body that is not JSON`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail(`status ${o.status} with a body that is not an object`);
  const e = body as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !ERROR_KEYS.has(k));
  const code = JSON.stringify(e.code);
  if (extra.length > 0) return fail(`status ${o.status}, code ${code}: the error body has fields beyond {code, message, field, request_id}: ${extra.join(', ')}`);
  if (!isErrorCode(e.code)) return fail(`status ${o.status}: undocumented code ${code}`);
  if (typeof e.message !== 'string') return fail(`status ${o.status}, code ${code}: message is not a string`);
  if (e.field !== undefined && typeof e.field !== 'string') return fail(`status ${o.status}, code ${code}: field is not a string`);
  if (e.request_id !== undefined && typeof e.request_id !== 'string') return fail(`status ${o.status}, code ${code}: request_id is not a string`);
  if (statusOf(e.code) !== o.status) return fail(`status ${o.status} with code ${code}, which the contract answers with ${statusOf(e.code)}`);
  return undefined;
}

const reproduce = (r: Req) => `${r.method} ${r.path.length > 200 ? `${r.path.slice(0, 200)}…` : r.path} headers=${JSON.stringify({ ...r.headers, ...(r.headers.authorization?.includes(a.token) ? { authorization: r.headers.authorization.replace(a.token, '<token of a>') } : {}) }).slice(0, 300)} body=${r.body === undefined ? '-' : preview(r.body, 200)}`;

describe(`REST fuzz (seed ${SEED}, FUZZ_SEED to change)`, () => {
  it(`answers ${REQUESTS} mutated requests with documented 4xx errors or success, never 5xx`, async () => {
    const plan = planRequests(new Rng(SEED));
    const outcomes: Outcome[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < plan.length; i = next++) outcomes.push(await perform(plan[i]!));
    }));
    const fuzzMs = Date.now() - started;

    const problems: string[] = [];
    // Grouped by kind: how many requests, and the first three of them to reproduce with.
    const byKind = new Map<string, string[]>();
    for (const o of outcomes.sort((x, y) => x.req.index - y.req.index)) {
      const problem = check(o);
      if (problem) byKind.set(problem.kind, [...(byKind.get(problem.kind) ?? []), `${o.req.description}: ${reproduce(o.req)}\n        answer: ${problem.detail}`]);
    }
    for (const [kind, list] of byKind) problems.push(`${list.length} request(s) got ${kind}, e.g.\n      ${list.slice(0, 3).join('\n      ')}`);
    // A 201 to a send carries the message stored for the client_msg_id sent, not another one.
    for (const o of outcomes) {
      if (o.req.endpoint !== 'send' || o.status !== 201) continue;
      const m = JSON.parse(o.text) as { client_msg_id: string };
      const sentId = (() => {
        try {
          return (JSON.parse(String(o.req.body)) as { client_msg_id?: unknown }).client_msg_id;
        } catch {
          return undefined;
        }
      })();
      if (typeof sentId === 'string' && sentId !== m.client_msg_id) {
        problems.push(`${o.req.description}: sent client_msg_id ${sentId}, got back the message stored for ${m.client_msg_id}: the new message was not stored\n      repro: ${reproduce(o.req)}`);
      }
    }

    // Afterwards a valid send goes through, and nothing died.
    const after = await api<{ client_msg_id?: string }>(rest, 'POST', `/conversations/${conversationId}/messages`, a.token, { client_msg_id: `rf-after-${SEED}`, content: 'after the fuzz' });
    if (after.status !== 201 && after.status !== 202) problems.push(`a valid send after the fuzz answered ${after.status}: ${JSON.stringify(after.body)}`);
    for (const p of [cluster.gateways[0]!.proc, cluster.logic, cluster.worker]) {
      if (!alive(p)) problems.push(`${p.name} exited (${String(p.child.exitCode ?? p.child.signalCode)}):\n${p.output.join('').slice(-1500)}`);
    }

    const statuses = new Map<string, number>();
    for (const o of outcomes) {
      let code = '';
      if (o.status >= 400) {
        try {
          code = ` ${String((JSON.parse(o.text) as { code?: unknown }).code)}`;
        } catch {
          code = ' ?';
        }
      }
      const key = `${o.status}${code}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const byEndpoint = new Map<string, number>();
    for (const o of outcomes) byEndpoint.set(o.req.endpoint, (byEndpoint.get(o.req.endpoint) ?? 0) + 1);
    console.warn(`rest fuzz seed ${SEED}: ${outcomes.length} requests in ${fuzzMs} ms ${JSON.stringify(Object.fromEntries(byEndpoint))}; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);

    expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
  }, 150_000);
});
