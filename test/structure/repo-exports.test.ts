// The repo's exports are its API for the processes: every function, constant and class it
// exports is used by some non-test source (tests build what else they need in their fixtures).
// repo/index.ts exports what the processes use; a module of repo/ exports what another module
// uses, or what index.ts passes on.
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROCESSES, ROOT, SHARED, importsOf, sourceFiles, type Import } from './sources.ts';

const CONSUMERS = [...Object.values(PROCESSES).flat(), ...SHARED.filter((f) => f !== 'repo'), 'bench', 'chaos'];
const INDEX = 'repo/index.ts';

const repoFiles = sourceFiles(['repo']).filter((f) => !f.includes('/migrations/'));
const program = ts.createProgram(repoFiles.map((f) => join(ROOT, f)), {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
});
const checker = program.getTypeChecker();

/** The functions, constants and classes a module exports (types are not counted), with the file declaring each. */
function valueExports(file: string): { name: string; declaredIn: string }[] {
  const source = program.getSourceFile(join(ROOT, file));
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`cannot read the exports of ${file}`);
  return checker.getExportsOfModule(symbol).flatMap((s) => {
    const declaration = s.declarations?.[0];
    if (declaration && ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) return [];
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    if (!(target.flags & ts.SymbolFlags.Value)) return [];
    const declaredIn = target.declarations?.[0]?.getSourceFile().fileName;
    return declaredIn ? [{ name: s.name, declaredIn: relative(ROOT, declaredIn) }] : [];
  });
}

/** Whether any of these imports of `file` names `name` (a namespace import by using it, `export *` always). */
function names(imports: Import[], file: string, name: string): boolean {
  return imports.some((i) => {
    if (i.target !== file) return false;
    if (i.names.includes(name)) return true;
    return i.names.includes('*') && (i.namespaceMembers.includes(name) || (i.from === INDEX && i.namespaceMembers.length === 0));
  });
}

const outside = sourceFiles(CONSUMERS).flatMap(importsOf);
const all = [...outside, ...repoFiles.flatMap(importsOf)];

describe('repo exports', () => {
  it('exports from repo/index.ts only what some process or script uses', () => {
    const unused = valueExports(INDEX).filter(({ name, declaredIn }) => !names(outside, INDEX, name) && !names(outside, declaredIn, name));
    expect(unused.map((e) => e.name)).toEqual([]);
  });

  it('exports from each repo module only what another source uses', () => {
    const unused = repoFiles
      .filter((f) => f !== INDEX)
      .flatMap((file) => valueExports(file).filter((e) => e.declaredIn === file).map((e) => ({ file, name: e.name })))
      .filter(({ file, name }) => !names(all.filter((i) => i.from !== file), file, name));
    expect(unused.map((e) => `${e.file}: ${e.name}`)).toEqual([]);
  });
});
