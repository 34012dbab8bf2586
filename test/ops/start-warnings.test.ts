// Each process starts without a single warning and stops on SIGTERM with exit 0 within its
// deadline. Every line a process writes must be a JSON line of the process logger below warn:
// a kafkajs or Temporal warning, a Node warning (`(node:…`), webpack output or anything else
// printed outside the logger fails the test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../helpers/config.ts';
import { cleanupTemporal, freePort, startProcess, waitFor, type Proc } from '../realtime/harness.ts';
import { writeWorkflowBundle } from '../../workers/bundle.ts';

interface Captured {
  proc: Proc;
  stdout: string[];
  stderr: string[];
}

/** Whole lines of each stream, collected from the moment the process is spawned. */
function capture(proc: Proc): Captured {
  const c: Captured = { proc, stdout: [], stderr: [] };
  for (const [stream, lines] of [[proc.child.stdout, c.stdout], [proc.child.stderr, c.stderr]] as const) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.trim() !== ''));
    });
    stream?.on('end', () => {
      if (partial.trim() !== '') lines.push(partial);
    });
  }
  return c;
}

type LogLine = Record<string, unknown> & { level: number; msg?: string; process: string };

function parse(line: string): LogLine | undefined {
  try {
    const v = JSON.parse(line) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as LogLine).level === 'number' && typeof (v as LogLine).process === 'string' ? (v as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

/** Every line that is not an info-or-lower JSON line of this process's logger. */
function problems(c: Captured, processName: string): string[] {
  const bad: string[] = [];
  for (const [stream, lines] of [['stdout', c.stdout], ['stderr', c.stderr]] as const) {
    for (const line of lines) {
      const parsed = parse(line);
      if (line.includes('(node:')) bad.push(`${stream} Node warning: ${line}`);
      else if (!parsed) bad.push(`${stream} not a log line: ${line}`);
      else if (parsed.process !== processName) bad.push(`${stream} from process ${parsed.process}: ${line}`);
      else if (parsed.level >= 40) bad.push(`${stream} level ${parsed.level}: ${line}`);
    }
  }
  return bad;
}

const hasLine = (c: Captured, msg: string) => c.stdout.some((l) => parse(l)?.msg === msg);

const suffix = uniqueSuffix();
const gatewayId = `gwstart${suffix.replace(/\W/g, '')}`;
const env: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  KAFKA_TOPIC_SUFFIX: suffix,
  TEMPORAL_TASK_QUEUE: `gochat${suffix}`,
  METRICS_PORT: '0',
};
let bundleDir: string;
const started: Captured[] = [];

beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(tmpdir(), 'gochat-bundle-'));
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(started.map((c) => c.proc.stop('SIGKILL')));
  await cleanupTemporal(env.TEMPORAL_TASK_QUEUE!);
  await rm(bundleDir, { recursive: true, force: true });
});

describe('process start and stop', () => {
  it('stops a process whose configuration is invalid with exit 78 and one fatal log line naming the variable', async () => {
    const bad = capture(startProcess('logic', 'logic/main.ts', { ...env, KAFKA_UPSTREAM_PARTITIONS: 'many' }));
    // 'close': the process has exited and its streams are read to the end.
    expect(await new Promise((resolve) => bad.proc.child.once('close', resolve))).toBe(78);
    expect(bad.stderr).toEqual([]);
    expect(bad.stdout.map(parse)).toEqual([expect.objectContaining({ level: 60, process: 'logic', problems: [expect.stringContaining('KAFKA_UPSTREAM_PARTITIONS')] })]);
  });

  it('starts the logic worker, the Temporal worker and a gateway without a warning; each exits 0 on SIGTERM within its deadline', { timeout: 180_000 }, async () => {
    // As `npm start` and production run it: a bundle built beforehand.
    const bundle = await writeWorkflowBundle(path.join(bundleDir, 'workflow-bundle.js'));
    const logic = capture(startProcess('logic', 'logic/main.ts', env));
    const worker = capture(startProcess('worker', 'workers/main.ts', env, ['--workflow-bundle', bundle]));
    started.push(logic, worker);
    await waitFor('logic consuming', () => {
      if (logic.proc.child.exitCode !== null) throw new Error(`logic exited:\n${logic.proc.output.join('')}`);
      return hasLine(logic, 'logic worker consuming');
    }, 60_000, 100);
    await waitFor('worker polling', () => {
      if (worker.proc.child.exitCode !== null) throw new Error(`worker exited:\n${worker.proc.output.join('')}`);
      return hasLine(worker, 'worker polling');
    }, 60_000, 100);
    const port = await freePort();
    const gateway = capture(startProcess('gateway', 'gateway/server.ts', { ...env, GATEWAY_ID: gatewayId, HTTP_PORT: String(port) }));
    started.push(gateway);
    await waitFor('gateway ready', async () => {
      if (gateway.proc.child.exitCode !== null) throw new Error(`gateway exited:\n${gateway.proc.output.join('')}`);
      return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok;
    }, 60_000, 200);

    // A moment of steady state: warnings logged just after start (a consumer's first fetch,
    // the worker's first poll) count too.
    await new Promise((r) => setTimeout(r, 2000));

    const deadlines = { gateway: 15_000, logic: 20_000, worker: 25_000 };
    const stops = await Promise.all(([['gateway', gateway], ['logic', logic], ['worker', worker]] as const).map(async ([name, c]) => {
      const t0 = Date.now();
      const code = await c.proc.stop('SIGTERM');
      return { name, code, ms: Date.now() - t0, deadline: deadlines[name] };
    }));
    for (const s of stops) {
      expect(s.code, `${s.name} exit code`).toBe(0);
      expect(s.ms, `${s.name} stop time`).toBeLessThan(s.deadline);
    }

    for (const [name, c] of [['logic', logic], ['worker', worker], ['gateway', gateway]] as const) {
      const found = problems(c, name);
      expect(found, found.join('\n')).toEqual([]);
    }
    for (const [name, c] of [['logic', logic], ['worker', worker], ['gateway', gateway]] as const) {
      expect(hasLine(c, 'shutting down'), `${name} logged its shutdown`).toBe(true);
      expect(c.stdout.map(parse).find((l) => l?.msg === 'stopped'), `${name} logged its stop`).toMatchObject({ ok: true });
    }
    // A gateway's lines name it; request lines carry their request id.
    const gatewayLines = gateway.stdout.map(parse);
    expect(gatewayLines.every((l) => l?.gatewayId === gatewayId)).toBe(true);
    expect(gatewayLines.some((l) => l?.msg === 'request completed' && typeof l.reqId === 'string')).toBe(true);
  });
});
