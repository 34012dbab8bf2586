// Re-records test/workflows/histories/*.json from real runs: the dev-server suite with its real
// activities against the local stack, and the offline-push suite with GoChat's processes (its
// push-*.json), each writing its scenarios' histories. Run it after an intentional, patched()
// change to a workflow, and commit the new files next to the old ones you still need to replay
// (histories of workflows that may still be running in production).
//   node test/workflows/record-histories.ts                          # every suite
//   node test/workflows/record-histories.ts test/push/push.e2e.test.ts   # one of them
import { spawnSync } from 'node:child_process';

const SUITES = ['test/workflows/dev-server.test.ts', 'test/push/push.e2e.test.ts'];
const chosen = process.argv.slice(2);

const { status } = spawnSync('npx', ['vitest', 'run', '--project', 'gochat', ...(chosen.length > 0 ? chosen : SUITES)], {
  stdio: 'inherit',
  env: { ...process.env, RECORD_HISTORIES: '1' },
});
process.exit(status ?? 1);
