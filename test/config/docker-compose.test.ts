// docker-compose.yml cannot run here (no Docker engine), so this checks that it agrees with
// the configuration module: same services, same ports, only variable names the config reads.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  command?: string[];
}
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

/** Every environment variable name the configuration module reads. */
function configVariableNames(): Set<string> {
  const seen = new Set<string>();
  const env: Record<string, string | undefined> = new Proxy({}, {
    get(_t, key) {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  loadConfig(env);
  return seen;
}

const published = (s: Service | undefined) => (s?.ports ?? []).map((p) => Number(p.split(':')[0]));

describe('docker-compose.yml', () => {
  const defaults = loadConfig({});

  it('runs the four services of the local stack and the three GoChat processes', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['mysql', 'redis', 'kafka', 'temporal', 'gateway', 'logic', 'worker', 'migrate']),
    );
    expect(services.mysql?.image).toMatch(/^mysql:8/);
    expect(services.kafka?.image).toMatch(/^apache\/kafka:3\.9/);
  });

  it('publishes the same ports as the configuration defaults', () => {
    expect(published(services.mysql)).toContain(defaults.mysql.port);
    expect(published(services.redis)).toContain(defaults.redis.port);
    expect(published(services.kafka)).toContain(Number(defaults.kafka.brokers[0]!.split(':')[1]));
    expect(published(services.temporal)).toContain(Number(defaults.temporal.address.split(':')[1]));
    expect(published(services.temporal)).toContain(Number(new URL(defaults.temporal.uiUrl).port));
    expect(published(services.gateway)).toContain(defaults.http.port);
  });

  it('registers the search attributes operators query by', () => {
    expect(services.temporal?.command?.join(' ')).toContain('UserId=Keyword');
    expect(services.temporal?.command?.join(' ')).toContain('ConversationId=Keyword');
  });

  it('gives the GoChat processes only variables the configuration reads, and valid values', () => {
    const known = configVariableNames();
    for (const name of ['gateway', 'logic', 'worker', 'migrate']) {
      const env = services[name]?.environment ?? {};
      expect(Object.keys(env).length).toBeGreaterThan(0);
      for (const key of Object.keys(env)) expect(known, `${name}: ${key}`).toContain(key);
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('has the database credentials the app uses', () => {
    const env = services.gateway?.environment ?? {};
    expect(services.mysql?.environment).toMatchObject({
      MYSQL_USER: env.MYSQL_USER,
      MYSQL_PASSWORD: env.MYSQL_PASSWORD,
      MYSQL_DATABASE: env.MYSQL_DATABASE,
    });
  });
});
