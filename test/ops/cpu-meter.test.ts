// The bench's CPU meter: per-group CPU ms per message from /proc, the machine's busy time, and
// the stack's services read from their pid files.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CpuMeter, describeCpu, medianPerGroup, stackServices, type CpuSnapshot } from '../../bench/lib/cpu-meter.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bench CPU meter', () => {
  it('charges a busy process its CPU and the machine at least as much', async () => {
    // a child that spins for 400 ms of CPU, then exits
    const child = spawn(process.execPath, ['-e', 'const t = process.cpuUsage(); for (let u = process.cpuUsage(t); u.user + u.system < 400_000; u = process.cpuUsage(t)); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const meter = new CpuMeter([{ name: 'spinner', pids: () => [child.pid] }, { name: 'absent', pids: () => [undefined, 2 ** 22 + 7] }]);
      const before = meter.snapshot();
      await new Promise((r) => setTimeout(r, 1500));
      const per = meter.perMessage(before, meter.snapshot(), 10);
      // 400 ms of CPU over 10 messages, plus the runtime's start
      expect(per.spinner).toBeGreaterThanOrEqual(30);
      expect(per.spinner).toBeLessThan(150);
      expect(per.absent).toBe(0);
      expect(per.total).toBeGreaterThanOrEqual(per.spinner! * 0.9);
      expect(per.other).toBeGreaterThanOrEqual(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 20_000);

  it('divides by messages, keeps what no group used as other, and gives nothing for no messages', () => {
    const meter = new CpuMeter([{ name: 'a', pids: () => [] }, { name: 'b', pids: () => [] }]);
    const from: CpuSnapshot = { machine: 100, groups: new Map([['a', 1], ['b', 2]]) };
    const to: CpuSnapshot = { machine: 103, groups: new Map([['a', 2], ['b', 2.5]]) };
    expect(meter.perMessage(from, to, 1000)).toEqual({ a: 1, b: 0.5, other: 1.5, total: 3 });
    expect(meter.perMessage(from, to, 0)).toEqual({});
    expect(describeCpu({ a: 1, b: 0.5, other: 1.5, total: 3 })).toBe('total 3.0 ms: a 1.0, b 0.50, other 1.5');
    expect(medianPerGroup([{ a: 1, total: 2 }, { a: 3, total: 4 }, { a: 2, total: 9 }])).toEqual({ a: 2, total: 4 });
  });

  it('finds the services by the pid files the stack scripts write', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gochat-cpu-meter-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'kafka'));
    writeFileSync(path.join(dir, 'kafka/kafka.pid'), `${process.pid}\n`);
    mkdirSync(path.join(dir, 'redis'));
    writeFileSync(path.join(dir, 'redis/redis.pid'), 'not a pid');
    const services = new Map(stackServices(dir).map((s) => [s.name, s.pids()]));
    expect([...services.keys()]).toEqual(['Kafka', 'MariaDB', 'Redis', 'Temporal']);
    expect(services.get('Kafka')).toEqual([process.pid]);
    expect(services.get('Redis')).toEqual([undefined]);
    expect(services.get('MariaDB')).toEqual([undefined]);
  });
});
