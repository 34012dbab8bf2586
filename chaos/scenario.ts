// A whole chaos run: infrastructure (the run's own stack, or the shared one), GoChat's
// processes, users and traffic, then each phase in turn and the slow-consumer scenario.
// Used by chaos/run.ts (npm run chaos) and by test/chaos/short.chaos.test.ts.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { deleteTopics } from '../test/helpers/run-topics.ts';
import { cleanupTemporal } from '../test/realtime/harness.ts';
import { ChatClient } from './client.ts';
import type { Cleanup } from './cleanup.ts';
import { dbTarget } from './db.ts';
import type { FaultCtx } from './faults.ts';
import { Ledger } from './ledger.ts';
import { log, sleep } from './log.ts';
import { Monitor } from './monitor.ts';
import { CLUSTER_FAULTS, INFRA_FAULTS, PROFILE_PROCS, SHARED_STACK_FAULTS, type ChaosOptions, type FaultName } from './options.ts';
import { emptyPhase, finalizeLive, runPhase, type PhaseDeps, type PhaseResult } from './phase.ts';
import { Cluster, type ExitRecord } from './procs.ts';
import { runSlow, type SlowResult } from './slow.ts';
import { ChaosStack, logScript, root } from './stack.ts';
import { befriend, buildWorld, registerUsers, steadyPlan, Traffic } from './traffic.ts';
import { Verifier } from './verify.ts';

export interface RunResult {
  runId: string;
  command: string;
  startedAt: string;
  durationS: number;
  commit: string;
  machine: { nproc: number; cpu: string; memGiB: number; node: string; loadBefore: number[]; loadAfter: number[]; uptime: string };
  stack: { mode: ChaosOptions['stack']; dir?: string; ports?: Record<string, number>; upS?: number; reused?: string[] };
  options: ChaosOptions;
  setupS: number;
  phases: PhaseResult[];
  slow?: SlowResult;
  /** Why the slow-consumer scenario has no result, if it was selected. */
  slowError?: string;
  /** Every exit the run did not cause, whenever it happened. */
  unexpectedExits: ExitRecord[];
  logDir: string;
  aborted?: string;
}

const loadAvg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
};

export function newResult(opts: ChaosOptions, command: string): RunResult {
  const runId = `k${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return {
    runId,
    command,
    startedAt: new Date().toISOString(),
    durationS: 0,
    commit: `${sh('git', ['rev-parse', '--short', 'HEAD'])}${sh('git', ['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : ''}`,
    machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadBefore: loadAvg(), loadAfter: [], uptime: sh('uptime', []) },
    stack: { mode: opts.stack },
    options: opts,
    setupS: 0,
    phases: [],
    unexpectedExits: [],
    logDir: path.join(root, 'chaos/results/logs', runId),
  };
}

/** The phases in order: each process fault once, each infrastructure fault `repeat` times. */
export function plan(opts: ChaosOptions): { fault: Exclude<FaultName, 'slow'>; tryIndex: number }[] {
  const out: { fault: Exclude<FaultName, 'slow'>; tryIndex: number }[] = [];
  for (const fault of opts.faults) {
    if (fault === 'slow') continue;
    if (opts.stack === 'shared' && !SHARED_STACK_FAULTS.includes(fault)) continue;
    const n = ([...INFRA_FAULTS, ...CLUSTER_FAULTS] as readonly string[]).includes(fault) ? opts.repeat : 1;
    for (let i = 0; i < n; i++) out.push({ fault, tryIndex: i });
  }
  return out;
}

async function deletePrefixed(host: string, port: number, prefix: string): Promise<void> {
  const redis = new Redis({ host, port, maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Every send with its outcome and deliveries, one JSON line each, next to the process logs. */
function dumpLedger(ledger: Ledger, file: string): void {
  const lines: string[] = [];
  for (const s of ledger.sends.values()) {
    const per = s.messageId ? ledger.deliveries.get(s.messageId) : undefined;
    lines.push(JSON.stringify({
      ...s, ids: [...s.ids], kind: ledger.convs.get(s.conv)?.kind,
      deliveries: per ? Object.fromEntries([...per].map(([u, d]) => [u, [d.firstAt, d.firstVia, d.liveAt ?? null, d.count]])) : {},
    }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  writeFileSync(file.replace(/sends\.jsonl$/, 'connections.json'), JSON.stringify(Object.fromEntries(ledger.connections)));
}

async function buildBundle(file: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['workers/bundle.ts', file], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`workflow bundle failed (${code}): ${err.slice(-2000)}`))));
  });
}

/** Time a phase may take at worst-but-usual: skip it when less than this is left. */
const PHASE_BUDGET_MS = 75_000;
const SLOW_BUDGET_MS = 150_000;
const TEARDOWN_MS = 30_000;

export async function runChaos(opts: ChaosOptions, result: RunResult, cleanup: Cleanup, shouldStop: () => boolean = () => false): Promise<RunResult> {
  const t0 = Date.now();
  const left = () => opts.hardLimitMs - (Date.now() - t0) - TEARDOWN_MS - (opts.faults.includes('slow') ? SLOW_BUDGET_MS : 0);
  const { runId } = result;
  let stack: ChaosStack | undefined;
  let appEnv: Record<string, string> = {};
  const bundle = path.join(opts.stack === 'own' ? path.join(root, '.stack/chaos') : os.tmpdir(), `workflow-bundle-${runId}.js`);
  const bundling = buildBundle(bundle);
  bundling.catch(() => undefined);
  cleanup.add('workflow bundle', () => rmSync(bundle, { force: true }));
  if (opts.stack === 'own') {
    stack = new ChaosStack(path.join(root, '.stack/chaos'), opts.portOffset, opts.profile);
    const reused = stack.reuseInstalls();
    const wiped = stack.freshData();
    if (wiped.length) log(`fresh Kafka and Temporal data for this run (removed ${wiped.join(', ')} under ${path.relative(root, stack.dir)})`);
    result.stack = { mode: 'own', dir: stack.dir, ports: { ...stack.ports }, reused };
    const s = stack;
    cleanup.add('stack down', async () => {
      log('stopping the run\'s stack');
      logScript('stack down', await s.down());
    });
    log(`bringing up the run's stack in ${stack.dir} (ports +${opts.portOffset})${reused.length ? `, reusing the shared stack's ${reused.join(', ')}` : ''}`);
    const up0 = Date.now();
    // The four services are independent: start them side by side.
    const outs = await Promise.all(s.services.map((svc) => s.script(['up', svc])));
    outs.forEach((o) => logScript('stack', o));
    result.stack.upS = Math.round((Date.now() - up0) / 100) / 10;
    logScript('migrate', await stack.migrate());
    appEnv = stack.appEnv();
  }
  await bundling;

  const env: Record<string, string> = {
    ...appEnv,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'gochat-chaos-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    KAFKA_TOPIC_SUFFIX: `.${runId}`,
    TEMPORAL_TASK_QUEUE: `gochat-${runId}`,
    REDIS_KEY_PREFIX: `${runId}:`,
    FANOUT_THRESHOLD: String(opts.fanoutThreshold),
    SIGNUPS_PER_IP_PER_MINUTE: '100000',
  };
  const merged = { ...process.env, ...env };
  const redisAt = { host: merged.REDIS_HOST ?? '127.0.0.1', port: Number(merged.REDIS_PORT ?? 6379) };
  const temporalAddress = merged.TEMPORAL_ADDRESS ?? `127.0.0.1:${merged.TEMPORAL_PORT ?? '7233'}`;
  if (opts.stack === 'shared') {
    cleanup.add('run keys', () => deletePrefixed(redisAt.host, redisAt.port, `${runId}:`));
    cleanup.add('temporal leftovers', () => cleanupTemporal(env.TEMPORAL_TASK_QUEUE!, { address: temporalAddress }));
    cleanup.add('run topics', async () => {
      await deleteTopics((topic) => topic.endsWith(env.KAFKA_TOPIC_SUFFIX!), merged);
    });
  }

  const cluster = await Cluster.create(env, result.logDir, runId, PROFILE_PROCS[opts.profile], bundle);
  cluster.onExit((e) => {
    if (!e.expected) result.unexpectedExits.push(e);
  });
  cleanup.add('GoChat processes', () => cluster.stop());
  const counts = PROFILE_PROCS[opts.profile];
  log(`starting ${counts.gateways} gateways, ${counts.logic} logic and ${counts.workers} Temporal worker(s) (logs in ${path.relative(root, result.logDir)})`);
  await cluster.start();
  const monitor = new Monitor(cluster, stack);
  monitor.start();
  cleanup.add('monitor', () => monitor.stop());

  const ledger = new Ledger();
  const verifier = new Verifier(ledger, dbTarget(merged));
  cleanup.add('ledger dump', () => {
    for (const p of result.phases) finalizeLive(p, ledger);
    dumpLedger(ledger, path.join(result.logDir, 'sends.jsonl'));
  });
  log(`registering ${opts.users} users and their conversations`);
  const world = await buildWorld(cluster.gateways, ledger, runId, opts.users, { resendMs: opts.resendMs, framesPerSecond: opts.clientFramesPerSecond });
  // One fast-reconnecting client per gateway, in a 1:1 of their own: they tell when a restarted gateway serves again.
  // Probes on the first two gateways, the ones a gateway fault kills (two tries: gw1, then gw2).
  const probeUsers = await registerUsers(cluster.gateways.slice(0, 2), `q${runId}u`, 2);
  const probeConv = await befriend(cluster.gateways[0]!, probeUsers[0]!, probeUsers[1]!);
  ledger.convs.set(probeConv, { id: probeConv, kind: '1:1', members: probeUsers.map((u) => u.id) });
  const probes = probeUsers.map((user, i) => new ChatClient({
    user, gateway: { index: i, wsUrl: cluster.gateways[i]!.wsUrl }, conversations: [probeConv], ledger, runId,
    resendMs: opts.resendMs, framesPerSecond: opts.clientFramesPerSecond, backoff: { baseMs: 50, maxMs: 100 },
  }));
  const clients = [...world.clients, ...probes];
  cleanup.add('clients', () => clients.forEach((c) => c.stop()));
  for (const c of clients) c.connect();
  const readyBy = Date.now() + 30_000;
  while (Date.now() < readyBy && !clients.every((c) => c.isReady)) await sleep(100);
  if (!clients.every((c) => c.isReady)) throw new Error(`only ${clients.filter((c) => c.isReady).length}/${clients.length} clients got ready`);
  const traffic = new Traffic(steadyPlan(world), opts.rate);
  traffic.start();
  cleanup.add('traffic', () => traffic.stop());
  result.setupS = Math.round((Date.now() - t0) / 100) / 10;
  log(`setup done in ${result.setupS} s: ${world.convs.length} conversations, ${clients.length} clients, ${opts.rate} msg/s`);

  const faultCtx: FaultCtx = {
    cluster, stack, redis: { ...redisAt, prefix: `${runId}:` }, downMs: opts.downMs, clusterDownMs: opts.clusterDownMs, recoveryMaxMs: opts.recoveryMaxMs, probes, probeConv,
  };
  const deps: PhaseDeps = { opts, cluster, monitor, ledger, verifier, traffic, clients: () => clients, faultCtx };
  const broken = () => {
    const dead = cluster.all.filter((p) => !p.alive);
    return dead.length > 0 ? `${dead.map((p) => p.name).join(', ')} not running (exited unexpectedly; the run restarts only what it killed)` : undefined;
  };

  result.phases.push(await runPhase(deps, 'steady', 0));
  for (const { fault, tryIndex } of plan(opts)) {
    const why = shouldStop()
      ? 'run stopped (time limit or signal)'
      : broken() ?? (left() < PHASE_BUDGET_MS ? `not enough time left within the ${opts.hardLimitMs / 60_000} min limit` : undefined);
    if (why) {
      result.phases.push({ ...emptyPhase(fault, tryIndex + 1, '', opts.profile), skipped: why });
      continue;
    }
    result.phases.push(await runPhase(deps, fault, tryIndex));
  }
  if (opts.faults.includes('slow')) {
    const why = shouldStop() ? 'run stopped (time limit or signal)' : broken();
    if (why) {
      result.slowError = `skipped: ${why}`;
      log(`slow consumers skipped: ${why}`);
    } else {
      try {
        result.slow = await runSlow(opts.slow, {
          cluster, monitor, ledger, verifier, runId, regular: clients, steady: traffic, drainMs: opts.drainMs, resendMs: opts.resendMs,
          framesPerSecond: opts.clientFramesPerSecond, baselineMs: opts.baselineMs, controlInFlight: deps.controlInFlight, calmMaxMs: opts.calmMaxMs,
        });
      } catch (err) {
        if (shouldStop()) throw err;
        result.slowError = `failed: ${err instanceof Error ? err.message : String(err)}`;
        log(`slow consumers ${result.slowError}`);
      }
    }
  }
  traffic.stop();
  return result;
}
