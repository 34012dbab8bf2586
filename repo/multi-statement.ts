// Transactions whose statements travel several to a request. The hot write path (the logic
// worker's batch store) needs about eight statements per Kafka batch; one request each made the
// store's time mostly round trips and socket writes on both sides (a CPU profile of the logic
// worker under load: a fifth of its CPU in socket writes). On these connections a transaction
// is two requests: the locking reads, then the writes with the COMMIT.
//
// Only this module's own pool accepts several statements per request; every other query of the
// application goes through the ORM's pool, which does not. Statements are formatted by mysql2
// with escaped parameters, never by string concatenation of values.
import mysql, { type Pool, type PoolConnection, type PoolOptions } from 'mysql2';
import { MYSQL2_OPTIONS } from './mysql2-options.ts';
import type { Em } from './orm.ts';

export interface Statement {
  sql: string;
  params: unknown[];
  /** Bytes of the parameters' text, when large (content): requests are kept under a budget. */
  bytes?: number;
}

export interface MultiTx {
  /** Runs the statements in as few requests as fit; one result per statement, in order. */
  run(statements: Statement[], opts?: { commit?: boolean }): Promise<unknown[]>;
}

/** Connections of the pool; the logic worker stores up to this many partitions' batches at once. */
const CONNECTIONS = 8;
/** Parameter bytes per request: escaped, well under max_allowed_packet (16 MiB). */
const REQUEST_BYTES = 4 * 2 ** 20;
const RETRIED_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

const pools = new WeakMap<object, Pool>();

interface ConnectionOptions {
  mapOptions(overrides: object): PoolOptions;
}

/** The pool of the ORM `em` belongs to, made on first use with the ORM's own connection settings. */
function poolOf(em: Em): Pool {
  const driver = em.getDriver();
  let pool = pools.get(driver);
  if (!pool) {
    const options = (em.getConnection() as unknown as ConnectionOptions).mapOptions({});
    pool = mysql.createPool({ ...options, ...MYSQL2_OPTIONS, connectionLimit: CONNECTIONS, maxIdle: CONNECTIONS, multipleStatements: true });
    pools.set(driver, pool);
  }
  return pool;
}

/** Ends the pool of an ORM (called when the ORM closes). */
export async function closeMultiStatementPool(driver: object): Promise<void> {
  const pool = pools.get(driver);
  if (!pool) return;
  pools.delete(driver);
  await new Promise<void>((resolve) => pool.end(() => resolve()));
}

/**
 * Runs `work` in one transaction on one connection. A deadlock or lock-wait timeout rolls the
 * whole transaction back and `work` runs again (it must compute everything from what it reads).
 * Any other error rolls back and is thrown as mysql2 raised it (`code`, `errno`, `sqlMessage`).
 */
export async function inMultiStatementTransaction<T>(em: Em, work: (tx: MultiTx) => Promise<T>, attempts = 4): Promise<T> {
  const pool = poolOf(em);
  for (let attempt = 1; ; attempt++) {
    const conn = await connectionOf(pool);
    let open = false;
    let committed = false;
    const tx: MultiTx = {
      async run(statements, opts = {}) {
        const all = [...(open ? [] : [{ sql: 'START TRANSACTION', params: [] }]), ...statements, ...(opts.commit ? [{ sql: 'COMMIT', params: [] }] : [])];
        const skip = open ? 0 : 1;
        open = true;
        const results: unknown[] = [];
        for (const request of requests(all)) results.push(...(await query(conn, request)));
        if (opts.commit) committed = true;
        return results.slice(skip, skip + statements.length);
      },
    };
    try {
      const result = await work(tx);
      if (!committed && open) await query(conn, [{ sql: 'COMMIT', params: [] }]);
      conn.release();
      return result;
    } catch (err) {
      await rollback(conn, open && !committed);
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !RETRIED_CODES.has(code) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

/** True for a duplicate-key error on the named unique key. */
export function isDuplicateKey(err: unknown, key: string): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e.code === 'ER_DUP_ENTRY' && typeof e.message === 'string' && e.message.includes(key);
}

/** DATETIME(3) text in UTC, the form the repo reads back (sql.ts `ms`). */
export function utcDateTime(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}

/** Consecutive runs of `items`, each at most `maxBytes` by `sizeOf` (an item larger alone stands alone) and `maxItems` long. */
export function chunkBySize<T>(items: T[], sizeOf: (item: T) => number, maxBytes: number, maxItems = Infinity): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Statements grouped into requests; escaping at most doubles a parameter's bytes. */
function requests(statements: Statement[]): Statement[][] {
  return chunkBySize(statements, (s) => (s.bytes ?? 0) * 2 + s.sql.length, REQUEST_BYTES);
}

function connectionOf(pool: Pool): Promise<PoolConnection> {
  return new Promise((resolve, reject) => pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn))));
}

/** One request; mysql2 answers a single statement with its result, several with an array of them. */
function query(conn: PoolConnection, statements: Statement[]): Promise<unknown[]> {
  const sql = statements.map((s) => conn.format(s.sql, s.params)).join(';\n');
  return new Promise((resolve, reject) => {
    conn.query(sql, (err, result) => {
      if (err) reject(err);
      else resolve(statements.length === 1 ? [result] : (result as unknown[]));
    });
  });
}

/** After a failure: roll back what is open; a connection that cannot is not reused. */
async function rollback(conn: PoolConnection, open: boolean): Promise<void> {
  if (!open) {
    conn.release();
    return;
  }
  try {
    await query(conn, [{ sql: 'ROLLBACK', params: [] }]);
    conn.release();
  } catch {
    conn.destroy();
  }
}
