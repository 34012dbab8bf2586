// CPU per message as the bench prints it (lib/cpu-meter.ts measures it). Pure: the README's
// block is rendered from it too.

/** CPU milliseconds per message, by process group, with `total` (the machine) and `other` (no group). */
export type CpuPerMessage = Record<string, number>;

/** "total 4.1 ms: gateways 1.2, logic 0.9, …", largest first, `other` last. */
export function describeCpu(c: CpuPerMessage): string {
  const d = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));
  // groups that used next to nothing (under 5 µs a message) are left out
  const parts = Object.entries(c).filter(([k, v]) => k !== 'total' && k !== 'other' && v >= 0.005).sort((a, b) => b[1] - a[1]);
  const other = c.other !== undefined ? [`other ${d(c.other)}`] : [];
  return `total ${d(c.total ?? 0)} ms: ${[...parts.map(([k, v]) => `${k} ${d(v)}`), ...other].join(', ')}`;
}
