// Fuzzing helpers: a seeded PRNG and mutators for JSON-shaped input. Everything is driven by
// the seed, so a failing case reproduces by running the suite again with the seed it prints.
//
// A value may hold `RawJson` anywhere: it is written into the encoded text verbatim, which is
// how numbers JSON.stringify cannot write (1e400, -0, 18446744073709551616), deep nesting and
// prototype keys get on the wire.

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export class Rng {
  readonly seed: number;
  private state: number;
  constructor(seed: number) {
    this.seed = seed;
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** One of the entries, by weight. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1]![1];
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }

  /** A child generator: one draw from this one, however much the child is used. */
  fork(): Rng {
    return new Rng(this.int(2 ** 32));
  }
}

/** Text written into the JSON encoding as is. */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type Fuzzed = string | number | boolean | null | RawJson | Fuzzed[] | { [key: string]: Fuzzed };

/** Sets an own enumerable property, even for `__proto__` (plain assignment would set the prototype). */
export function setOwn(target: Record<string, Fuzzed>, key: string, value: Fuzzed): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of a fuzzed value; RawJson is written verbatim. */
export function encode(value: Fuzzed): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${encode(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A shallow copy that keeps `__proto__` and friends as own keys. */
export function copyObject(obj: Record<string, Fuzzed>): Record<string, Fuzzed> {
  const out: Record<string, Fuzzed> = {};
  for (const k of Object.keys(obj)) setOwn(out, k, obj[k]!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Interesting values

/** Ids that are not valid (or are at the very edge): the 64-bit bound, zero, signs, padding. */
export const WEIRD_IDS: readonly string[] = [
  '0', '-1', '00', '01', '1.0', '1e3', '+1', ' 1', '1 ', '0x10', '１２', '1\u0000', '',
  '18446744073709551616', // 2^64
  '18446744073709551615', // 2^64 - 1: valid, and no such row
  '99999999999999999999', // 20 digits, over 2^64
  '18446744073709551617',
  '9223372036854775807', // 2^63 - 1
  '9223372036854775808', // 2^63
  '9007199254740993', // 2^53 + 1
  '123456789012345678901', // 21 digits
  '1'.repeat(40), '-18446744073709551615', 'NaN', 'Infinity', 'null', 'true', '[1]', '1; DROP TABLE users', "1' OR '1'='1",
];

/** Numbers JSON.stringify can and cannot write. */
export const WEIRD_NUMBERS: readonly Fuzzed[] = [
  0, -1, 1, 1.5, -0.5, 0.1, 255, 256, 65_535, 65_536, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 1e308, -1e308, 5e-324,
  new RawJson('-0'), new RawJson('1e400'), new RawJson('-1e400'), new RawJson('9007199254740993'), new RawJson('18446744073709551616'),
  new RawJson('18446744073709551615'), new RawJson('1.0'), new RawJson('1E2'), new RawJson('0.0000000000000000000000001'), new RawJson('1' + '0'.repeat(400)),
];

/** Short strings that break naive code: unicode, control characters, lone surrogates, injections. */
export const WEIRD_STRINGS: readonly string[] = [
  '', ' ', '\t', '\n', '\u0000', '\u0000abc', 'a\u0000b', '\r\n\r\n', '\u001b[31m', '\u007f',
  '\ud800', '\udc00', 'a\ud800b', '\udfff\ud800', '\ud83d', '😀', '👩‍👩‍👧‍👦', '\u{10ffff}', '\ufeff', '\ufffe', '\uffff', '\u200b', '\u202e', 'é', 'é',
  'Ω≈ç√∫', '中文字符', 'عربى', 'İıŞş', 'ß', '\u0301\u0301\u0301', 'Z̴̡̢̛͓͔̗̖̭̹̫̰̱̯̱͔͉͓̘̟͖̜̭̞̖̭͚̩̀̀͋̈́̓͑̊͘ͅͅ', '%00', '%s%n%x%d', '{{7*7}}', '${7*7}',
  "'; DROP TABLE messages; --", '" OR 1=1 --', '<script>alert(1)</script>', '../../etc/passwd', '..\\..\\windows', 'null', 'undefined', 'NaN',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '0', '-1', 'true', '[]', '{}', 'Bearer', 'a'.repeat(65), 'A'.repeat(64),
];

export const PROTO_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'valueOf', 'hasOwnProperty'];

/** Objects whose keys poison a naive merge. */
export const PROTO_OBJECTS: readonly Fuzzed[] = [
  new RawJson('{"__proto__":{"polluted":true}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
  new RawJson('{"__proto__":null}'),
  new RawJson('{"__proto__":[]}'),
  new RawJson('{"toString":1,"valueOf":"x","hasOwnProperty":null}'),
];

/** Text of a value nested `depth` levels deep. */
export function deepNesting(rng: Rng, depth: number): RawJson {
  if (rng.chance(0.5)) return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
  return new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** A random unicode string of `length` code units, drawn from several planes and pitfalls. */
export function unicodeString(rng: Rng, length: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const kind = rng.int(8);
    let s: string;
    if (kind <= 2) s = String.fromCharCode(rng.between(0x20, 0x7e));
    else if (kind === 3) s = String.fromCharCode(rng.between(0xa0, 0xd7ff));
    else if (kind === 4) s = String.fromCodePoint(rng.between(0x10000, 0x10ffff));
    else if (kind === 5) s = String.fromCharCode(rng.between(0xd800, 0xdfff)); // lone surrogate
    else if (kind === 6) s = String.fromCharCode(rng.int(0x20));
    else s = rng.pick(WEIRD_STRINGS);
    parts.push(s);
    n += s.length || 1;
  }
  return parts.join('').slice(0, length);
}

/** A string of exactly `bytes` UTF-8 bytes (ASCII, or multi-byte characters plus padding). */
export function stringOfBytes(rng: Rng, bytes: number): string {
  if (bytes <= 0) return '';
  if (rng.chance(0.5)) return 'x'.repeat(bytes);
  const unit = rng.pick(['é', '中', '😀']); // 2, 3 and 4 bytes
  const size = Buffer.byteLength(unit);
  return unit.repeat(Math.floor(bytes / size)) + 'x'.repeat(bytes % size);
}

/** Lengths at and around a limit. */
export function aroundLimit(rng: Rng, limit: number): number {
  return Math.max(0, limit + rng.pick([-1, 0, 1, 2, limit, -limit + 1]));
}

export interface FieldHints {
  /** Valid values for the field (real ids, tokens, ...), mixed in as cross-field swaps. */
  valid?: readonly Fuzzed[];
  /** Length limit of a string field, to test at and just over it. */
  maxLength?: number;
  /** The field is an id: the weird id list applies. */
  id?: boolean;
  /** The field is an integer with this range. */
  range?: readonly [number, number];
}

/** A value of any type, weighted toward the ones that break parsers and validators. */
export function weirdValue(rng: Rng, hints: FieldHints = {}): Fuzzed {
  const kind = rng.weighted<string>([
    [hints.id ? 6 : 1, 'id'],
    [4, 'number'],
    [hints.range ? 4 : 0, 'range'],
    [4, 'string'],
    [hints.maxLength ? 4 : 1, 'long'],
    [2, 'unicode'],
    [1, 'bool'],
    [1, 'null'],
    [2, 'array'],
    [2, 'object'],
    [1, 'proto'],
    [1, 'deep'],
    [hints.valid?.length ? 3 : 0, 'valid'],
  ]);
  switch (kind) {
    case 'id':
      return rng.chance(0.8) ? rng.pick(WEIRD_IDS) : new RawJson(rng.pick(WEIRD_IDS.filter((s) => /^-?\d+$/.test(s))));
    case 'number':
      return rng.pick(WEIRD_NUMBERS);
    case 'range': {
      const [lo, hi] = hints.range!;
      return rng.pick<Fuzzed>([lo - 1, lo, hi, hi + 1, (lo + hi) / 2 + 0.5, String(lo), String(hi), -hi, hi * 2]);
    }
    case 'string':
      return rng.pick(WEIRD_STRINGS);
    case 'long': {
      const limit = hints.maxLength ?? rng.pick([64, 255, 4096, 65_536]);
      const n = rng.chance(0.9) ? aroundLimit(rng, limit) : rng.between(limit, limit * 3);
      return rng.chance(0.6) ? 'a'.repeat(n) : unicodeString(rng, Math.min(n, 20_000));
    }
    case 'unicode':
      return unicodeString(rng, rng.between(1, 40));
    case 'bool':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array':
      return rng.pick<Fuzzed>([[], [1], ['1'], [null], [[]], [{}], Array.from({ length: rng.between(2, 50) }, () => rng.pick(WEIRD_IDS))]);
    case 'object':
      return rng.pick<Fuzzed>([{}, { a: 1 }, { '': '' }, { type: 'send' }, { toString: 'x' }]);
    case 'proto':
      return rng.pick(PROTO_OBJECTS);
    case 'deep':
      return deepNesting(rng, rng.pick([10, 100, 1000, 5000]));
    default:
      return rng.pick(hints.valid!);
  }
}

/** Flips the case of letters (and swaps some look-alikes): values that compare equal under a `_ci` collation. */
export function caseFlip(rng: Rng, s: string): string {
  // One draw from `rng` whatever the length of `s`: a run's sequence must not depend on the
  // length of server-assigned ids, or a seed would not reproduce it.
  const own = rng.fork();
  return [...s].map((c) => (own.chance(0.5) ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c)).join('');
}

export type ObjectMutation = 'remove' | 'add' | 'replace' | 'wrongType' | 'proto' | 'nest' | 'arrayWrap' | 'stringify' | 'swap' | 'case';

/**
 * Applies `count` structural mutations to a copy of `obj`. `fields` gives hints per known field.
 * Returns the mutated object and a short description of what was done (for failure reports).
 */
export function mutateObject(rng: Rng, obj: Record<string, Fuzzed>, fields: Record<string, FieldHints>, count = 1): { value: Record<string, Fuzzed>; ops: string[] } {
  let value = copyObject(obj);
  const ops: string[] = [];
  for (let i = 0; i < count; i++) {
    const keys = Object.keys(value);
    const known = Object.keys(fields);
    const op = rng.weighted<ObjectMutation>([
      [2, 'remove'], [2, 'add'], [6, 'replace'], [2, 'wrongType'], [1, 'proto'], [1, 'nest'], [1, 'arrayWrap'], [1, 'stringify'], [1, 'swap'], [1, 'case'],
    ]);
    const key = keys.length > 0 && rng.chance(0.85) ? rng.pick(keys) : rng.pick(known.length > 0 ? known : ['x']);
    switch (op) {
      case 'remove':
        delete value[key];
        ops.push(`remove ${key}`);
        break;
      case 'add': {
        const k = rng.weighted<string>([[3, rng.pick(['extra', 'id', 'user_id', 'admin', 'role', 'seq', 'type', 'kind'])], [2, rng.pick(PROTO_KEYS)], [1, rng.pick(WEIRD_STRINGS)], [1, 'k'.repeat(rng.pick([100, 5000]))]]);
        setOwn(value, k, weirdValue(rng, fields[k] ?? {}));
        ops.push(`add ${k.slice(0, 20)}`);
        break;
      }
      case 'replace':
        setOwn(value, key, weirdValue(rng, fields[key] ?? {}));
        ops.push(`replace ${key}`);
        break;
      case 'wrongType': {
        const v = value[key];
        const wrong: Fuzzed = typeof v === 'string' ? (/^\d+$/.test(v) ? new RawJson(v) : rng.pick<Fuzzed>([1, true, null, [v], { v }])) : typeof v === 'number' ? String(v) : rng.pick<Fuzzed>(['1', 1, false, null, []]);
        setOwn(value, key, wrong);
        ops.push(`wrongType ${key}`);
        break;
      }
      case 'proto':
        setOwn(value, rng.pick(PROTO_KEYS), rng.pick(PROTO_OBJECTS));
        ops.push('proto key');
        break;
      case 'nest':
        value = { [rng.pick(['data', 'frame', 'payload', key])]: value };
        ops.push('nest');
        break;
      case 'arrayWrap':
        setOwn(value, key, [value[key] ?? null]);
        ops.push(`arrayWrap ${key}`);
        break;
      case 'stringify':
        setOwn(value, key, encode(value[key] ?? null));
        ops.push(`stringify ${key}`);
        break;
      case 'swap': {
        const other = rng.pick(known.length > 0 ? known : keys.length > 0 ? keys : ['x']);
        const v = value[key];
        setOwn(value, key, value[other] ?? null);
        if (v !== undefined) setOwn(value, other, v);
        ops.push(`swap ${key}/${other}`);
        break;
      }
      case 'case': {
        const v = value[key];
        if (typeof v === 'string') setOwn(value, key, caseFlip(rng, v));
        ops.push(`case ${key}`);
        break;
      }
    }
  }
  return { value, ops };
}

export type TextMutation = 'truncate' | 'flip' | 'insert' | 'delete' | 'dupKey' | 'bom' | 'wrap' | 'trailing' | 'whitespace' | 'escape';

/** Mutates JSON text: cut it short, flip characters, repeat a key, wrap it, pad it. */
export function mutateText(rng: Rng, text: string): { text: string; op: TextMutation } {
  const op = rng.pick<TextMutation>(['truncate', 'flip', 'insert', 'delete', 'dupKey', 'bom', 'wrap', 'trailing', 'whitespace', 'escape']);
  const at = rng.int(Math.max(1, text.length));
  switch (op) {
    case 'truncate':
      return { text: text.slice(0, at), op };
    case 'flip': {
      const chars = [...text];
      for (let i = 0, n = rng.between(1, 4); i < n && chars.length > 0; i++) chars[rng.int(chars.length)] = rng.pick(['"', '{', '}', '[', ']', ',', ':', '\\', '0', 'x', '\u0000', '\ud800', ' ']);
      return { text: chars.join(''), op };
    }
    case 'insert':
      return { text: text.slice(0, at) + rng.pick(['"', '\\', '\\u', '\\ud800', ',', ',,', ':', 'null', '}', '{', '\n', '\u0000', '//', '/*']) + text.slice(at), op };
    case 'delete':
      return { text: text.slice(0, at) + text.slice(at + rng.between(1, 8)), op };
    case 'dupKey': {
      // {"type":"send",...} -> {"type":"send","type":"auth",...}: JSON.parse keeps the last one.
      const m = /^\{("[^"]*"):/.exec(text);
      if (!m) return { text: `${text}${text}`, op };
      return { text: `{${m[1]}:${encode(weirdValue(rng))},${text.slice(1)}`, op };
    }
    case 'bom':
      return { text: `\ufeff${text}`, op };
    case 'wrap':
      return { text: rng.pick([`[${text}]`, `"${text.replace(/"/g, '\\"')}"`, `{"frame":${text}}`, `${text}${text}`]), op };
    case 'trailing':
      return { text: text + rng.pick([',', ' ', '\n', '}', ']', 'x', '\u0000', ' // comment']), op };
    case 'whitespace':
      return { text: text.replace(/([,:{])/g, rng.pick(['$1 ', '$1\n', '$1\t', '$1\r\n'])), op };
    case 'escape':
      // Same value, every ASCII letter written as a \u escape.
      return { text: text.replace(/"([a-z_]+)"/g, (_, k: string) => `"${[...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`), op };
  }
}

/** Text that is not a JSON object: scalars, arrays, garbage, random unicode. */
export function garbageText(rng: Rng): string {
  return rng.weighted<() => string>([
    [2, () => rng.pick(['', ' ', 'null', 'true', '0', '-1', '"send"', '[]', '[{}]', '{}', '{', '}', '"', '\\', 'undefined', 'NaN', '{"type":}', '{type:"ping"}', "{'type':'ping'}", '{"type":"ping",}'])],
    [2, () => unicodeString(rng, rng.between(1, 200))],
    [1, () => rng.bytes(rng.between(1, 200)).toString('latin1')],
    [1, () => encode(deepNesting(rng, rng.pick([100, 1000, 10_000])))],
    [1, () => encode(rng.pick(PROTO_OBJECTS))],
    [1, () => encode(weirdValue(rng))],
  ])();
}

/** A seed for a suite: FUZZ_SEED from the environment, or the fixed default. */
export function suiteSeed(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** Shortens a value for a report line. */
export function preview(s: string | Buffer, max = 160): string {
  const text = typeof s === 'string' ? s : `<${s.length} bytes> ${s.subarray(0, 40).toString('hex')}`;
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);
  return shown;
}
