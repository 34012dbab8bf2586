// Message search at a million messages: GoChat's InnoDB FULLTEXT over CJK bigrams (the query is
// the repo's own searchMessages) against Mroonga over the raw text (the same query shape, Mroonga's
// bigram tokenizer), in one conversation and across the caller's conversations, plus what
// indexing adds to a batch insert. Needs no GoChat process; writes bench/results/search.{json,md}.
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig, type Config } from '../../config/index.ts';
import { TEXT_MSG_TYPE } from '../../contract/index.ts';
import { createOrm, createRedis, repoCtx, searchMessages } from '../../repo/index.ts';
import { COLUMNS } from '../../repo/messages/messages.ts';
import { booleanQuery } from '../../repo/search/tokens.ts';
import { indexInserts } from '../../repo/search/index-rows.ts';
import { loadAvg } from '../lib/cluster.ts';
import { write } from '../lib/report.ts';
import { BENCH_DB, CALLER_ID, createBenchDb, dropBenchDb, indexSizes, loadCorpus, openPool, type CorpusParams } from '../lib/search-db.ts';
import { queries, rng, textGenerator, vocabulary, type BenchQuery } from '../lib/search-corpus.ts';
import { dist, type Dist } from '../lib/stats.ts';

/** The whole scenario, loading included, stops here (the database is dropped all the same). */
const HARD_LIMIT_MS = 600_000;

export interface SearchBenchParams extends CorpusParams {
  /** Page size asked for (the repo reads one more row). */
  limit: number;
  /** Measured requests per scope (each answered by every variant); the time cap may stop earlier. */
  samples: number;
  capSeconds: number;
  writeBatches: number;
  writeBatchSize: number;
}

type Scope = 'within' | 'across';

/** One way of answering a search: what GoChat runs, and the alternatives it was measured against. */
interface Variant {
  name: string;
  label: string;
  scopes: Scope[];
  mroonga: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'innodb', label: 'InnoDB FULLTEXT over CJK bigrams: GoChat\'s query (repo searchMessages)', scopes: ['within', 'across'], mroonga: false },
  { name: 'innodb-join-only', label: 'the same without conversation tokens in the match (the membership join alone narrows)', scopes: ['within', 'across'], mroonga: false },
  { name: 'mroonga-join', label: 'Mroonga (TokenBigram) over the raw text, GoChat\'s query shape (membership join)', scopes: ['within', 'across'], mroonga: true },
  { name: 'mroonga', label: 'Mroonga, its fast shape: the caller\'s conversation ids as a list Mroonga filters and orders itself, visibility checked on the page', scopes: ['within', 'across'], mroonga: true },
];

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const RUNS = new RegExp(`[${CJK}]+|[[\\p{L}\\p{N}]--[${CJK}]]+`, 'gv');
const CJK_START = new RegExp(`^[${CJK}]`, 'v');

/** The same request for Mroonga: every word as a prefix, every CJK run as a phrase of its bigrams. */
function mroongaAgainst(q: string): string {
  return [...q.normalize('NFKC').toLowerCase().matchAll(RUNS)].map(([run]) => (CJK_START.test(run) ? `+${run}` : `+${run}*`)).join(' ');
}

const MESSAGE_COLUMNS = COLUMNS.split(',').map((c) => `m.${c.trim()}`).join(', ');

/** GoChat's query on another table or without the conversation token. */
function joinSql(table: string, scope: Scope): string {
  return `SELECT ${MESSAGE_COLUMNS} FROM ${table} s
    JOIN conversation_members cm ON cm.conversation_id = s.conversation_id AND cm.user_id = ?
    JOIN messages m ON m.id = s.message_id
    WHERE MATCH (s.body) AGAINST (? IN BOOLEAN MODE) AND m.deleted = 0 AND m.recalled = 0${scope === 'within' ? ' AND s.conversation_id = ?' : ''}
    ORDER BY s.message_id DESC LIMIT ?`;
}

/** Mroonga filters by conversation and orders by id inside the engine only with no join in the way. */
function mroongaPushdownSql(conversations: number): string {
  return `SELECT ${MESSAGE_COLUMNS} FROM (
      SELECT message_id FROM message_search_mroonga WHERE MATCH (body) AGAINST (? IN BOOLEAN MODE) AND conversation_id IN (${new Array(conversations).fill('?').join(', ')})
      ORDER BY message_id DESC LIMIT ?) s
    JOIN messages m ON m.id = s.message_id WHERE m.deleted = 0 AND m.recalled = 0 ORDER BY m.id DESC`;
}

interface Sample {
  variant: string;
  scope: Scope;
  kind: string;
  ms: number;
  hits: number;
}

export async function runSearchBench(root: string, p: SearchBenchParams, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadBefore: loadAvg() };
  log(`search: ${p.messages.toLocaleString('en')} messages in ${p.conversations.toLocaleString('en')} conversations, database ${BENCH_DB}; load ${machine.loadBefore.join(' ')}`);
  const mroongaError = await createBenchDb(config);
  if (mroongaError) log(`search: Mroonga is not available, measuring InnoDB only: ${mroongaError}`);
  const deadline = setTimeout(() => {
    console.error(`bench: search: hard time limit of ${HARD_LIMIT_MS / 1000} s reached, stopping`);
    void dropBenchDb(config).finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  deadline.unref();
  const pool = openPool(config, BENCH_DB);
  const benchConfig: Config = { ...config, mysql: { ...config.mysql, database: BENCH_DB } };
  const orm = await createOrm(benchConfig);
  const redis = createRedis(benchConfig);
  const notes: string[] = [];
  try {
    const vocab = vocabulary(p.seed);
    const loaded = await loadCorpus(pool, p, vocab, !mroongaError, log);
    const sizes = await indexSizes(pool);
    log(`search: loaded in ${loaded.seconds.generateAndInsert.toFixed(0)} s; index builds InnoDB ${loaded.seconds.innodbIndex.toFixed(0)} s, Mroonga ${loaded.seconds.mroongaIndex?.toFixed(0) ?? 'n/a'} s`);

    const variants = VARIANTS.filter((v) => !v.mroonga || !mroongaError);
    const qs = queries(vocab);
    const r = rng(p.seed + 7);
    const searchOnce = async (variant: string, scope: Scope, q: BenchQuery, conversationId: string): Promise<number> => {
      const ctx = repoCtx(orm, redis);
      const within = scope === 'within';
      if (variant === 'innodb') {
        return (await searchMessages(ctx, { userId: String(CALLER_ID), query: q.q, limit: p.limit + 1, ...(within ? { conversationId } : {}) })).length;
      }
      if (variant === 'mroonga') {
        // The caller's conversations are read first, as an application would.
        const ids = within ? [conversationId] : (await ctx.em.execute<{ conversation_id: string }[]>('SELECT conversation_id FROM conversation_members WHERE user_id = ?', [CALLER_ID])).map((x) => x.conversation_id);
        return (await ctx.em.execute<unknown[]>(mroongaPushdownSql(ids.length), [mroongaAgainst(q.q), ...ids, p.limit + 1])).length;
      }
      const [table, against] = variant === 'mroonga-join' ? ['message_search_mroonga', mroongaAgainst(q.q)] : ['message_search', booleanQuery(q.q)];
      return (await ctx.em.execute<unknown[]>(joinSql(table, scope), [CALLER_ID, against, ...(within ? [conversationId] : []), p.limit + 1])).length;
    };
    // Warm-up: every query once per variant and scope, not measured.
    for (const q of qs) for (const v of variants) for (const s of v.scopes) await searchOnce(v.name, s, q, loaded.callerConversations[0]!.id);

    const samples: Sample[] = [];
    for (const scope of ['within', 'across'] as const) {
      const started = performance.now();
      const inScope = variants.filter((v) => v.scopes.includes(scope));
      for (let i = 0; i < p.samples && performance.now() - started < p.capSeconds * 1000; i++) {
        const q = qs[i % qs.length]!;
        const conversationId = loaded.callerConversations[Math.floor(r() * loaded.callerConversations.length)]!.id;
        // Every variant answers the same request back to back, in an order that rotates.
        for (let k = 0; k < inScope.length; k++) {
          const v = inScope[(i + k) % inScope.length]!;
          const t = performance.now();
          const hits = await searchOnce(v.name, scope, q, conversationId);
          samples.push({ variant: v.name, scope, kind: q.kind, ms: performance.now() - t, hits });
        }
      }
      log(`search: ${scope}: ${samples.filter((s) => s.scope === scope).length} searches`);
    }
    const writes = await measureWrites(config, p, !mroongaError);

    const of = (variant: string, scope: Scope, kind?: string) => samples.filter((s) => s.variant === variant && s.scope === scope && (kind === undefined || s.kind === kind));
    const latency = Object.fromEntries(variants.map((v) => [v.name, Object.fromEntries(v.scopes.map((s) => [s, dist(of(v.name, s).map((x) => x.ms))]))])) as Record<string, Partial<Record<Scope, Dist>>>;
    const byKind = qs.map((q) => ({
      kind: q.kind,
      q: q.q,
      ...Object.fromEntries(variants.map((v) => [v.name, Object.fromEntries(v.scopes.map((s) => {
        const list = of(v.name, s, q.kind);
        return [s, { p50: dist(list.map((x) => x.ms)).p50, meanHits: list.reduce((n, x) => n + x.hits, 0) / Math.max(1, list.length) }];
      }))])),
    }));
    const machineAfter = { ...machine, loadAfter: loadAvg() };
    const durationSec = (performance.now() - t0) / 1000;
    if (mroongaError) notes.push(`Mroonga not measured: ${mroongaError}`);
    const md = report({ p, machine: machineAfter, durationSec, loaded, sizes, latency, byKind, writes, variants, notes });
    const files = write(path.join(root, 'bench/results'), 'search', { params: p, durationSec, machine: machineAfter, mroongaError, load: loaded, sizes, latency, byKind, writes }, md);
    console.log(`\n${md}`);
    log(`search: wrote ${files.map((f) => path.relative(root, f)).join(', ')}`);
  } finally {
    clearTimeout(deadline);
    await orm.close(true);
    redis.disconnect();
    await pool.end();
    await dropBenchDb(config);
  }
}

/**
 * What indexing adds to the logic worker's write: a transaction inserting a batch of messages
 * in one multi-row INSERT, alone, with the InnoDB index rows (repo/search's own statement) and
 * with Mroonga rows, each in one request with its COMMIT, interleaved.
 */
async function measureWrites(config: Config, p: SearchBenchParams, withMroonga: boolean): Promise<Record<string, Dist>> {
  const conn = await mysql.createConnection({
    host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password, database: BENCH_DB, multipleStatements: true, charset: 'utf8mb4',
  });
  const text = textGenerator(vocabulary(p.seed), p.seed + 99);
  const variants = ['messages only', 'messages + InnoDB index', ...(withMroonga ? ['messages + Mroonga index'] : [])];
  const times = new Map<string, number[]>(variants.map((v) => [v, []]));
  try {
    for (let round = 0; round < p.writeBatches; round++) {
      for (const [k, variant] of variants.entries()) {
        const conversationId = String(p.conversations + 1 + round * variants.length + k);
        const rows = Array.from({ length: p.writeBatchSize }, (_, i) => ({ conversationId, seq: i + 1, messageType: TEXT_MSG_TYPE, content: text() }));
        const statements = [
          conn.format(
            `INSERT INTO messages (conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at) VALUES ${rows.map(() => '(?, 2, ?, 1, ?, ?, 0, 0, NOW(3))').join(', ')}`,
            rows.flatMap((x) => [x.conversationId, x.seq, x.content, `w${conversationId}-${x.seq}`]),
          ),
        ];
        if (variant.includes('InnoDB')) statements.push(...indexInserts(rows).map((s) => conn.format(s.sql, s.params)));
        if (variant.includes('Mroonga')) {
          statements.push(conn.format(
            `INSERT INTO message_search_mroonga (message_id, conversation_id, body) VALUES ${rows.map(() => '((SELECT id FROM messages WHERE conversation_id = ? AND seq_id = ?), ?, ?)').join(', ')}`,
            rows.flatMap((x) => [x.conversationId, x.seq, x.conversationId, x.content]),
          ));
        }
        const t = performance.now();
        await conn.query(['START TRANSACTION', ...statements, 'COMMIT'].join(';\n'));
        times.get(variant)!.push(performance.now() - t);
      }
    }
  } finally {
    await conn.end();
  }
  return Object.fromEntries([...times].map(([v, list]) => [v, dist(list)]));
}

function report(x: {
  p: SearchBenchParams; machine: { cores: number; cpu: string; memGiB: number; node: string; loadBefore: number[]; loadAfter: number[] }; durationSec: number;
  loaded: Awaited<ReturnType<typeof loadCorpus>>; sizes: Awaited<ReturnType<typeof indexSizes>>; latency: Record<string, Partial<Record<Scope, Dist>>>;
  byKind: Record<string, unknown>[]; writes: Record<string, Dist>; variants: Variant[]; notes: string[];
}): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : 'n/a');
  const mib = (b: number | null) => (b === null ? 'n/a' : (b / 2 ** 20).toFixed(0));
  const pair = (d: Dist | undefined) => (d ? `${ms(d.p50)} / ${ms(d.p99)} (n=${d.n})` : '–');
  const columns = x.variants.flatMap((v) => v.scopes.map((s) => ({ v, s })));
  const biggest = x.loaded.callerConversations[0]!;
  const lines = [
    '# Message search benchmark',
    '',
    `\`npm run bench -- --only=search\` at ${new Date().toISOString()}, ${x.durationSec.toFixed(0)} s.`,
    `Machine: ${x.machine.cores} cores (${x.machine.cpu}), ${x.machine.memGiB} GiB, Node ${x.machine.node}; load average before ${x.machine.loadBefore.join(' ')}, after ${x.machine.loadAfter.join(' ')}.`,
    `${x.p.messages.toLocaleString('en')} messages (50% English, 40% Chinese, 10% mixed; Zipf-distributed words, chat-like lengths; 1% recalled) in ${x.p.conversations.toLocaleString('en')} conversations (Zipf sizes). The caller is in ${x.loaded.callerConversations.length} conversations holding ${x.loaded.callerConversations.reduce((n, c) => n + c.messages, 0).toLocaleString('en')} messages (largest ${biggest.messages.toLocaleString('en')}). Pages of ${x.p.limit}, newest first.`,
    '',
    '| variant | in one conversation p50 / p99 (ms) | across the caller\'s conversations p50 / p99 (ms) |',
    '|---|---|---|',
    ...x.variants.map((v) => `| \`${v.name}\`: ${v.label} | ${pair(x.latency[v.name]?.within)} | ${pair(x.latency[v.name]?.across)} |`),
    '',
    '| index | build after loading (s) | size on disk (MiB) |',
    '|---|---|---|',
    `| InnoDB FULLTEXT over bigrams | ${x.loaded.seconds.innodbIndex.toFixed(0)} | ${mib(x.sizes.innodbBytes)} |`,
    `| Mroonga | ${x.loaded.seconds.mroongaIndex?.toFixed(0) ?? 'n/a'} | ${mib(x.sizes.mroongaBytes)} |`,
    '',
    '## p50 by query (ms), with the mean number of messages returned (at most the page + 1)',
    '',
    `| query | text | ${columns.map(({ v, s }) => `${v.name} ${s}`).join(' | ')} |`,
    `|---|---|${columns.map(() => '---|').join('')}`,
    ...x.byKind.map((k) => {
      const cells = columns.map(({ v, s }) => {
        const c = (k[v.name] as Partial<Record<Scope, { p50: number; meanHits: number }>>)[s]!;
        return `${ms(c.p50)} (${c.meanHits.toFixed(1)})`;
      });
      return `| ${String(k.kind)} | ${String(k.q)} | ${cells.join(' | ')} |`;
    }),
    '',
    `## A batch of ${x.p.writeBatchSize} messages stored in one transaction (${x.p.writeBatches} batches each, interleaved)`,
    '',
    '| write | p50 / p99 (ms) |',
    '|---|---|',
    ...Object.entries(x.writes).map(([v, d]) => `| ${v} | ${ms(d.p50)} / ${ms(d.p99)} |`),
    '',
    '## Notes',
    '',
    `- Loading (generating the text, the bigram bodies and the multi-row INSERTs of every table): ${x.loaded.seconds.generateAndInsert.toFixed(0)} s. Both FULLTEXT indexes are built after loading, as the migration does.`,
    '- Every variant answers each request back to back (the order rotates), after one unmeasured pass over every query; one conversation is picked at random among the caller\'s for each request. Membership and recall are checked in every variant.',
    '- InnoDB matches every bigram of a CJK query (in any order), Mroonga the exact phrase; both take an English word as a prefix. Sizes: InnoDB counts the table with its FTS auxiliary tables, Mroonga what information_schema reports.',
    ...x.notes.map((n) => `- ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
