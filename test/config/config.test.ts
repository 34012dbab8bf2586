import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET, loadConfig } from '../../config/index.ts';
import { configProblems } from '../helpers/config.ts';


describe('configuration', () => {
  it('has local-stack defaults for everything', () => {
    const c = loadConfig({});
    expect(c.mysql).toMatchObject({ host: '127.0.0.1', port: 3306, database: 'gochat' });
    expect(c.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(c.temporal.address).toBe('127.0.0.1:7233');
    expect(c.chat.fanoutThreshold).toBe(500);
    expect(c.presence).toMatchObject({ offlineDelayMs: 30_000, heartbeatIntervalMs: 30_000 });
    expect(c.gatewayId).toBe('gw-1');
  });

  it('reads overrides from the environment', () => {
    const c = loadConfig({ MYSQL_PORT: '3307', KAFKA_BROKERS: 'a:1,b:2', FANOUT_THRESHOLD: '50', TRUST_PROXY: 'true' });
    expect(c.mysql.port).toBe(3307);
    expect(c.kafka.brokers).toEqual(['a:1', 'b:2']);
    expect(c.chat.fanoutThreshold).toBe(50);
    expect(c.http.trustProxy).toBe(true);
  });

  it.each([
    [{ MYSQL_PORT: 'abc' }, 'MYSQL_PORT'],
    [{ REDIS_PORT: '70000' }, 'REDIS_PORT'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ KAFKA_BROKERS: 'no-port' }, 'KAFKA_BROKERS'],
    [{ GATEWAY_ID: 'gw 1' }, 'GATEWAY_ID'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ HEARTBEAT_TIMEOUT_MS: '1000' }, 'HEARTBEAT_TIMEOUT_MS'],
  ])('names the variable of a malformed value: %o', (env, name) => {
    const problems = configProblems(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(name);
  });

  it('reports every problem at once', () => {
    expect(configProblems({ MYSQL_PORT: 'x', REDIS_PORT: 'y' })).toHaveLength(2);
  });

  it('refuses the default secret in production', () => {
    expect(configProblems({ NODE_ENV: 'production' }).join()).toContain('JWT_SECRET');
    expect(configProblems({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET }).join()).toContain('JWT_SECRET');
    expect(configProblems({ NODE_ENV: 'production', JWT_SECRET: 'a-real-production-secret-of-enough-length' })).toEqual([]);
  });

  it('stops an entrypoint with exit code 78 and a message naming the variable', () => {
    const r = spawnSync(process.execPath, ['-e', "import('./config/index.ts').then((m) => m.loadConfigOrExit())"], {
      env: { ...process.env, MYSQL_PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('MYSQL_PORT');
  });
});
