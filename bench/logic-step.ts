// `node bench/logic-step.ts [batches] [rounds]`: the logic worker's step alone, one-message
// batches through `handleBatch` with the real repo (MariaDB, Redis), a few milliseconds apart as
// at a moderate rate, timed from the batch's arrival until its records are ready to leave. Two
// ways of making the store's new conversation versions visible to cache readers are alternated:
// published in turn after the commit (`saveMessagesAcross` awaiting it, before f118f62) and
// published beside the presence lookup (what the worker does). No Kafka, no gateways: what the
// store and the lookups cost on this host, without the rest of the pipeline's noise.
// Its own database and Redis prefix, dropped at the end; prints medians per round.
import { newRunId } from './lib/cluster.ts';
import { CpuMeter, stackServices } from './lib/cpu-meter.ts';
import { benchDatabase, createBenchDatabase, dropBenchDatabase } from './lib/database.ts';
import { Seeder } from './lib/seed.ts';
import { dist } from './lib/stats.ts';
import { topicNames } from '../bus/topics.ts';
import type { LogicDeps } from '../logic/deps.ts';
import { handleBatch } from '../logic/handle-batch.ts';
import { Outbox } from '../logic/outbox.ts';
import { getMemberIdsOf, getOnlineGateways, getUsers, publishVersions, saveMessagesAcross } from '../repo/index.ts';

const batches = Math.min(Number(process.argv[2] ?? 300), 5000);
const rounds = Math.min(Number(process.argv[3] ?? 12), 40);
/** Idle between batches: the cores sleep between messages, as at 200 msg/s. */
const GAP_MS = 3;
const PAIRS = 100;

const runId = `${newRunId()}t`;
const database = benchDatabase(runId);
const env = { MYSQL_DATABASE: database, REDIS_KEY_PREFIX: `${runId}:`, LOG_LEVEL: 'warn' };
await createBenchDatabase(env, database);
const seeder = await Seeder.open(env);
const deadline = setTimeout(() => {
  console.error('logic-step: time limit reached');
  process.exit(2);
}, 15 * 60_000);
try {
  const users = await seeder.users(PAIRS * 2, `${runId}_`);
  const pairs = Array.from({ length: PAIRS }, (_, i): [string, string] => [users[i]!.id, users[PAIRS + i]!.id]);
  const conversations = await seeder.pairs(pairs);
  const ctx = () => seeder.ctx();
  const depsFor = (beside: boolean): LogicDeps => ({
    saveAll: (groups) => saveMessagesAcross(ctx(), groups, { membersUpTo: 500, deferVersions: beside }),
    getMembersOf: (ids) => getMemberIdsOf(ctx(), ids),
    async getSenders(ids) {
      const found = await getUsers(ctx(), ids);
      return new Map(found.map((u) => [u.id, { id: u.id, username: u.username, nickname: u.nickname, avatarUrl: u.avatarUrl }]));
    },
    getOnlineGateways: (ids) => getOnlineGateways(seeder.redis, ids),
    // in turn: saveMessagesAcross has published them already
    publishVersions: (bumps) => (beside ? publishVersions(seeder.redis, bumps) : Promise.resolve()),
    publish: () => Promise.resolve(),
    startLargeFanout: () => Promise.resolve(),
  });
  const topics = topicNames(`.${runId}`);
  let sent = 0;
  /** CPU per batch in the last run (ms): this process's (the step's own work) and the services'. */
  let cpuPerBatch = '';
  const meter = new CpuMeter([{ name: 'step', pids: () => [process.pid] }, ...stackServices().filter((g) => g.name === 'MariaDB' || g.name === 'Redis')]);
  const run = async (beside: boolean): Promise<number[]> => {
    const deps = depsFor(beside);
    const times: number[] = [];
    const before = meter.snapshot();
    for (let i = 0; i < batches; i++) {
      const k = sent++ % PAIRS;
      const conversationId = conversations[k]!;
      const msg = { kind: 'send' as const, userId: pairs[k]![0], conversationId, clientMsgId: `${runId}-${sent}`, messageType: 1, content: 'hello there', gatewayId: 'gw-step', timestamp: Date.now() };
      const t0 = performance.now();
      await handleBatch({ deps, topics, fanoutThreshold: 500 }, new Map([[conversationId, [msg]]]), new Outbox());
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    const cpu = meter.perMessage(before, meter.snapshot(), batches);
    cpuPerBatch = ['step', 'MariaDB', 'Redis'].map((k) => `${k} ${(cpu[k] ?? 0).toFixed(3)}`).join(', ');
    return times;
  };
  // warm-up, not counted
  await run(true);
  await run(false);
  const diffs: number[] = [];
  console.log(`${batches} one-message batches per round, ${GAP_MS} ms apart; p50 / mean / p99 (ms); CPU per batch (ms) of this process and of the services`);
  for (let r = 0; r < rounds; r++) {
    const p50 = new Map<boolean, number>();
    for (const beside of r % 2 ? [true, false] : [false, true]) {
      const d = dist(await run(beside));
      p50.set(beside, d.p50);
      console.log(`round ${r + 1} ${beside ? 'beside the lookup' : 'in turn         '} ${d.p50.toFixed(3)} / ${d.mean.toFixed(3)} / ${d.p99.toFixed(3)}; CPU ${cpuPerBatch}`);
    }
    diffs.push(p50.get(true)! - p50.get(false)!);
  }
  const sorted = [...diffs].sort((a, b) => a - b);
  console.log(`beside − in turn, p50 per round: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} ms, lower in ${diffs.filter((d) => d < 0).length} of ${diffs.length} rounds`);
} finally {
  clearTimeout(deadline);
  await seeder.close();
  await dropBenchDatabase(env, database);
}
process.exit(0);
