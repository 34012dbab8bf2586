// The faults. Each injects, restarts what it killed (and only that), and says from when
// recovery is measured: the restart for GoChat's processes, the moment the dependency is back
// (`stack.sh up <service>` returned) for infrastructure, the deletion for Redis key loss.
import { Redis } from 'ioredis';
import type { ChatClient } from './client.ts';
import { log, sleep } from './log.ts';
import type { Scope } from './measure.ts';
import type { FaultName } from './options.ts';
import type { Cluster, ManagedProc } from './procs.ts';
import type { ChaosStack } from './stack.ts';

export interface FaultCtx {
  cluster: Cluster;
  /** The run's own stack (undefined on the shared stack: no infrastructure faults there). */
  stack: ChaosStack | undefined;
  redis: { host: string; port: number; prefix: string };
  downMs: number;
  /** How long a killed Kafka broker or controller or Redis Cluster primary stays down. */
  clusterDownMs: number;
  recoveryMaxMs: number;
  /** One fast-reconnecting client per gateway: sends one message at the restart to see when it is served. */
  probes: ChatClient[];
  probeConv: string;
}

export interface Injection {
  injectedAt: number;
  restartAt: number;
  /** The killed process answers /readyz 200 again, or the dependency is back. */
  backAt: number | undefined;
  /** What recovery is measured from. */
  ref: number;
  scope: Scope;
  /** Recovery includes a large-group (Temporal fan-out) delivery. */
  needsLarge: boolean;
  /** Recovery includes live delivery being whole again. */
  needsLive: boolean;
  /** A message sent at the restart through the restarted gateway (its client_msg_id). */
  probeCmid?: string;
  what: string;
}

async function restartProc(ctx: FaultCtx, proc: ManagedProc, readyUrl: string): Promise<{ injectedAt: number; restartAt: number; backAt: number | undefined }> {
  const injectedAt = Date.now();
  await proc.kill9();
  await sleep(ctx.downMs);
  const restartAt = Date.now();
  proc.start();
  const backAt = await ctx.cluster.waitReady(proc, readyUrl, ctx.recoveryMaxMs, 50).catch((err: unknown) => {
    log(`${proc.name} not ready after restart: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return undefined;
  });
  return { injectedAt, restartAt, backAt };
}

/**
 * A clustered node killed by `kill` (which returns its pid), left down clusterDownMs, then
 * brought back by `stack.sh up <service>`: the cluster must carry on without it meanwhile.
 */
async function nodeDownAndBack(ctx: FaultCtx, stack: ChaosStack, service: 'kafka-cluster' | 'redis-cluster', kill: () => number): Promise<{ times: { injectedAt: number; restartAt: number; backAt: number; ref: number }; pid: number; downAndUp: string }> {
  const injectedAt = Date.now();
  const pid = kill();
  await sleep(ctx.clusterDownMs);
  const restartAt = Date.now();
  await stack.script(['up', service], 240_000);
  const backAt = Date.now();
  return { times: { injectedAt, restartAt, backAt, ref: injectedAt }, pid, downAndUp: `down ${ctx.clusterDownMs / 1000} s, stack.sh up ${service} (${((backAt - restartAt) / 1000).toFixed(1)} s)` };
}

async function deleteKeys(ctx: FaultCtx): Promise<string> {
  const redis = new Redis({ host: ctx.redis.host, port: ctx.redis.port, lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    if (ctx.stack) {
      await redis.flushall();
      return 'FLUSHALL on the run\'s own Redis';
    }
    // The shared Redis: only this run's keys.
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ctx.redis.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) n += await redis.unlink(...keys);
    } while (cursor !== '0');
    return `deleted ${n} keys matching ${ctx.redis.prefix}*`;
  } finally {
    redis.disconnect();
  }
}

function clusterStack(ctx: FaultCtx, fault: string): ChaosStack {
  if (ctx.stack?.profile !== 'cluster') throw new Error(`${fault}: needs the run's own stack in the clustered profile (--cluster)`);
  return ctx.stack;
}

/** The ports of the Redis Cluster's primaries, from CLUSTER NODES of the first node that answers. */
async function redisPrimaries(ports: number[]): Promise<number[]> {
  for (const port of ports) {
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000, retryStrategy: () => null });
    try {
      await redis.connect();
      const text = String(await redis.call('CLUSTER', 'NODES'));
      return text.split('\n')
        .map((line) => line.split(' '))
        .filter((f) => f[2]?.split(',').includes('master') && !f[2].includes('fail') && f[7] === 'connected')
        .map((f) => Number(f[1]!.split(':')[1]!.split('@')[0]))
        .sort((a, b) => a - b);
    } catch {
      // that node is down: ask the next
    } finally {
      redis.disconnect();
    }
  }
  return [];
}

export async function inject(fault: Exclude<FaultName, 'slow'>, tryIndex: number, ctx: FaultCtx): Promise<Injection> {
  const { cluster } = ctx;
  const base = { needsLarge: false, needsLive: false, scope: {} };
  switch (fault) {
    case 'logic': {
      const t = await restartProc(ctx, cluster.logic, cluster.logicUrl('/readyz'));
      return { ...base, ...t, ref: t.restartAt, what: 'kill -9 logic worker, restart' };
    }
    case 'worker': {
      const t = await restartProc(ctx, cluster.worker, cluster.workerUrl('/readyz'));
      return { ...base, ...t, ref: t.restartAt, needsLarge: true, what: 'kill -9 Temporal worker, restart' };
    }
    case 'gateway': {
      // The gateways with a probe client: the first two.
      const gw = cluster.gateways[tryIndex % Math.min(2, cluster.gateways.length)]!;
      const injectedAt = Date.now();
      await gw.proc.kill9();
      await sleep(ctx.downMs);
      const restartAt = Date.now();
      gw.proc.start();
      const probe = ctx.probes.find((p) => p.gateway.index === gw.index);
      const probeCmid = probe?.send(ctx.probeConv, `probe ${restartAt}`);
      const backAt = await cluster.waitReady(gw.proc, `${gw.url}/readyz`, ctx.recoveryMaxMs, 50).catch(() => undefined);
      return { ...base, injectedAt, restartAt, backAt, ref: restartAt, scope: { gateway: gw.index }, ...(probeCmid ? { probeCmid } : {}), what: `kill -9 ${gw.id}, restart on the same id and port` };
    }
    case 'redis-keys': {
      const injectedAt = Date.now();
      const what = await deleteKeys(ctx);
      return { ...base, injectedAt, restartAt: injectedAt, backAt: injectedAt, ref: injectedAt, needsLive: true, what };
    }
    case 'kafka-broker': {
      const stack = clusterStack(ctx, fault);
      // Brokers only: the KRaft controllers are separate nodes, so any broker will do; tries take
      // each in turn.
      const n = (tryIndex % 3) + 1;
      const controller = stack.quorumLeader();
      const t = await nodeDownAndBack(ctx, stack, 'kafka-cluster', () => stack.killBroker(n));
      return { ...base, ...t.times, what: `kill -9 Kafka broker ${n} of 3 (pid ${t.pid}; active controller ${controller ?? 'unknown'}), ${t.downAndUp}` };
    }
    case 'kafka-controller': {
      const stack = clusterStack(ctx, fault);
      // The active controller, the one that would fence a broker and move leaders: the quorum
      // elects another while the brokers keep serving from the metadata they hold.
      const id = stack.quorumLeader();
      if (id === undefined) throw new Error('kafka-controller: no broker has logged which controller is active');
      const t = await nodeDownAndBack(ctx, stack, 'kafka-cluster', () => stack.killController(id));
      return { ...base, ...t.times, what: `kill -9 the active KRaft controller, node ${id} (pid ${t.pid}; active after it: ${stack.quorumLeader() ?? 'unknown'}), ${t.downAndUp}` };
    }
    case 'redis-primary': {
      const stack = clusterStack(ctx, fault);
      const primaries = await redisPrimaries(stack.redisNodePorts());
      const port = primaries[tryIndex % primaries.length];
      if (port === undefined) throw new Error('redis-primary: no Redis Cluster node answers CLUSTER NODES');
      // The node comes back as a replica of the one promoted in its place.
      const t = await nodeDownAndBack(ctx, stack, 'redis-cluster', () => stack.killRedisNode(port));
      return {
        ...base, ...t.times, needsLive: true,
        what: `kill -9 Redis Cluster primary :${port} (pid ${t.pid}; primaries were ${primaries.map((p) => `:${p}`).join(', ')}), ${t.downAndUp}`,
      };
    }
    case 'kafka':
    case 'redis':
    case 'mariadb':
    case 'temporal': {
      const stack = ctx.stack;
      if (!stack) throw new Error(`${fault}: infrastructure faults need the run's own stack`);
      const injectedAt = Date.now();
      const pid = stack.kill9(fault);
      await sleep(ctx.downMs);
      const restartAt = Date.now();
      await stack.script(['up', fault], 240_000);
      const backAt = Date.now();
      return {
        ...base, injectedAt, restartAt, backAt, ref: backAt,
        needsLarge: fault === 'temporal', needsLive: fault === 'redis',
        what: `kill -9 ${fault} (pid ${pid}), stack.sh up ${fault} (${((backAt - restartAt) / 1000).toFixed(1)} s)`,
      };
    }
  }
}
