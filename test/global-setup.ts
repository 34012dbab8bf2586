// Runs once before all suites: the tests use the real services, so the local stack must be up.
// `npm test` starts it (scripts/test.sh); this only checks, with a message saying what to do.
// After the last suite, the topics this run's suites made are deleted.
import { execFileSync } from 'node:child_process';
import { suffixTime } from './helpers/config.ts';
import { deleteTopics } from './helpers/run-topics.ts';

export default function setup(): () => Promise<void> {
  try {
    execFileSync('bash', ['scripts/stack.sh', 'status'], { stdio: 'pipe' });
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`the local stack is not fully up; run \`npm run stack -- up\` (or \`npm test\`)\n${out}`, { cause: err });
  }
  const startedAt = Date.now();
  return async () => {
    await deleteTopics((topic) => (suffixTime(topic) ?? 0) >= startedAt);
  };
}
