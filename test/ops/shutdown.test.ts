// The one shutdown path: steps in order then exit 0; a failing step or the deadline exit 1; a
// second signal exits at once. Signals are emitted on this process; exit is captured.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { installShutdown, type CloseStep } from '../../runtime/shutdown.ts';

const SIGNAL = 'SIGUSR2';
const lines: { level: number; msg: string }[] = [];
const logger = pino({ level: 'debug' }, new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
    done();
  },
}));

function install(steps: CloseStep[], deadlineMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    installShutdown({ logger, deadlineMs, steps, signals: [SIGNAL], exit: resolve });
  });
}

afterEach(() => {
  process.removeAllListeners(SIGNAL);
  lines.length = 0;
});

describe('installShutdown', () => {
  it('runs the steps in order, each after the previous one, then exits 0', async () => {
    const order: string[] = [];
    const exited = install([
      { name: 'a', run: async () => { await new Promise((r) => setTimeout(r, 30)); order.push('a'); } },
      { name: 'b', run: () => { order.push('b'); } },
    ]);
    process.emit(SIGNAL);
    expect(await exited).toBe(0);
    expect(order).toEqual(['a', 'b']);
    expect(lines.map((l) => l.msg)).toEqual(['shutting down', 'shutdown step done', 'shutdown step done', 'stopped']);
  });

  it('runs the remaining steps after one throws, logs it, and exits 1', async () => {
    const order: string[] = [];
    const exited = install([
      { name: 'a', run: () => Promise.reject(new Error('broken')) },
      { name: 'b', run: () => { order.push('b'); } },
    ]);
    process.emit(SIGNAL);
    expect(await exited).toBe(1);
    expect(order).toEqual(['b']);
    expect(lines.find((l) => l.msg === 'shutdown step failed')).toMatchObject({ level: 50, step: 'a' });
  });

  it('exits 1 at the deadline when a step hangs', async () => {
    const started = Date.now();
    const exited = install([{ name: 'hangs', run: () => new Promise(() => undefined) }], 200);
    process.emit(SIGNAL);
    expect(await exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(lines.find((l) => l.msg === 'shutdown deadline exceeded, exiting')).toMatchObject({ level: 50 });
  });

  it('exits 1 at once on a second signal', async () => {
    const codes: number[] = [];
    installShutdown({ logger, deadlineMs: 10_000, steps: [{ name: 'hangs', run: () => new Promise(() => undefined) }], signals: [SIGNAL], exit: (c) => codes.push(c) });
    process.emit(SIGNAL);
    process.emit(SIGNAL);
    await new Promise((r) => setTimeout(r, 20));
    expect(codes).toEqual([1]);
  });
});
