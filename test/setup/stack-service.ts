// Brings an optional stack service up for the suites that need it (idempotent: a no-op when it
// runs, a restart of what died otherwise). Test infrastructure only, so `npm start` leaves it out.
import { execFileSync } from 'node:child_process';

export function ensureStackService(service: 'redis-cluster' | 'kafka-cluster'): void {
  try {
    execFileSync('bash', ['scripts/stack.sh', 'up', service], { stdio: 'pipe' });
  } catch (err) {
    const out = `${(err as { stdout?: Buffer }).stdout?.toString() ?? ''}${(err as { stderr?: Buffer }).stderr?.toString() ?? ''}`;
    throw new Error(`the local ${service} could not be started (\`npm run stack -- up ${service}\`)\n${out}`, { cause: err });
  }
}
