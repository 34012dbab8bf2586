// docker-compose.yml cannot run here (no Docker engine), so it is checked by construction:
// validated against the Compose specification's schema (dclint), and against the configuration
// module (every process gets only variables it reads, values it accepts, addresses of services
// in the file), the Dockerfile (commands that exist in the image, the bundle it builds) and the
// ordering rules (a healthcheck on every server, every dependency waited for with a condition).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { configVariableNames, requiredVariables } from '../helpers/config-env.ts';
import { copiesOf, parseDockerfile } from '../helpers/dockerfile.ts';
import { importGraph } from '../helpers/import-graph.ts';
import { readyzServer, runProbe } from './docker-probe.ts';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.ts';

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  ports?: string[];
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[]; disable?: boolean };
}

// dclint's published type declarations use extensionless relative paths, which NodeNext
// resolution cannot follow: the part of its API used here, typed.
interface LintMessage { line: number; rule: string; message: string }
interface Linter { lintFiles(paths: string[], recursive: boolean): { messages: LintMessage[] }[] }
const dclint: unknown = await import('dclint');
const { DCLinter } = dclint as {
  DCLinter: new (config: { rules: Record<string, 0 | 1 | 2 | [0 | 1 | 2, Record<string, unknown>]>; quiet: boolean; debug: boolean; exclude: string[] }) => Linter;
};

const ROOT = new URL('../..', import.meta.url).pathname;
const COMPOSE = path.join(ROOT, 'docker-compose.yml');
const services = (parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, Service> }).services;
const APPS = ['gateway', 'logic', 'worker', 'migrate'] as const;
const SERVERS = ['gateway', 'logic', 'worker'] as const;
const BACKING = ['mysql', 'redis', 'kafka', 'temporal'] as const;

const svc = (name: string): Service => {
  const s = services[name];
  if (!s) throw new Error(`no service ${name} in docker-compose.yml`);
  return s;
};
const env = (name: string): Record<string, string> => svc(name).environment ?? {};
/** Published ports as [host interface, host port, container port]. */
const published = (name: string) => (svc(name).ports ?? []).map((p) => {
  const parts = p.split(':');
  return { ip: parts.length === 3 ? parts[0]! : '0.0.0.0', host: Number(parts.at(-2)), container: Number(parts.at(-1)) };
});
const dependsOn = (name: string) => {
  const d = svc(name).depends_on ?? {};
  return Array.isArray(d) ? Object.fromEntries(d.map((n) => [n, {}])) as Record<string, { condition?: string }> : d;
};
const commandArg = (name: string, flag: string) => {
  const c = svc(name).command ?? [];
  const i = c.indexOf(flag);
  return i >= 0 ? c[i + 1] : undefined;
};

describe('docker-compose.yml', () => {
  const defaults = loadConfig({});

  it('is a valid Compose file with pinned images and loopback-only ports (dclint, Compose spec schema)', () => {
    const linter = new DCLinter({
      rules: {
        'require-quotes-in-ports': [2, { quoteType: 'double' }],
        // The file reads in start order (backing services, migrations, processes), not alphabetically.
        'services-alphabetical-order': 0,
        'service-keys-order': 0,
      },
      quiet: false,
      debug: false,
      exclude: [],
    });
    const [result] = linter.lintFiles([COMPOSE], false);
    expect(result?.messages.map((m) => `${m.line}: ${m.rule}: ${m.message}`)).toEqual([]);
  });

  it('runs the four backing services, the migration job and the three GoChat processes', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining([...BACKING, ...APPS]));
    expect(svc('mysql').image).toMatch(/^mysql:8\.\d+$/);
    expect(svc('redis').image).toMatch(/^redis:7\.\d+$/);
    expect(svc('kafka').image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(svc('temporal').image).toMatch(/^temporalio\/temporal:\d+\.\d+\.\d+$/);
    expect(svc('temporal').command?.slice(0, 2)).toEqual(['server', 'start-dev']);
  });

  it('publishes, on loopback, the same ports as the configuration defaults', () => {
    for (const name of Object.keys(services)) {
      for (const p of published(name)) expect(p.ip, `${name}: ${p.host}`).toBe('127.0.0.1');
    }
    const hostPorts = (name: string) => published(name).map((p) => p.host);
    expect(hostPorts('mysql')).toContain(defaults.mysql.port);
    expect(hostPorts('redis')).toContain(defaults.redis.port);
    expect(hostPorts('kafka')).toContain(Number(defaults.kafka.brokers[0]!.split(':')[1]));
    expect(hostPorts('temporal')).toContain(Number(defaults.temporal.address.split(':')[1]));
    expect(hostPorts('temporal')).toContain(Number(new URL(defaults.temporal.uiUrl).port));
    expect(hostPorts('gateway')).toContain(defaults.http.port);
    const containerPorts = (name: string) => published(name).map((p) => p.container);
    expect(containerPorts('gateway')).toContain(loadConfig(env('gateway')).http.port);
    for (const name of ['logic', 'worker']) expect(containerPorts(name), name).toContain(loadConfig(env(name)).metricsPort);
  });

  it('gives the GoChat processes only variables the configuration reads, and values it accepts', () => {
    const known = configVariableNames();
    for (const name of APPS) {
      const e = env(name);
      expect(Object.keys(e).length, name).toBeGreaterThan(0);
      for (const key of Object.keys(e)) expect(known, `${name}: ${key}`).toContain(key);
      for (const value of Object.values(e)) expect(value, `${name}: Compose would interpolate it`).not.toContain('$');
      expect(() => loadConfig(e), name).not.toThrow();
      const required = requiredVariables();
      expect(required).toContain('JWT_SECRET');
      if (e.NODE_ENV === 'production') for (const v of required) expect(e[v], `${name}: ${v}`).toBeDefined();
      expect(() => loadConfig({ ...e, NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' }), name).not.toThrow();
    }
  });

  it('points every process at the services of this file, on the ports they listen on', () => {
    const kafkaEnv = env('kafka');
    const advertised = (kafkaEnv.KAFKA_ADVERTISED_LISTENERS ?? '').split(',').map((l) => l.replace(/^\w+:\/\//, ''));
    const temporalPort = commandArg('temporal', '--port');
    for (const name of APPS) {
      const c = loadConfig(env(name));
      expect(c.mysql.host, name).toBe('mysql');
      expect(c.mysql.port).toBe(3306);
      expect(c.redis.host).toBe('redis');
      expect(c.redis.port).toBe(6379);
      for (const broker of c.kafka.brokers) expect(advertised, `${name}: ${broker}`).toContain(broker);
      expect(c.kafka.brokers.every((b) => b.startsWith('kafka:'))).toBe(true);
      expect(c.temporal.address).toBe(`temporal:${temporalPort}`);
    }
    expect(svc('mysql').environment).toMatchObject({
      MYSQL_USER: env('gateway').MYSQL_USER,
      MYSQL_PASSWORD: env('gateway').MYSQL_PASSWORD,
      MYSQL_DATABASE: env('gateway').MYSQL_DATABASE,
    });
    expect(commandArg('temporal', '--ip')).toBe('0.0.0.0');
  });

  it('registers the search attributes operators query by', () => {
    const cmd = svc('temporal').command?.join(' ') ?? '';
    expect(cmd).toContain('UserId=Keyword');
    expect(cmd).toContain('ConversationId=Keyword');
  });

  it('has a healthcheck on every server, and the one-shot migration job none', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'migrate') {
        expect(s.healthcheck?.disable, 'migrate: a job, not a server').toBe(true);
        continue;
      }
      const test = s.healthcheck?.test ?? [];
      expect(test[0], `${name}: healthcheck`).toMatch(/^CMD(-SHELL)?$/);
      expect(test.length, name).toBeGreaterThan(1);
    }
    expect(svc('kafka').healthcheck?.test).toEqual(expect.arrayContaining(['--bootstrap-server']));
    const kafkaProbe = svc('kafka').healthcheck!.test!;
    const bootstrap = kafkaProbe[kafkaProbe.indexOf('--bootstrap-server') + 1]!;
    expect(env('kafka').KAFKA_LISTENERS?.split(',').map((l) => l.split(':').at(-1))).toContain(bootstrap.split(':')[1]);
    expect(svc('temporal').healthcheck?.test).toEqual(expect.arrayContaining(['operator', 'cluster', 'health']));
  });

  it('starts every service only once what it depends on is healthy, or finished for the migration job', () => {
    for (const [name] of Object.entries(services)) {
      for (const [dep, how] of Object.entries(dependsOn(name))) {
        expect(services[dep], `${name} depends on ${dep}`).toBeDefined();
        const expected = dep === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
        expect(how.condition, `${name} → ${dep}`).toBe(expected);
      }
    }
    expect(Object.keys(dependsOn('migrate'))).toContain('mysql');
    for (const name of SERVERS) {
      expect(Object.keys(dependsOn(name)), name).toEqual(expect.arrayContaining(['migrate', 'redis', 'kafka', 'temporal']));
    }
  });

  it('probes each process on /readyz of the port it listens on, with a command that fails unless it answers 200', async () => {
    const ready = await readyzServer(200);
    const unready = await readyzServer(503);
    try {
      for (const name of SERVERS) {
        const probe = svc(name).healthcheck?.test ?? [];
        expect(probe[0]).toBe('CMD');
        const script = probe.at(-1) ?? '';
        const url = new URL(/fetch\('([^']+)'/.exec(script)?.[1] ?? 'missing:');
        const c = loadConfig(env(name));
        const port = name === 'gateway' ? c.http.port : c.metricsPort;
        const host = name === 'gateway' ? c.http.host : c.metricsHost;
        expect([url.hostname, url.port, url.pathname], name).toEqual(['127.0.0.1', String(port), '/readyz']);
        expect(host, `${name}: reachable from other containers`).toBe('0.0.0.0');
        const at = (p: number) => probe.slice(2).map((a) => a.replace(url.host, `127.0.0.1:${p}`));
        expect(await runProbe(['node', ...at(ready.port)]), `${name}: ready`).toBe(0);
        expect(await runProbe(['node', ...at(unready.port)]), `${name}: not ready`).toBe(1);
      }
    } finally {
      await Promise.all([ready.close(), unready.close()]);
    }
  });

  it('runs the processes from the Dockerfile image, with entry points the image holds', () => {
    const runtime = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).at(-1)!;
    const copied = copiesOf(runtime).filter((c) => c.from === undefined).flatMap((c) => c.sources);
    for (const name of APPS) {
      const s = svc(name);
      const build = typeof s.build === 'string' ? { context: s.build } : s.build;
      expect(build?.context, name).toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      // Node's own flags (the gateway's, gateway/node-flags.ts) come before the entry.
      const [node, ...rest] = s.command ?? [];
      const entry = rest.find((a) => !a.startsWith('--')) ?? '';
      expect(node, name).toBe('node');
      expect(existsSync(path.join(ROOT, entry)), `${name}: ${entry}`).toBe(true);
      expect(copied.some((src) => entry === src || entry.startsWith(`${src}/`)), `${name}: ${entry} is in the image`).toBe(true);
      expect(importGraph(ROOT, [entry]).files.size).toBeGreaterThan(1);
    }
    expect(svc('gateway').command).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'gateway/server.ts']);
    expect(svc('logic').command).toEqual(['node', 'logic/main.ts']);
    expect(svc('migrate').command).toEqual(['node', 'scripts/migrate.ts']);
    expect(svc('worker').command?.slice(0, 2)).toEqual(['node', 'workers/main.ts']);
  });

  it('runs the worker on the workflow bundle the image was built with', () => {
    const stages = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
    const runtime = stages.at(-1)!;
    const fromBuild = copiesOf(runtime).find((c) => c.from !== undefined && c.sources.some((s) => s.endsWith('.js')));
    expect(fromBuild, 'the bundle copied from the build stage').toBeDefined();
    const workdir = runtime.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args ?? '/';
    const bundle = commandArg('worker', '--workflow-bundle');
    expect(bundle, 'worker: --workflow-bundle').toBeDefined();
    expect(path.posix.resolve(workdir, bundle!)).toBe(fromBuild!.dest);
  });
});
