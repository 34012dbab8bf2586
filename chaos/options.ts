// Options of a chaos run: the command line (`npm run chaos -- --quick --only=logic,redis
// --repeat=3 --rate=80`) turned into one object of windows, rates and fault lists.

export const PROC_FAULTS = ['logic', 'gateway', 'worker'] as const;
export const INFRA_FAULTS = ['kafka', 'redis', 'mariadb', 'temporal', 'redis-keys'] as const;
/** Faults of the clustered profile's engines: one of three Kafka brokers, the active KRaft controller, one Redis Cluster primary. */
export const CLUSTER_FAULTS = ['kafka-broker', 'kafka-controller', 'redis-primary'] as const;
export const ALL_FAULTS = [...PROC_FAULTS, ...INFRA_FAULTS, ...CLUSTER_FAULTS, 'slow'] as const;
export type FaultName = (typeof ALL_FAULTS)[number];
/** The default profile's faults: all but the clustered engines'. */
export const SINGLE_PROFILE_FAULTS: readonly FaultName[] = ALL_FAULTS.filter((f) => !(CLUSTER_FAULTS as readonly string[]).includes(f));
/** Faults that leave the infrastructure running: the only ones allowed on the shared stack. */
export const SHARED_STACK_FAULTS: readonly FaultName[] = ['logic', 'gateway', 'worker', 'redis-keys'];
/**
 * The clustered profile (`--cluster`): what a scaled-out deployment loses. Its single-node
 * services (MariaDB, Temporal) are the same as in the default profile and are left out; the
 * single Redis and Kafka it does not run.
 */
export const CLUSTER_PROFILE_FAULTS: readonly FaultName[] = ['logic', 'gateway', 'worker', 'kafka-broker', 'kafka-controller', 'redis-primary'];
/** How many of each GoChat process a profile runs. */
export const PROFILE_PROCS = { single: { gateways: 2, logic: 1, workers: 1 }, cluster: { gateways: 3, logic: 3, workers: 2 } } as const;

export interface SlowOptions {
  /** Sockets that never read. */
  sockets: number;
  /** Slow users per group; each group also holds 3 senders (two connections each, reading normally). */
  groupSize: number;
  /** Sockets each slow user opens (phone, laptop, tabs): each gets every frame of the user's groups. */
  socketsPerUser: number;
  rate: number;
  durationMs: number;
  contentBytes: number;
  /** After the burst: how long to keep watching memory and sockets. */
  afterMs: number;
  /** A burst sender holding this many unacked sends skips its turn (the backlog stays drainable). */
  maxInFlight: number;
}

export interface ChaosOptions {
  /** `own`: a stack of the run's own in GOCHAT_STACK_DIR; `shared`: the stack already running. */
  stack: 'own' | 'shared';
  /**
   * `single`: one MariaDB, Redis, Kafka broker and Temporal, two gateways, one logic worker, one
   * Temporal worker. `cluster`: a 3+3 Redis Cluster and three Kafka brokers (replication factor
   * 3, min.insync.replicas 2) instead of the single Redis and Kafka, three gateways, three
   * logic workers and two Temporal workers.
   */
  profile: 'single' | 'cluster';
  quick: boolean;
  faults: FaultName[];
  /** Tries of each infrastructure fault (key loss included). */
  repeat: number;
  /** Messages per second of the steady traffic, all users together. */
  rate: number;
  /** Users of the steady traffic (the large group holds them all). */
  users: number;
  fanoutThreshold: number;
  baselineMs: number;
  /** Between the kill and the restart. */
  downMs: number;
  /** A killed Kafka broker or Redis primary stays down this long: the cluster must cope without it. */
  clusterDownMs: number;
  /** Longest wait, before each baseline, for the previous phase's backlog to clear. */
  calmMaxMs: number;
  /** Longest wait for recovery (first ack, fan-out delivery, p99 and live delivery back) after the restart. */
  recoveryMaxMs: number;
  settleMs: number;
  /** At each checkpoint: longest wait for every send to be acked and every sync answered. */
  drainMs: number;
  /** A client resends an unacked send after this long. */
  resendMs: number;
  /** Frames per second a client allows itself (the server refuses above WS_MAX_FRAMES_PER_SECOND). */
  clientFramesPerSecond: number;
  /** p99 is "back" when within this factor of the baseline p99 (never below 2 × the floor). */
  p99Factor: number;
  p99FloorMs: number;
  slow: SlowOptions;
  /** Added to every default port of the stack for the run's own instance (3306 → 13306 …). */
  portOffset: number;
  /** Whole-run limit; past it the run reports what it has and stops everything. */
  hardLimitMs: number;
}

export function defaultOptions(quick: boolean): ChaosOptions {
  return {
    stack: 'own',
    profile: 'single',
    quick,
    faults: [...SINGLE_PROFILE_FAULTS],
    repeat: quick ? 1 : 2,
    rate: 50,
    users: 25,
    fanoutThreshold: 20,
    baselineMs: quick ? 6000 : 9000,
    downMs: 2000,
    clusterDownMs: 10_000,
    calmMaxMs: quick ? 15_000 : 20_000,
    recoveryMaxMs: quick ? 40_000 : 60_000,
    settleMs: quick ? 5000 : 8000,
    drainMs: quick ? 30_000 : 45_000,
    resendMs: 3000,
    clientFramesPerSecond: 40,
    p99Factor: 2,
    p99FloorMs: 10,
    slow: { sockets: 100, groupSize: 17, socketsPerUser: 4, rate: 1000, durationMs: quick ? 15_000 : 20_000, contentBytes: 16_000, afterMs: 8000, maxInFlight: 20 },
    portOffset: 10_000,
    hardLimitMs: quick ? 12 * 60_000 : 15 * 60_000,
  };
}

function value(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

function int(args: string[], name: string, fallback: number, min: number): number {
  const v = value(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${v}`);
  return n;
}

export function parseArgs(args: string[]): ChaosOptions {
  const known = ['quick', 'cluster', 'only', 'repeat', 'rate', 'slow-rate', 'port-offset', 'help'];
  for (const a of args) {
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : undefined;
    if (name !== undefined && !known.includes(name)) throw new Error(`unknown option ${a} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  }
  const o = defaultOptions(args.includes('--quick'));
  if (args.includes('--cluster')) {
    o.profile = 'cluster';
    o.faults = [...CLUSTER_PROFILE_FAULTS];
    // Every broker killed once, the active controller three times, three Redis primaries.
    o.repeat = o.quick ? 1 : 3;
  }
  const allowed: readonly FaultName[] = o.profile === 'cluster' ? CLUSTER_PROFILE_FAULTS : SINGLE_PROFILE_FAULTS;
  const only = value(args, 'only');
  if (only !== undefined) {
    const list = only.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((f) => !(allowed as readonly string[]).includes(f));
    if (bad.length > 0) throw new Error(`fault(s) ${bad.join(', ')} not in the ${o.profile} profile; known: ${allowed.join(', ')}`);
    o.faults = allowed.filter((f) => list.includes(f));
  }
  o.repeat = int(args, 'repeat', o.repeat, 1);
  o.rate = int(args, 'rate', o.rate, 1);
  o.slow.rate = int(args, 'slow-rate', o.slow.rate, 1);
  o.portOffset = int(args, 'port-offset', o.portOffset, 1);
  return o;
}

export const USAGE = `npm run chaos [-- options]
  --quick            one try of each fault, shorter windows
  --cluster          the clustered profile: Redis Cluster, three Kafka brokers, 3 gateways,
                     3 logic and 2 Temporal workers; faults ${CLUSTER_PROFILE_FAULTS.join(', ')}
  --only=a,b         faults to run, of: ${SINGLE_PROFILE_FAULTS.join(', ')}
  --repeat=N         tries of each infrastructure fault (default 2, --cluster 3, --quick 1)
  --rate=N           steady traffic in messages/s (default 50)
  --slow-rate=N      messages/s to the slow sockets' groups (default 1000)
  --port-offset=N    the run's stack listens on the default ports + N (default 10000)`;
