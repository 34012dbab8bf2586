// Runs once before all suites: the tests use the real services, so the local stack must be up.
// `npm test` starts it (scripts/test.sh); this only checks, with a message saying what to do.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  try {
    execFileSync('bash', ['scripts/stack.sh', 'status'], { stdio: 'pipe' });
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`the local stack is not fully up; run \`npm run stack -- up\` (or \`npm test\`)\n${out}`, { cause: err });
  }
}
