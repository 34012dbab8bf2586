// GoChat's processes for a chaos run: gateways (fixed GATEWAY_ID and port, so a restart is the
// same gateway), logic workers and Temporal workers, each with its own METRICS_PORT; how many of
// each the profile says (two gateways and one of each worker, or 3/3/2 when clustered).
// Every exit is recorded; an exit the run did not cause is "unexpected" and is never restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { GATEWAY_NODE_FLAGS } from '../gateway/node-flags.ts';
import { freePort, waitFor } from '../test/realtime/harness.ts';
import { log } from './log.ts';
import { root } from './stack.ts';

export interface ExitRecord {
  proc: string;
  pid: number;
  at: number;
  code: number | null;
  signal: string | null;
  expected: boolean;
  /** The last lines the process wrote. */
  tail: string[];
}

/** One GoChat process that can be killed and started again with the same command and env. */
export class ManagedProc {
  readonly name: string;
  readonly entry: string[];
  readonly env: Record<string, string>;
  child: ChildProcess | undefined;
  startedAt = 0;
  private expectExit = false;
  private readonly lines: string[] = [];
  private readonly out: WriteStream;
  private readonly onExit: (e: ExitRecord) => void;
  /** Lines written since the mark (for the report's evidence). */
  private marked: string[] = [];

  constructor(name: string, entry: string[], env: Record<string, string>, logDir: string, onExit: (e: ExitRecord) => void) {
    this.name = name;
    this.entry = entry;
    this.env = env;
    this.onExit = onExit;
    mkdirSync(logDir, { recursive: true });
    this.out = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private closed = false;

  start(): void {
    if (this.closed) throw new Error(`${this.name}: the run is stopping; not starting it again`);
    if (this.alive) throw new Error(`${this.name} is already running`);
    this.expectExit = false;
    const child = spawn(process.execPath, this.entry, { cwd: root, env: { NODE_COMPILE_CACHE: path.join(root, '.stack', 'compile-cache'), ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.startedAt = Date.now();
    this.out.write(`=== ${new Date().toISOString()} start pid ${child.pid}: node ${this.entry.join(' ')}\n`);
    let partial = '';
    const keep = (chunk: Buffer) => {
      this.out.write(chunk);
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.trim()) continue;
        this.lines.push(line);
        if (this.lines.length > 300) this.lines.shift();
        if (this.marked.length < 2000) this.marked.push(line);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      const e: ExitRecord = { proc: this.name, pid: child.pid ?? 0, at: Date.now(), code, signal, expected: this.expectExit, tail: this.lines.slice(-30) };
      this.out.write(`=== ${new Date().toISOString()} exit pid ${child.pid}: code ${code} signal ${signal}${e.expected ? '' : ' (UNEXPECTED)'}\n`);
      this.onExit(e);
    });
  }

  /** kill -9, as a crash; resolves once the process is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) throw new Error(`${this.name} is not running`);
    this.expectExit = true;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectExit = true;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  tail(n = 30): string[] {
    return this.lines.slice(-n);
  }

  /** Lines written since the previous call. */
  takeMarked(): string[] {
    const m = this.marked;
    this.marked = [];
    return m;
  }

  /** No start after this (a fault's restart racing the run's stop would leave an orphan). */
  seal(): void {
    this.closed = true;
  }

  close(): void {
    this.out.end();
  }
}

export interface GatewayProc {
  index: number;
  id: string;
  port: number;
  url: string;
  wsUrl: string;
  proc: ManagedProc;
}

export interface ProcCounts {
  gateways: number;
  logic: number;
  workers: number;
}

/** A worker process with the port of its /readyz and /metrics. */
export interface WorkerProc {
  proc: ManagedProc;
  metricsPort: number;
}

export class Cluster {
  readonly env: Record<string, string>;
  readonly gateways: GatewayProc[] = [];
  readonly logics: WorkerProc[] = [];
  readonly workers: WorkerProc[] = [];
  readonly exits: ExitRecord[] = [];
  private readonly listeners: ((e: ExitRecord) => void)[] = [];

  private constructor(env: Record<string, string>, logDir: string, ports: { logic: number[]; worker: number[]; gateways: number[] }, runId: string, workflowBundle: string | undefined) {
    this.env = env;
    const onExit = (e: ExitRecord) => {
      this.exits.push(e);
      if (!e.expected) log(`UNEXPECTED EXIT of ${e.proc} (pid ${e.pid}, code ${e.code}, signal ${e.signal}); last lines:\n    ${e.tail.slice(-8).join('\n    ')}`);
      for (const l of this.listeners) l(e);
    };
    // One of a kind keeps its plain name (logic, worker), as in the single profile's reports.
    const name = (base: string, i: number, n: number) => (n === 1 ? base : `${base}${i + 1}`);
    ports.logic.forEach((port, i) => {
      this.logics.push({ metricsPort: port, proc: new ManagedProc(name('logic', i, ports.logic.length), ['logic/main.ts'], { ...env, METRICS_PORT: String(port) }, logDir, onExit) });
    });
    ports.worker.forEach((port, i) => {
      const entry = ['workers/main.ts', ...(workflowBundle ? ['--workflow-bundle', workflowBundle] : [])];
      this.workers.push({ metricsPort: port, proc: new ManagedProc(name('worker', i, ports.worker.length), entry, { ...env, METRICS_PORT: String(port) }, logDir, onExit) });
    });
    ports.gateways.forEach((port, index) => {
      const id = `gw${index + 1}-${runId}`;
      const proc = new ManagedProc(`gateway${index + 1}`, [...GATEWAY_NODE_FLAGS, 'gateway/server.ts'], { ...env, GATEWAY_ID: id, HTTP_PORT: String(port), METRICS_PORT: '0' }, logDir, onExit);
      this.gateways.push({ index, id, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws`, proc });
    });
  }

  static async create(env: Record<string, string>, logDir: string, runId: string, counts: ProcCounts, workflowBundle?: string): Promise<Cluster> {
    const ports = (n: number) => Promise.all(Array.from({ length: n }, () => freePort()));
    return new Cluster(env, logDir, { logic: await ports(counts.logic), worker: await ports(counts.workers), gateways: await ports(counts.gateways) }, runId, workflowBundle);
  }

  /** The first logic worker: the one the monitor polls and a logic fault kills. */
  get logic(): ManagedProc {
    return this.logics[0]!.proc;
  }

  get worker(): ManagedProc {
    return this.workers[0]!.proc;
  }

  get all(): ManagedProc[] {
    return [...this.logics.map((l) => l.proc), ...this.workers.map((w) => w.proc), ...this.gateways.map((g) => g.proc)];
  }

  onExit(fn: (e: ExitRecord) => void): void {
    this.listeners.push(fn);
  }

  unexpectedExits(since = 0): ExitRecord[] {
    return this.exits.filter((e) => !e.expected && e.at >= since);
  }

  logicUrl(p: string, i = 0): string {
    return `http://127.0.0.1:${this.logics[i]!.metricsPort}${p}`;
  }

  workerUrl(p: string, i = 0): string {
    return `http://127.0.0.1:${this.workers[i]!.metricsPort}${p}`;
  }

  /**
   * Starts every process and waits for its /readyz. A process that exits while starting (before
   * any traffic) is started again, up to `retries` times; its exit stays recorded as unexpected.
   */
  async start(timeoutMs = 120_000, retries = 1): Promise<void> {
    const targets: [ManagedProc, string][] = [
      ...this.logics.map((l, i) => [l.proc, this.logicUrl('/readyz', i)] as [ManagedProc, string]),
      ...this.workers.map((w, i) => [w.proc, this.workerUrl('/readyz', i)] as [ManagedProc, string]),
      ...this.gateways.map((g) => [g.proc, `${g.url}/readyz`] as [ManagedProc, string]),
    ];
    await Promise.all(targets.map(async ([proc, url]) => {
      for (let attempt = 0; ; attempt++) {
        proc.start();
        try {
          await this.waitReady(proc, url, timeoutMs);
          return;
        } catch (err) {
          if (proc.alive || attempt >= retries) throw err;
          log(`setup: ${proc.name} exited while starting; starting it again (the exit stays in the report)`);
        }
      }
    }));
  }

  /** Polls `url` until it answers 200; fails early if the process exits. Resolves with the time. */
  async waitReady(proc: ManagedProc, url: string, timeoutMs: number, everyMs = 100): Promise<number> {
    return waitFor(`${proc.name} ready (${url})`, async () => {
      if (!proc.alive) throw new Error(`${proc.name} is not running:\n${proc.tail(15).join('\n')}`);
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
      return r?.status === 200 ? Date.now() : undefined;
    }, timeoutMs, everyMs);
  }

  async stop(): Promise<void> {
    for (const p of this.all) p.seal();
    await Promise.all(this.all.map((p) => p.stop()));
    for (const p of this.all) p.close();
  }
}

/** Resident memory of a process in bytes, from /proc (NaN once it is gone). */
export function rssBytes(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) a process has used so far (NaN once it is gone). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
