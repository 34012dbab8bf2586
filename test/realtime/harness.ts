// End-to-end harness: runs GoChat's real processes (gateways, logic worker, Temporal worker) as
// child processes on the local stack, with a topic suffix and task queue of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.ts';
import { uniqueSuffix } from '../helpers/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Every child still running; killed when this test process exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `nodeFlags` go before the entry (V8 flags such as the gateway's, gateway/node-flags.ts). */
export function startProcess(name: string, entry: string, env: Record<string, string>, args: string[] = [], nodeFlags: readonly string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeFlags, path.join(root, entry), ...args], {
    cwd: root,
    env: { NODE_COMPILE_CACHE: path.join(root, '.stack', 'compile-cache'), ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 500) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  return {
    name,
    child,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastErr instanceof Error ? `: ${lastErr.message}` : ''}`, { cause: lastErr });
}

export interface GatewayProc {
  id: string;
  url: string;
  wsUrl: string;
  proc: Proc;
}

/** Starts `gateway/server.ts` on a free port and waits until its /readyz answers. */
export async function startGateway(id: string, env: Record<string, string>): Promise<GatewayProc> {
  const port = await freePort();
  const proc = startProcess(`gateway-${id}`, 'gateway/server.ts', { ...env, GATEWAY_ID: id, HTTP_PORT: String(port) }, [], GATEWAY_NODE_FLAGS);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`gateway ${id} ready`, async () => {
      if (proc.child.exitCode !== null) throw new Error(`gateway ${id} exited:\n${proc.output.join('')}`);
      const r = await fetch(`${url}/readyz`).catch(() => undefined);
      return r?.ok;
    }, 60_000, 200);
  } catch (err) {
    await proc.stop('SIGKILL');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\ngateway ${id} output:\n${proc.output.join('').slice(-3000)}`, { cause: err });
  }
  return { id, url, wsUrl: `ws://127.0.0.1:${port}/ws`, proc };
}

export interface Cluster {
  env: Record<string, string>;
  gateways: GatewayProc[];
  logic: Proc;
  worker: Proc;
  startGateway(id: string): Promise<GatewayProc>;
  stop(): Promise<void>;
}

/**
 * A run's Temporal leftovers: the worker's cleanup Schedule for its task queue, and the
 * presence-{userId} workflows its disconnected clients started, which no worker finishes once
 * the run is over (thousands of them, run after run, kept the local Temporal server busy).
 * The workflows end in one batch operation the server runs on its own; with `waitMs`, this waits
 * for it (a bench run must not leave the server busy terminating them under the next run).
 */
export async function cleanupTemporal(taskQueue: string, opts: { waitMs?: number; address?: string } = {}): Promise<void> {
  const connection = await Connection.connect({ address: opts.address ?? process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${process.env.TEMPORAL_PORT ?? '7233'}` });
  const client = new Client({ connection });
  try {
    // never created when the worker did not get that far
    await client.schedule.getHandle(`presence-cleanup-${taskQueue}`).delete().catch(() => undefined);
    await client.workflowService.startBatchOperation({
      namespace: 'default',
      jobId: `cleanup-${taskQueue}`,
      reason: 'run finished',
      visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      terminationOperation: {},
    }).catch((err: unknown) => console.warn(`could not terminate the run's workflows: ${(err as Error).message}`));
    const until = Date.now() + (opts.waitMs ?? 0);
    while (Date.now() < until) {
      const op = await client.workflowService.describeBatchOperation({ namespace: 'default', jobId: `cleanup-${taskQueue}` }).catch(() => undefined);
      if (op?.state !== proto.temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await connection.close();
  }
}

/** Two gateways, one logic worker and one Temporal worker, isolated by topic suffix and task queue. */
export async function startCluster(opts: { gateways?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    KAFKA_TOPIC_SUFFIX: suffix,
    TEMPORAL_TASK_QUEUE: `gochat${suffix}`,
    METRICS_PORT: '0',
    // Every suite signs its users up from 127.0.0.1 into one shared per-address bucket: suites
    // running side by side must not throttle each other (the limits have tests of their own).
    SIGNUPS_PER_IP_PER_MINUTE: '100000',
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '100000',
    ...opts.env,
  };
  const procs: Proc[] = [];
  const cluster: Cluster = {
    env,
    gateways: [],
    logic: startProcess('logic', 'logic/main.ts', env),
    worker: startProcess('worker', 'workers/main.ts', env),
    async startGateway(id) {
      const gw = await startGateway(id, env);
      procs.push(gw.proc);
      cluster.gateways.push(gw);
      return gw;
    },
    async stop() {
      await Promise.all([...procs, cluster.logic, cluster.worker].map((p) => p.stop()));
      await cleanupTemporal(env.TEMPORAL_TASK_QUEUE!);
    },
  };
  procs.push(cluster.logic, cluster.worker);
  try {
    for (let i = 1; i <= (opts.gateways ?? 2); i++) await cluster.startGateway(`gw${i}${suffix.replace(/\W/g, '')}`);
  } catch (err) {
    // A cluster that did not come up must not leave its processes running for the rest of the suite.
    await cluster.stop().catch(() => undefined);
    throw err;
  }
  return cluster;
}
