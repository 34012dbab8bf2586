// Runs once before the Redis Cluster projects: brings the local cluster up (idempotent: a no-op
// when it runs, a restart of the nodes that died otherwise). It is test infrastructure only, so
// the suites that need it start it rather than `npm start`.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  try {
    execFileSync('bash', ['scripts/stack.sh', 'up', 'redis-cluster'], { stdio: 'pipe' });
  } catch (err) {
    const out = `${(err as { stdout?: Buffer }).stdout?.toString() ?? ''}${(err as { stderr?: Buffer }).stderr?.toString() ?? ''}`;
    throw new Error(`the local Redis Cluster could not be started (\`npm run stack -- up redis-cluster\`)\n${out}`, { cause: err });
  }
}
