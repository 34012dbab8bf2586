// CPU time per message, by process. Every process of the stack shares the machine's cores, so
// the CPU a message costs, summed over every process it wakes, is the budget each latency
// figure draws on: at 90% busy the queues of all of them grow. A meter reads each process's CPU
// time from /proc before and after a phase, and the machine's busy time besides, so what no
// named process used (the kernel's own threads, anything else running) shows as "other".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stackDir } from '../../test/helpers/stack-paths.ts';
import { cpuSeconds, machineBusySeconds } from './cluster.ts';
import { summary } from './stats.ts';
import type { CpuPerMessage } from './cpu-text.ts';

export { describeCpu, type CpuPerMessage } from './cpu-text.ts';

/** A process group the meter charges: its pids are read at each snapshot (a restart is followed). */
export interface Tracked {
  name: string;
  pids: () => (number | undefined)[];
}

/** The local stack's services, from the pid files its scripts write. */
export function stackServices(dir = stackDir): Tracked[] {
  const pidFile = (file: string) => () => {
    const f = path.join(dir, file);
    if (!existsSync(f)) return [undefined];
    const pid = Number(readFileSync(f, 'utf8').trim());
    return [Number.isInteger(pid) && pid > 0 ? pid : undefined];
  };
  return [
    { name: 'Kafka', pids: pidFile('kafka/kafka.pid') },
    { name: 'MariaDB', pids: pidFile('mariadb/mariadbd.pid') },
    { name: 'Redis', pids: pidFile('redis/redis.pid') },
    { name: 'Temporal', pids: pidFile('temporal/temporal.pid') },
  ];
}

function groupSeconds(g: Tracked): number {
  let s = 0;
  for (const pid of g.pids()) {
    if (pid === undefined) continue;
    try {
      s += cpuSeconds(pid);
    } catch {
      // gone between the snapshots: what it used is lost, the others still count
    }
  }
  return s;
}

export interface CpuSnapshot {
  machine: number;
  groups: Map<string, number>;
}

export class CpuMeter {
  private readonly tracked: Tracked[];

  constructor(tracked: Tracked[]) {
    this.tracked = tracked;
  }

  snapshot(): CpuSnapshot {
    return { machine: machineBusySeconds(), groups: new Map(this.tracked.map((g) => [g.name, groupSeconds(g)])) };
  }

  /** CPU ms per message between two snapshots, by group; empty when no message went through. */
  perMessage(from: CpuSnapshot, to: CpuSnapshot, messages: number): CpuPerMessage {
    if (messages <= 0) return {};
    const out: CpuPerMessage = {};
    let named = 0;
    for (const g of this.tracked) {
      const used = Math.max(0, (to.groups.get(g.name) ?? 0) - (from.groups.get(g.name) ?? 0));
      named += used;
      out[g.name] = (used * 1000) / messages;
    }
    const machine = Math.max(0, to.machine - from.machine);
    out.other = (Math.max(0, machine - named) * 1000) / messages;
    out.total = (machine * 1000) / messages;
    return out;
  }
}

/** Medians per group over repeats. */
export function medianPerGroup(parts: CpuPerMessage[]): CpuPerMessage {
  const names = new Set(parts.flatMap((p) => Object.keys(p)));
  return Object.fromEntries([...names].map((name) => [name, summary(parts.flatMap((p) => (p[name] === undefined ? [] : [p[name]]))).median]));
}
