// Re-records test/workflows/histories/*.json from real runs: the dev-server suite with its real
// activities against the local stack, writing each scenario's history. Run it after an
// intentional, patched() change to a workflow, and commit the new files next to the old ones
// you still need to replay (histories of workflows that may still be running in production).
//   node test/workflows/record-histories.ts
import { spawnSync } from 'node:child_process';

const { status } = spawnSync('npx', ['vitest', 'run', 'test/workflows/dev-server.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, RECORD_HISTORIES: '1' },
});
process.exit(status ?? 1);
