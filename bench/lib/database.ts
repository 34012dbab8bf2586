// Each bench cluster stores into a database of its own, made and migrated when the cluster starts
// and dropped when it stops: what a run measures then does not depend on what earlier runs left.
// They used to share the stack's `gochat` database, and every full run left some 500,000 messages
// behind; at 7.9 million, quick runs alternated against an empty database (same stack, load
// under 1 before each) gave 1:1 at 1,000 msg/s 15–23 ms p50 against 9–14, and groups-of-5
// throughput 3,112–4,478 msg/s against 3,870–5,318 (bench/README.md).
import mysql from 'mysql2/promise';
import { loadConfig, type Config } from '../../config/index.ts';
import { runMigrations } from '../../repo/migrate.ts';

/** Runs whose database is older than this are taken for crashed ones: their database is dropped. */
const STALE_MS = 6 * 3600_000;

export function benchDatabase(runId: string): string {
  return `gochat_${runId}`;
}

/** The run's time, from its id (bench/lib/cluster.ts newRunId: `bench` + base-36 milliseconds + 4 hex digits). */
function startedAt(database: string): number {
  const m = /^gochat_bench([0-9a-z]+)[0-9a-f]{4}t?$/.exec(database);
  return m ? parseInt(m[1]!, 36) : NaN;
}

async function admin(config: Config) {
  const { host, port, user, password } = config.mysql;
  return mysql.createConnection({ host, port, user, password });
}

/** Creates and migrates `database` (env: the cluster's environment); drops databases of runs that ended without dropping theirs. */
export async function createBenchDatabase(env: Record<string, string>, database: string): Promise<void> {
  const config = loadConfig({ ...process.env, ...env, MYSQL_DATABASE: database });
  const conn = await admin(config);
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(`SHOW DATABASES LIKE 'gochat\\_bench%'`);
    for (const r of rows) {
      const name = String(Object.values(r)[0]);
      if (Date.now() - startedAt(name) > STALE_MS) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  await runMigrations(config);
}

export async function dropBenchDatabase(env: Record<string, string>, database: string): Promise<void> {
  const conn = await admin(loadConfig({ ...process.env, ...env }));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}
