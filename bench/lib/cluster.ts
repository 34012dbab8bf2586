// GoChat's real processes for a bench run: gateways, one logic worker, one Temporal worker, each
// its own Node process, isolated from other runs by topic suffix, task queue, Redis prefix and a
// database of its own (bench/lib/database.ts).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deleteTopics } from '../../test/helpers/run-topics.ts';
import { benchDatabase, createBenchDatabase, dropBenchDatabase } from './database.ts';
import { cleanupTemporal, startGateway, startProcess, waitFor, type GatewayProc, type Proc } from '../../test/realtime/harness.ts';

export type Gateway = GatewayProc;

export interface BenchCluster {
  env: Record<string, string>;
  runId: string;
  gateways: Gateway[];
  logic: Proc;
  worker: Proc;
  startGateway(id: string): Promise<Gateway>;
  stopGateway(gw: Gateway): Promise<void>;
  stop(): Promise<void>;
}

export const BENCH_JWT_SECRET = 'gochat-bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * How long stopping a run's cluster waits for the server to end its presence workflows (about a
 * minute for a quick run's thousand): a run started meanwhile measured the termination too.
 */
export const CLEANUP_WAIT_MS = 150_000;

export function benchEnv(runId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: BENCH_JWT_SECRET,
    KAFKA_TOPIC_SUFFIX: `.${runId}`,
    TEMPORAL_TASK_QUEUE: `gochat-${runId}`,
    REDIS_KEY_PREFIX: `${runId}:`,
    METRICS_PORT: '0',
    // the load is many frames per second per socket, far above a human's
    WS_MAX_FRAMES_PER_SECOND: '100000',
    ...extra,
  };
}

export function newRunId(): string {
  return `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

/** With `profileDir`, the logic worker, the Temporal worker and the gateways write V8 CPU profiles there when they stop. */
export async function startBenchCluster(runId: string, gateways: number, extraEnv: Record<string, string> = {}, profileDir?: string): Promise<BenchCluster> {
  const database = benchDatabase(runId);
  const env = benchEnv(runId, { MYSQL_DATABASE: database, ...extraEnv });
  await createBenchDatabase(env, database);
  const profiled: Record<string, string> = profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {};
  const all: Proc[] = [];
  const start = (name: string, entry: string, e: Record<string, string>) => {
    const p = startProcess(name, entry, e);
    all.push(p);
    return p;
  };
  const cluster: BenchCluster = {
    env,
    runId,
    gateways: [],
    logic: start('logic', 'logic/main.ts', { ...env, ...profiled }),
    worker: start('worker', 'workers/main.ts', { ...env, ...profiled }),
    async startGateway(id) {
      const gw = await startGateway(id, { ...env, ...profiled });
      all.push(gw.proc);
      cluster.gateways.push(gw);
      return gw;
    },
    async stopGateway(gw) {
      await gw.proc.stop();
      cluster.gateways = cluster.gateways.filter((g) => g !== gw);
    },
    async stop() {
      await Promise.all(all.map((p) => p.stop()));
      await cleanupTemporal(env.TEMPORAL_TASK_QUEUE!, { waitMs: CLEANUP_WAIT_MS });
      await deleteTopics((topic) => topic.endsWith(env.KAFKA_TOPIC_SUFFIX!));
      await dropBenchDatabase(env, database);
    },
  };
  for (let i = 1; i <= gateways; i++) await cluster.startGateway(`gw${i}-${runId}`);
  await waitFor('logic worker up', () => cluster.logic.child.exitCode === null || Promise.reject(new Error(cluster.logic.output.join(''))), 5000);
  return cluster;
}

// ---- process figures from /proc ----
const CLK_TCK = 100;

export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export function loadAvg(): number[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/**
 * The machine's CPU time so far (all cores, in clock ticks): idle (idle + iowait) and total. Guest
 * time is left out, as the kernel already counts it in user time.
 */
export function machineTimes(): { idle: number; total: number } {
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

/** Seconds of CPU the whole machine (all cores) spent busy so far. */
export function machineBusySeconds(): number {
  const t = machineTimes();
  return (t.total - t.idle) / CLK_TCK;
}

/** Share of the machine's CPU time (all cores) that was busy over `ms`. */
export async function machineBusy(ms: number): Promise<number> {
  const a = machineTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineTimes();
  return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
}

/**
 * Waits until the machine is quiet (busy below `below` over one second), at most `maxMs`: work
 * that trails a phase (the last connects' presence writes) is not charged to the next one.
 * Returns how long it waited and how busy the last second was.
 */
export async function settle(below: number, maxMs: number): Promise<{ ms: number; busy: number }> {
  const t0 = performance.now();
  for (;;) {
    const busy = await machineBusy(1000);
    if (busy < below || performance.now() - t0 >= maxMs) return { ms: performance.now() - t0, busy };
  }
}
