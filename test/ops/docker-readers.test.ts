// The readers the Docker checks rest on: if one of them missed an import, a COPY or an ignore
// rule, those checks would pass on a broken image.
import { describe, expect, it } from 'vitest';
import { copiesOf, dockerignoreMatcher, envOf, parseDockerfile } from '../helpers/dockerfile.ts';
import { packageName, runtimeSpecifiers } from '../helpers/import-graph.ts';

describe('runtimeSpecifiers', () => {
  it('follows what Node loads and skips what type stripping erases', () => {
    const source = [
      "import a from './a.ts';",
      "import { type B } from './b.ts';",
      "import type { C } from './c.ts';",
      "export * from './d.ts';",
      "export type { E } from './e.ts';",
      "export { f } from '@scope/pkg/sub.js';",
      "import './side-effect.ts';",
      "const g = await import('./g.ts');",
      "const h = import.meta.resolve('h-pkg/lib/x.js');",
      "type I = import('./i.ts').I;",
    ].join('\n');
    expect(runtimeSpecifiers(source)).toEqual(['./a.ts', './b.ts', './d.ts', '@scope/pkg/sub.js', './side-effect.ts', './g.ts', 'h-pkg/lib/x.js']);
  });

  it('refuses an import() it cannot follow', () => {
    expect(() => runtimeSpecifiers('const m = await import(name);')).toThrow(/computed specifier/);
  });

  it('names the package of a specifier', () => {
    expect(packageName('@temporalio/worker')).toBe('@temporalio/worker');
    expect(packageName('@temporalio/interceptors-opentelemetry/lib/worker/index.js')).toBe('@temporalio/interceptors-opentelemetry');
    expect(packageName('kafkajs')).toBe('kafkajs');
    expect(packageName('yaml/util')).toBe('yaml');
  });
});

describe('parseDockerfile', () => {
  const stages = parseDockerfile([
    'ARG BASE=node:24-slim',
    'FROM ${BASE} AS build',
    'WORKDIR /app',
    '# a comment',
    'COPY a b ./',
    'RUN one \\',
    '  # inside a continuation',
    '  && two',
    'FROM $BASE',
    'WORKDIR /srv',
    'WORKDIR app',
    'ENV A=1 B="two words"',
    'ENV C 3',
    'COPY --from=build --chown=1000:1000 /app/out.js ./dist/out.js',
    'COPY ["x y", "z/"]',
    'CMD ["node", "main.ts"]',
  ].join('\n'));

  it('reads stages, their images through ARG defaults, and continued lines', () => {
    expect(stages.map((s) => [s.name, s.image])).toEqual([['build', 'node:24-slim'], ['1', 'node:24-slim']]);
    expect(stages[0]!.instructions.find((i) => i.keyword === 'RUN')?.args).toMatch(/^one\s+&& two$/);
    expect(stages[1]!.instructions.at(-1)?.json).toEqual(['node', 'main.ts']);
  });

  it('resolves COPY destinations against WORKDIR and keeps --from', () => {
    expect(copiesOf(stages[0]!)).toEqual([{ sources: ['a', 'b'], dest: '/app/', index: 1 }]);
    const [fromBuild, json] = copiesOf(stages[1]!);
    expect(fromBuild).toMatchObject({ from: 'build', sources: ['/app/out.js'], dest: '/srv/app/dist/out.js' });
    expect(json).toMatchObject({ sources: ['x y'], dest: '/srv/app/z/' });
  });

  it('reads ENV in both forms', () => {
    expect(envOf(stages[1]!)).toEqual({ A: '1', B: 'two words', C: '3' });
  });
});

describe('dockerignoreMatcher', () => {
  const ignored = dockerignoreMatcher(['# comment', 'node_modules', '/dist', '**/*.log', 'bench/results', 'docs', '!docs/keep.md', ''].join('\n'));

  it('excludes a matched folder with everything in it, at any depth for **', () => {
    expect(ignored('node_modules/x/index.js')).toBe(true);
    expect(ignored('dist/workflow-bundle.js')).toBe(true);
    expect(ignored('a/b/c.log')).toBe(true);
    expect(ignored('top.log')).toBe(true);
    expect(ignored('bench/results/run.json')).toBe(true);
  });

  it('keeps what no rule matches and what a later ! rule takes back', () => {
    expect(ignored('repo/node_modules.ts')).toBe(false);
    expect(ignored('src/dist/x.ts')).toBe(false);
    expect(ignored('bench/run.ts')).toBe(false);
    expect(ignored('docs/keep.md')).toBe(false);
    expect(ignored('docs/other.md')).toBe(true);
  });
});
