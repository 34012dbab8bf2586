// Reads the messages table with the `mariadb` command-line client (no server code involved):
// what is stored is the ground truth the clients' view is checked against.
import { spawn } from 'node:child_process';

export interface DbTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function dbTarget(env: Record<string, string | undefined>): DbTarget {
  return {
    host: env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.MYSQL_PORT ?? 3306),
    user: env.MYSQL_USER ?? 'gochat',
    password: env.MYSQL_PASSWORD ?? 'gochat',
    database: env.MYSQL_DATABASE ?? 'gochat',
  };
}

/** Tab-separated rows of a query (strings; NULL as null). */
export function query(t: DbTarget, sql: string, timeoutMs = 60_000): Promise<(string | null)[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn('mariadb', ['--no-defaults', '--batch', '--skip-column-names', '--raw', '-h', t.host, '-P', String(t.port), '-u', t.user, t.database, '-e', sql], {
      env: { ...process.env, MYSQL_PWD: t.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`mariadb query failed (${code}): ${err.trim()}`));
      const text = Buffer.concat(out).toString('utf8');
      resolve(text.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map((v) => (v === 'NULL' ? null : v))));
    });
  });
}

export interface StoredRow {
  id: string;
  conv: string;
  seq: number;
  sender: string;
  cmid: string;
}

const idList = (ids: string[]) => ids.map((id) => (/^\d+$/.test(id) ? id : '0')).join(',');

/** Rows of the given conversations with an id above `afterId` (the run's own rows, read incrementally). */
export async function storedRows(t: DbTarget, convs: string[], afterId: string): Promise<StoredRow[]> {
  if (convs.length === 0) return [];
  const rows = await query(t, `SELECT id, conversation_id, seq_id, sender_id, client_msg_id FROM messages WHERE conversation_id IN (${idList(convs)}) AND id > ${/^\d+$/.test(afterId) ? afterId : '0'} ORDER BY id`);
  return rows.map(([id, conv, seq, sender, cmid]) => ({ id: id!, conv: conv!, seq: Number(seq), sender: sender!, cmid: cmid ?? '' }));
}

/** Per conversation: rows, highest and lowest seq, as the brief's gap query. */
export async function seqSummary(t: DbTarget, convs: string[]): Promise<Map<string, { count: number; max: number; min: number }>> {
  const out = new Map<string, { count: number; max: number; min: number }>();
  if (convs.length === 0) return out;
  const rows = await query(t, `SELECT conversation_id, COUNT(*), MAX(seq_id), MIN(seq_id) FROM messages WHERE conversation_id IN (${idList(convs)}) GROUP BY conversation_id`);
  for (const [conv, count, max, min] of rows) out.set(conv!, { count: Number(count), max: Number(max), min: Number(min) });
  return out;
}
