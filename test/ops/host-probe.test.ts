// The bench's host probe: a real ping-pong with a child process; the figures are the host's, so
// only their shape is checked here.
import { describe, expect, it } from 'vitest';
import { describeProbe, probeHost } from '../../bench/lib/host-probe.ts';

describe('bench host probe', () => {
  it('times round trips with a child process and reads its CPU per wake', async () => {
    const p = await probeHost();
    for (const v of [p.hotRttUs, p.idleRttUs, p.hotCpuUs]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    expect(Number.isFinite(p.idleWakeCpuUs)).toBe(true);
    expect(p.idleWakeCpuUs).toBeGreaterThanOrEqual(0);
    // a round trip after the cores idled cannot be shorter than a tenth of one back to back
    expect(p.idleRttUs).toBeGreaterThan(p.hotRttUs / 10);
    expect(describeProbe(p)).toMatch(/^host probe .* µs after idle$/);
  }, 30_000);
});
