// Test configuration: the local-stack defaults plus a unique Kafka topic suffix per call, so
// suites running at the same time never read each other's messages.
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from '../../config/index.ts';

export function uniqueSuffix(): string {
  return `.t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** When the uniqueSuffix a name ends in was made (ms), or undefined when it ends in none. */
export function suffixTime(name: string): number | undefined {
  // base-36 milliseconds (8 digits until 2059), then 3 random bytes in hex
  const m = /\.t([0-9a-z]{8})[0-9a-f]{6}$/.exec(name);
  return m ? parseInt(m[1]!, 36) : undefined;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', KAFKA_TOPIC_SUFFIX: uniqueSuffix(), ...overrides });
}

/** A name that no other test (or test run) uses: for usernames, group names and the like. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** What the configuration module refuses in `env`: its problems, or none when it loads. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
