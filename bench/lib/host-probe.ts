// What waking a process costs on this host, measured before anything else starts. Every GoChat
// message wakes a dozen processes and threads in turn (gateway, Kafka's network and handler
// threads, the logic worker, MariaDB, Redis, the recipient's gateway), so at moderate rates,
// when the cores idle between messages, a run's latency and CPU follow this cost more than any
// code. It differs widely between hosts of the same kind: two virtual machines with 2 cores each
// gave 1:1 throughputs of 8,387 and about 2,500 msg/s on the same commit. The probe tells such
// runs apart: a one-byte ping-pong over loopback TCP with a child process, back to back (both
// sides busy) and with the cores left idle between round trips, timing each round trip and
// reading the CPU time the woken child spends per round trip.
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export interface HostProbe {
  /** Round trip, back to back, p50 (µs). */
  hotRttUs: number;
  /** Round trip after `idleMs` of idle, p50 (µs). */
  idleRttUs: number;
  /** CPU time (user + system) of the woken child per round trip after idle (µs). */
  idleWakeCpuUs: number;
  /** CPU time of the child per round trip back to back (µs). */
  hotCpuUs: number;
  idleMs: number;
}

const HOT_ROUNDS = 5000;
const IDLE_ROUNDS = 100;
const IDLE_MS = 10;
/** The whole probe takes about 5 s on a slow host. */
const PROBE_TIMEOUT_MS = 60_000;

/** Runs in the child: echoes every byte and reports its own CPU time when asked over IPC. */
function echo(): void {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (d) => socket.write(d));
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as net.AddressInfo).port }));
  process.on('message', () => {
    const u = process.cpuUsage();
    process.send!({ cpuUs: u.user + u.system });
  });
  // ends with its parent
  process.on('disconnect', () => process.exit(0));
}

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function probeHost(): Promise<HostProbe> {
  const child = fork(fileURLToPath(import.meta.url), ['--echo'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  // A child that dies or never answers fails the probe instead of holding the run forever.
  const gone = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`host probe: the echo process exited (${code})`)));
    child.once('error', reject);
    setTimeout(() => reject(new Error(`host probe: no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS).unref();
  });
  gone.catch(() => undefined);
  try {
    const next = <T>(): Promise<T> => Promise.race([gone, new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)))]);
    const { port } = await next<{ port: number }>();
    const cpu = async (): Promise<number> => {
      const reply = next<{ cpuUs: number }>();
      child.send({ cpu: true });
      return (await reply).cpuUs;
    };
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    let waiting: (() => void) | undefined;
    socket.on('data', () => waiting?.());
    const one = (): Promise<number> => Promise.race([gone, new Promise<number>((resolve) => {
      const t = process.hrtime.bigint();
      waiting = () => resolve(Number(process.hrtime.bigint() - t) / 1000);
      socket.write('x');
    })]);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    for (let i = 0; i < 500; i++) await one(); // warm-up
    let c0 = await cpu();
    const hot: number[] = [];
    for (let i = 0; i < HOT_ROUNDS; i++) hot.push(await one());
    const hotCpu = (await cpu()) - c0;

    const idle: number[] = [];
    let idleCpu = 0;
    for (let i = 0; i < IDLE_ROUNDS; i++) {
      await sleep(IDLE_MS);
      // the child's CPU around each round trip only, not its IPC replies in between
      c0 = await cpu();
      await sleep(IDLE_MS);
      idle.push(await one());
      idleCpu += (await cpu()) - c0;
    }
    socket.destroy();
    // Each IPC question costs the child a wake and a reply of its own: measured back to back
    // with no round trip between, it is taken off the idle figure.
    let ipcOnly = 0;
    for (let i = 0; i < IDLE_ROUNDS; i++) {
      await sleep(IDLE_MS);
      c0 = await cpu();
      await sleep(IDLE_MS);
      ipcOnly += (await cpu()) - c0;
    }
    return {
      hotRttUs: p50(hot),
      idleRttUs: p50(idle),
      idleWakeCpuUs: Math.max(0, (idleCpu - ipcOnly) / IDLE_ROUNDS),
      hotCpuUs: hotCpu / HOT_ROUNDS,
      idleMs: IDLE_MS,
    };
  } finally {
    child.kill();
  }
}

/** One line for the results' header. */
export function describeProbe(p: HostProbe): string {
  const us = (x: number) => `${Math.round(x)} µs`;
  return `host probe (loopback ping-pong with another process): round trip ${us(p.hotRttUs)} back to back, ${us(p.idleRttUs)} after ${p.idleMs} ms idle; CPU per round trip of the woken side ${us(p.hotCpuUs)} back to back, ${us(p.idleWakeCpuUs)} after idle`;
}

// Run as a script only (`node bench/lib/host-probe.ts`, or forked with --echo): importing it does nothing.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--echo')) echo();
  else console.log(describeProbe(await probeHost()));
}
