// `npm run chaos [-- --quick] [-- --only=logic,gateway] [-- --repeat=N]`: fault injection
// against the run's own stack, measuring recovery. Wiring only; see chaos/README.md.
// Exit code: 0 every target met, 1 a target missed, 2 the run itself failed or was cut short.
import { Cleanup } from './cleanup.ts';
import { log } from './log.ts';
import { parseArgs, USAGE, type ChaosOptions } from './options.ts';
import { allTargetsMet, writeResults } from './report.ts';
import { newResult, runChaos, type RunResult } from './scenario.ts';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
let opts: ChaosOptions;
try {
  opts = parseArgs(args);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(64);
}

const result: RunResult = newResult(opts, `npm run chaos${args.length ? ` -- ${args.join(' ')}` : ''}`);
const cleanup = new Cleanup();
const t0 = Date.now();
let stopping: string | undefined;

async function finish(code: number): Promise<never> {
  await cleanup.run();
  result.durationS = Math.round((Date.now() - t0) / 1000);
  result.machine.loadAfter = (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100);
  const files = writeResults(result);
  log(`results: ${files.md} and ${files.json}`);
  process.exit(code);
}

function abort(why: string): void {
  if (stopping) return;
  stopping = why;
  result.aborted = why;
  log(`stopping: ${why}`);
  void finish(2);
}
process.once('SIGINT', () => abort('SIGINT'));
process.once('SIGTERM', () => abort('SIGTERM'));
setTimeout(() => abort(`hard time limit of ${opts.hardLimitMs / 60_000} min reached`), opts.hardLimitMs).unref();

log(`GoChat chaos run ${result.runId}: faults ${opts.faults.join(', ')}, infrastructure faults ×${opts.repeat}, ${opts.rate} msg/s`);
try {
  await runChaos(opts, result, cleanup, () => stopping !== undefined);
} catch (err) {
  // Once stopping, errors are the cleanup pulling processes away from under the run.
  if (!stopping) {
    result.aborted = `the run failed: ${err instanceof Error ? err.message : String(err)}`;
    console.error(err);
    await finish(2);
  }
}
if (!stopping) {
  await finish(allTargetsMet(result) ? 0 : 1);
}
