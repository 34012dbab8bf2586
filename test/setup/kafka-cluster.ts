// Runs once before the Kafka cluster project: brings the three local brokers up (idempotent).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  try {
    execFileSync('bash', ['scripts/stack.sh', 'up', 'kafka-cluster'], { stdio: 'pipe' });
  } catch (err) {
    const out = `${(err as { stdout?: Buffer }).stdout?.toString() ?? ''}${(err as { stderr?: Buffer }).stderr?.toString() ?? ''}`;
    throw new Error(`the local Kafka cluster could not be started (\`npm run stack -- up kafka-cluster\`)\n${out}`, { cause: err });
  }
}
