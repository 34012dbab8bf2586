// The search benchmark's own database: `conversations`, `messages` and `conversation_members`
// made LIKE GoChat's (same columns and indexes, no foreign keys), `message_search` as the
// migration makes it, and `message_search_mroonga` (the same rows, raw text, Mroonga's bigram
// tokenizer). Filled with
// multi-row INSERTs, the FULLTEXT indexes built once the rows are in (as the migration does),
// dropped at the end, so the shared database never holds the million rows.
import mysql, { type Pool, type RowDataPacket } from 'mysql2/promise';
import type { Config } from '../../config/index.ts';
import { searchBody } from '../../repo/search/tokens.ts';
import { rng, textGenerator, type Vocabulary } from './search-corpus.ts';

export const BENCH_DB = 'gochat_bench_search';
export const CALLER_ID = 1;

export interface CorpusParams {
  messages: number;
  conversations: number;
  /** Conversations the searching user is a member of. */
  callerConversations: number;
  seed: number;
}

export interface Loaded {
  /** The caller's conversations, largest first, with their message counts. */
  callerConversations: { id: string; messages: number }[];
  seconds: { generateAndInsert: number; innodbIndex: number; mroongaIndex: number | null };
}

/** Rows per INSERT while loading. */
const LOAD_ROWS = 2000;

export function openPool(config: Config, database?: string): Pool {
  return mysql.createPool({
    host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password,
    ...(database ? { database } : {}), connectionLimit: 4, supportBigNumbers: true, charset: 'utf8mb4',
  });
}

export async function dropBenchDb(config: Config): Promise<void> {
  const pool = openPool(config);
  await pool.query(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
  await pool.end();
}

/** Why Mroonga tables cannot be made here, or null when they can. */
async function mroongaProblem(pool: Pool): Promise<string | null> {
  const probe = `\`${BENCH_DB}\`.mroonga_probe`;
  try {
    await pool.query(`CREATE TABLE ${probe} (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body)) ENGINE = Mroonga DEFAULT CHARSET = utf8mb4`);
    const [rows] = await pool.query<RowDataPacket[]>("SELECT engine FROM information_schema.tables WHERE table_schema = ? AND table_name = 'mroonga_probe'", [BENCH_DB]);
    await pool.query(`DROP TABLE ${probe}`);
    return rows[0]?.engine === 'Mroonga' ? null : `the table was created with engine ${String(rows[0]?.engine)} instead of Mroonga`;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A fresh bench database; answers why Mroonga is not available, or null when it is. */
export async function createBenchDb(config: Config): Promise<string | null> {
  const pool = openPool(config);
  try {
    const source = config.mysql.database;
    await pool.query(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
    await pool.query(`CREATE DATABASE \`${BENCH_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    for (const t of ['conversations', 'messages', 'conversation_members', 'message_search']) await pool.query(`CREATE TABLE \`${BENCH_DB}\`.${t} LIKE \`${source}\`.${t}`);
    // Built after loading, as the migration does.
    await pool.query(`ALTER TABLE \`${BENCH_DB}\`.message_search DROP INDEX ft_message_search_body`);
    const problem = await mroongaProblem(pool);
    if (!problem) {
      await pool.query(
        `CREATE TABLE \`${BENCH_DB}\`.message_search_mroonga (message_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, conversation_id BIGINT UNSIGNED NOT NULL, body MEDIUMTEXT NOT NULL,
          KEY idx_conversation (conversation_id)) ENGINE = Mroonga DEFAULT CHARSET = utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
    return problem;
  } finally {
    await pool.end();
  }
}

/** Conversation sizes follow a Zipf law: the largest holds a few percent of all messages, the median a dozen. */
function conversationPicker(count: number, r: () => number): () => number {
  const cum = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) cum[i] = sum += 1 / (i + 1) ** 0.9;
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export async function loadCorpus(pool: Pool, p: CorpusParams, vocab: Vocabulary, withMroonga: boolean, log: (s: string) => void): Promise<Loaded> {
  const r = rng(p.seed);
  const text = textGenerator(vocab, p.seed + 1);
  const conversationOf = conversationPicker(p.conversations, r);
  const seqs = new Uint32Array(p.conversations);
  const t0 = performance.now();
  const base = Date.UTC(2026, 0, 1);
  let pending: Promise<unknown>[] = [];
  for (let start = 0; start < p.messages; start += LOAD_ROWS) {
    const messages: unknown[] = [];
    const innodb: unknown[] = [];
    const mroonga: unknown[] = [];
    const end = Math.min(p.messages, start + LOAD_ROWS);
    for (let i = start; i < end; i++) {
      const id = i + 1;
      const rank = conversationOf();
      const conversationId = rank + 1;
      const seq = ++seqs[rank]!;
      const content = text();
      // One message in a hundred is recalled: stored, never indexed.
      const recalled = id % 100 === 0 ? 1 : 0;
      messages.push([id, conversationId, 2 + ((rank * 3 + Math.floor(r() * 3)) % 100_000), seq, 1, content, `b${id}`, 0, recalled, new Date(base + id * 2000)]);
      if (recalled) continue;
      innodb.push([id, conversationId, searchBody(String(conversationId), content)]);
      if (withMroonga) mroonga.push([id, conversationId, content]);
    }
    // Generating the next batch overlaps the server's work on this one.
    await Promise.all(pending);
    pending = [
      pool.query('INSERT INTO messages (id, conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at) VALUES ?', [messages]),
      pool.query('INSERT INTO message_search (message_id, conversation_id, body) VALUES ?', [innodb]),
      ...(withMroonga ? [pool.query('INSERT INTO message_search_mroonga (message_id, conversation_id, body) VALUES ?', [mroonga])] : []),
    ];
    if ((start / LOAD_ROWS) % 50 === 0) log(`search: ${start.toLocaleString('en')} of ${p.messages.toLocaleString('en')} messages stored`);
  }
  await Promise.all(pending);
  const generateAndInsert = (performance.now() - t0) / 1000;

  // Conversations with their last seq (what the across search reads to size the caller's).
  const conversations = Array.from({ length: p.conversations }, (_, i) => [i + 1, 2, seqs[i]!, new Date(base), new Date(base)]);
  for (let i = 0; i < conversations.length; i += 10_000) {
    await pool.query('INSERT INTO conversations (id, type, last_seq, created_at, updated_at) VALUES ?', [conversations.slice(i, i + 10_000)]);
  }
  // Members: three per conversation, and the caller in a spread of large and small ones.
  const members: unknown[] = [];
  for (let c = 1; c <= p.conversations; c++) for (let k = 0; k < 3; k++) members.push([c, 1000 + c * 3 + k, 'member', 0, new Date(base)]);
  const large = [2, 10, 40, 150, 600].filter((x) => x < p.conversations);
  const mine = new Set(large);
  while (mine.size < p.callerConversations) mine.add(1000 + Math.floor(r() * (p.conversations - 1000)));
  for (const rank of mine) members.push([rank + 1, CALLER_ID, 'member', 0, new Date(base)]);
  for (let i = 0; i < members.length; i += 10_000) {
    await pool.query('INSERT INTO conversation_members (conversation_id, user_id, role, muted, joined_at) VALUES ?', [members.slice(i, i + 10_000)]);
  }

  log('search: building the InnoDB FULLTEXT index');
  let t = performance.now();
  const conn = await pool.getConnection();
  try {
    await conn.query('SET SESSION innodb_ft_enable_stopword = 0');
    await conn.query('ALTER TABLE message_search ADD FULLTEXT INDEX ft_message_search_body (body)');
  } finally {
    conn.release();
  }
  const innodbIndex = (performance.now() - t) / 1000;
  let mroongaIndex: number | null = null;
  if (withMroonga) {
    log('search: building the Mroonga FULLTEXT index');
    t = performance.now();
    await pool.query('ALTER TABLE message_search_mroonga ADD FULLTEXT INDEX ft_body (body)');
    mroongaIndex = (performance.now() - t) / 1000;
  }
  await pool.query('ANALYZE TABLE conversations, messages, conversation_members, message_search');
  const callerConversations = [...mine].map((rank) => ({ id: String(rank + 1), messages: seqs[rank]! })).sort((a, b) => b.messages - a.messages);
  return { callerConversations, seconds: { generateAndInsert, innodbIndex, mroongaIndex } };
}

/** Bytes on disk of each variant's search table with its indexes. */
export async function indexSizes(pool: Pool): Promise<{ innodbBytes: number; mroongaBytes: number | null }> {
  const [spaces] = await pool.query<RowDataPacket[]>(
    "SELECT SUM(allocated_size) AS bytes FROM information_schema.innodb_sys_tablespaces WHERE name = ? OR name LIKE ?",
    [`${BENCH_DB}/message_search`, `${BENCH_DB}/FTS\\_%`],
  );
  const [tables] = await pool.query<RowDataPacket[]>(
    "SELECT data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = ? AND table_name = 'message_search_mroonga'",
    [BENCH_DB],
  );
  return { innodbBytes: Number(spaces[0]?.bytes ?? 0), mroongaBytes: tables[0] ? Number(tables[0].bytes) : null };
}
