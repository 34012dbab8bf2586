// The Dockerfile, checked without a Docker engine against what the processes load: every file
// each entry point imports (followed through relative imports, dynamic ones too) is COPYed into
// the stage that runs it, at the same path, and kept in the build context by .dockerignore; every
// package they import at run time is a production dependency (the runtime stage omits dev ones);
// the build stage has what the workflow bundle step needs; the patches are applied; and the
// image's healthcheck command answers for the gateway and for the workers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { copiesOf, dockerignoreMatcher, envOf, indexOf, parseDockerfile, workdirAt, type Stage } from '../helpers/dockerfile.ts';
import { importGraph, packageName } from '../helpers/import-graph.ts';
import { closedPort, readyzServer, runProbe } from './docker-probe.ts';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };

/** Every process the image runs, and the workflow code the bundle step compiles. */
const RUNTIME_ENTRIES = ['gateway/server.ts', 'logic/main.ts', 'workers/main.ts', 'scripts/migrate.ts', 'scripts/dlq.ts'];
const BUNDLE_ENTRIES = ['workers/bundle.ts', 'workflows/index.ts'];
/** What `npm ci` reads, in both stages. */
const INSTALL_INPUTS = ['package.json', 'package-lock.json', 'patches'];

const stages = parseDockerfile(read('Dockerfile'));
const runtime = stages.at(-1)!;
const bundleRun = (s: Stage) => indexOf(s, 'RUN', /(^|&&\s*)node workers\/bundle\.ts\s+\S+/);
const build = stages.find((s) => bundleRun(s) >= 0);
const bundleOut = /node workers\/bundle\.ts\s+(\S+)/.exec(build?.instructions[bundleRun(build)]?.args ?? '')?.[1] ?? '';

/** Paths (relative to the stage's WORKDIR) that COPYs from the build context put in a stage, before an instruction. */
function contextCopies(stage: Stage, before = Infinity): Map<string, string> {
  const copied = new Map<string, string>();
  for (const c of copiesOf(stage).filter((x) => x.from === undefined && x.index < before)) {
    const workdir = workdirAt(stage, c.index);
    for (const src of c.sources) {
      const target = c.dest.endsWith('/') ? path.posix.join(c.dest, path.posix.basename(src)) : c.dest;
      copied.set(path.posix.normalize(src), path.posix.relative(workdir, target));
    }
  }
  return copied;
}

/** The files of a stage's graph that no COPY puts at their own path (relative to WORKDIR). */
function missingFrom(stage: Stage, files: Iterable<string>, before = Infinity): string[] {
  const copied = contextCopies(stage, before);
  const covered = (f: string) => [...copied].some(([src, dest]) => src === dest && (f === src || f.startsWith(`${src}/`)));
  return [...files].filter((f) => !covered(f));
}

const npmCi = (s: Stage) => indexOf(s, 'RUN', /\bnpm ci\b/);

describe('Dockerfile', () => {
  it('has a build stage that bundles the workflows and a runtime stage the image ends with', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build, 'a stage runs `node workers/bundle.ts <file>`').toBeDefined();
    expect(build).not.toBe(runtime);
    expect(bundleOut).toMatch(/\.js$/);
    for (const s of stages) expect(s.image, s.name).toMatch(/^node:24[\w.-]*$/);
  });

  it('installs dev dependencies in the build stage and only production ones in the runtime stage', () => {
    const buildCi = build!.instructions[npmCi(build!)]!.args;
    expect(buildCi).not.toMatch(/--omit[= ]dev|--production/);
    expect(envOf(build!, npmCi(build!)).NODE_ENV, 'NODE_ENV=production would make npm ci skip dev dependencies').toBeUndefined();
    expect(runtime.instructions[npmCi(runtime)]?.args).toMatch(/npm ci --omit=dev\b/);
    expect(envOf(runtime).NODE_ENV).toBe('production');
  });

  it('copies into the runtime stage, at their own paths, the files every entry point imports', () => {
    for (const entry of RUNTIME_ENTRIES) {
      const { files } = importGraph(ROOT, [entry]);
      expect(files.size, entry).toBeGreaterThan(1);
      expect(missingFrom(runtime, files), `${entry}: files no COPY puts in the runtime stage`).toEqual([]);
    }
    expect(missingFrom(runtime, INSTALL_INPUTS, npmCi(runtime)), 'before npm ci').toEqual([]);
  });

  it('copies into the build stage, before the bundle step, everything it imports and the workflow code it compiles', () => {
    const { files } = importGraph(ROOT, BUNDLE_ENTRIES);
    expect(files).toContain('workflows/index.ts');
    expect(missingFrom(build!, files, bundleRun(build!)), 'files the bundle step cannot see').toEqual([]);
    expect(missingFrom(build!, INSTALL_INPUTS, npmCi(build!)), 'before npm ci').toEqual([]);
    expect(npmCi(build!)).toBeLessThan(bundleRun(build!));
  });

  it('puts the bundle in the runtime stage where the worker is told to look for it', () => {
    const copy = copiesOf(runtime).find((c) => c.from === build!.name);
    expect(copy, `COPY --from=${build!.name}`).toBeDefined();
    expect(copy!.sources).toEqual([path.posix.resolve(workdirAt(build!, bundleRun(build!)), bundleOut)]);
    expect(path.posix.relative(workdirAt(runtime, copy!.index), copy!.dest)).toBe(path.posix.normalize(bundleOut));
  });

  it('COPYs only paths that exist, and .dockerignore keeps in the context every file the image needs', () => {
    const ignored = dockerignoreMatcher(read('.dockerignore'));
    const needed = new Set([...INSTALL_INPUTS, ...importGraph(ROOT, [...RUNTIME_ENTRIES, ...BUNDLE_ENTRIES]).files]);
    for (const s of stages) for (const [src] of contextCopies(s)) {
      expect(existsSync(path.join(ROOT, src)), `${s.name}: COPY ${src}`).toBe(true);
      if (statSync(path.join(ROOT, src)).isDirectory()) {
        for (const f of readdirSync(path.join(ROOT, src), { recursive: true, encoding: 'utf8' })) needed.add(path.posix.join(src, f));
      } else needed.add(src);
    }
    expect([...needed].filter(ignored), 'needed but excluded from the build context').toEqual([]);
    for (const heavy of ['node_modules', '.stack', 'dist', '.git', '.env', 'chaos/results/x.json', 'bench/results/x.json', 'test/x.test.ts']) {
      expect(ignored(heavy), `.dockerignore leaves out ${heavy}`).toBe(true);
    }
  });

  it('has every package the processes import at run time in dependencies, not devDependencies', () => {
    const packages = importGraph(ROOT, RUNTIME_ENTRIES).packages;
    expect(packages.size).toBeGreaterThan(5);
    const notProd = [...packages].filter(([spec]) => pkg.dependencies[packageName(spec)] === undefined).map(([spec, from]) => `${spec} (${from})`);
    expect(notProd).toEqual([]);
    const buildPackages = importGraph(ROOT, BUNDLE_ENTRIES).packages;
    const unknown = [...buildPackages.keys()].filter((s) => !pkg.dependencies[packageName(s)] && !pkg.devDependencies[packageName(s)]);
    expect(unknown).toEqual([]);
  });

  it('applies the dependency patches in the runtime stage, failing the build when one does not apply', () => {
    expect(pkg.scripts.postinstall).toMatch(/\bpatch-package\b/);
    expect(pkg.dependencies['patch-package'], 'postinstall runs under npm ci --omit=dev').toBeDefined();
    expect(runtime.instructions[npmCi(runtime)]?.args).toMatch(/patch-package --error-on-fail/);
    const patches = readdirSync(path.join(ROOT, 'patches')).filter((f) => f.endsWith('.patch'));
    expect(patches.length).toBeGreaterThan(0);
    for (const p of patches) {
      const m = /^(.+)\+(\d[^+]*)\.patch$/.exec(p);
      const name = m?.[1]?.replace('+', '/') ?? '';
      expect(pkg.dependencies[name], `${p} patches a production dependency`).toBeDefined();
      expect(lock.packages[`node_modules/${name}`]?.version, `${p} matches the locked version`).toBe(m?.[2]);
    }
  });

  it('runs the gateway by default, as a non-root user, listening on every interface', () => {
    expect(runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)?.json).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'gateway/server.ts']);
    const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
    const config = loadConfig({ ...envOf(runtime), JWT_SECRET: 'a-production-secret-of-at-least-32-characters' });
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.metricsHost).toBe('0.0.0.0');
    const exposed = runtime.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/)).map(Number);
    expect(exposed).toEqual(expect.arrayContaining([config.http.port, config.metricsPort]));
  });

  it('has a healthcheck that passes when the gateway or a worker answers /readyz with 200, and fails otherwise', async () => {
    const hc = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK');
    const argv = /^CMD\s+(\[.*\])$/.exec(hc?.args.replace(/^(--\S+\s+)*/, '') ?? '')?.[1];
    expect(argv, 'HEALTHCHECK CMD [exec form]').toBeDefined();
    const probe = JSON.parse(argv!) as string[];
    const ready = await readyzServer(200);
    const unready = await readyzServer(503);
    const closed = await closedPort();
    try {
      expect(await runProbe(probe, { HTTP_PORT: String(ready.port), METRICS_PORT: String(closed) }), 'gateway ready').toBe(0);
      expect(await runProbe(probe, { HTTP_PORT: String(closed), METRICS_PORT: String(ready.port) }), 'worker ready').toBe(0);
      expect(await runProbe(probe, { HTTP_PORT: String(unready.port), METRICS_PORT: String(closed) }), 'gateway not ready').toBe(1);
      expect(await runProbe(probe, { HTTP_PORT: String(closed), METRICS_PORT: String(unready.port) }), 'worker not ready').toBe(1);
      expect(await runProbe(probe, { HTTP_PORT: String(closed), METRICS_PORT: String(closed) }), 'nothing listening').toBe(1);
    } finally {
      await Promise.all([ready.close(), unready.close()]);
    }
  });
});
