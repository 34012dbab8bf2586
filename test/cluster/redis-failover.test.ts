// A Redis Cluster primary killed with SIGKILL: its replica takes over and GoChat's presence and
// token revocation go on through the same client, with the data the replica had. Runs alone
// (its own project, after the others) because every client of the cluster sees the failover.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import calculateSlot from 'cluster-key-slot';
import { Redis } from 'ioredis';
import { createOrm, createRedis, getOnlineStatus, repoCtx, setGatewayConnections } from '../../repo/index.ts';
import { createTokenRevocations } from '../../repo/auth/revocations.ts';
import { isCluster } from '../../repo/redis.ts';
import { redisKeys } from '../../repo/redis-keys.ts';
import { testConfig } from '../helpers/config.ts';
import { stackDir } from '../helpers/stack-paths.ts';

const config = testConfig();
const redis = createRedis(config);
const orm = await createOrm(config);
afterAll(async () => {
  redis.disconnect();
  await orm.close(true);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a replica of the primary on `port` holds everything the primary has (replication
 * is asynchronous, and a replica that never finished its first sync cannot take over).
 */
async function replicaCaughtUp(port: number): Promise<void> {
  const primary = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  await primary.connect();
  try {
    for (const deadline = Date.now() + 30_000; ; await sleep(100)) {
      const info = await primary.info('replication');
      const offset = Number(/master_repl_offset:(\d+)/.exec(info)?.[1] ?? -1);
      const replicas = [...info.matchAll(/slave\d+:.*state=online,offset=(\d+)/g)].map((m) => Number(m[1]));
      if (replicas.some((o) => o >= offset)) return;
      if (Date.now() > deadline) throw new Error(`no replica of :${port} caught up: ${info}`);
    }
  } finally {
    primary.disconnect();
  }
}

/** The port of the primary serving a slot, from CLUSTER SLOTS. */
async function primaryPortOf(slot: number): Promise<number> {
  const ranges = (await redis.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, ...unknown[]], ...unknown[]][];
  const range = ranges.find(([from, to]) => slot >= from && slot <= to);
  if (!range) throw new Error(`no node serves slot ${slot}`);
  return Number(range[2][1]);
}

describe('Redis Cluster failover', () => {
  it('keeps presence and revocations working through a primary killed with SIGKILL', async () => {
    expect(isCluster(redis)).toBe(true);
    const base = 800_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
    const users = Array.from({ length: 200 }, (_, i) => String(base + i));
    for (const u of users) await setGatewayConnections(redis, u, 'gw-failover', 1);
    const revocations = createTokenRevocations(() => repoCtx(orm, redis));
    const jti = `failover-${base}`;
    await revocations.revoke(jti, users[0]!, Date.now() + 3600_000);
    const victim = users[0]!;
    const port = await primaryPortOf(calculateSlot(`${config.redis.keyPrefix}${redisKeys.online(victim)}`));
    await replicaCaughtUp(port);
    const pid = Number(readFileSync(path.join(stackDir, 'redis-cluster', `${port}.pid`), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();

    // Writes to the dead primary's slots succeed again once its replica is promoted.
    let recoveredMs = NaN;
    while (Date.now() - killedAt < 30_000) {
      try {
        await setGatewayConnections(redis, victim, 'gw-failover', 2);
        recoveredMs = Date.now() - killedAt;
        break;
      } catch {
        await sleep(100);
      }
    }
    console.log(`redis-cluster failover: writes to the dead primary's slots back after ${recoveredMs} ms`);
    expect(recoveredMs).toBeLessThan(15_000);

    // What the replica held is still there: every user online, the token still refused.
    const statuses = await Promise.all(users.map((u) => getOnlineStatus(redis, u)));
    expect(statuses.filter((s) => !s.online).length).toBe(0);
    expect(await revocations.isRevoked(jti)).toBe(true);

    // The dead node comes back as a replica of its successor; the cluster is whole again.
    execFileSync('bash', ['scripts/stack.sh', 'up', 'redis-cluster'], { stdio: 'pipe' });
    const info = (await redis.call('CLUSTER', 'INFO')) as string;
    expect(info).toContain('cluster_state:ok');
    for (const u of users) await setGatewayConnections(redis, u, 'gw-failover', 0);
  }, 90_000);
});
