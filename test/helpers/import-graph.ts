// What a process loads at run time, read from the source the way Node runs it (type stripping):
// static imports and re-exports, `import()` and `import.meta.resolve()` with a literal specifier,
// followed through relative imports. `import type` / `export type` are erased and not followed;
// `import { type X } from` is kept (Node leaves an `import {} from` behind).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Source files reached, relative to the root, entry points included. */
  files: Set<string>;
  /** Bare specifiers (packages and their subpaths) and the file that imports each. */
  packages: Map<string, string>;
}

const builtins = new Set(builtinModules);

/** The specifiers one file loads at run time. */
export function runtimeSpecifiers(source: string, fileName = 'file.ts'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const literal = arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isMetaResolve = ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'resolve'
        && ts.isMetaProperty(node.expression.expression) && node.expression.expression.name.text === 'meta';
      if (isDynamicImport || isMetaResolve) {
        if (literal === undefined) throw new Error(`${fileName}: ${isDynamicImport ? 'import()' : 'import.meta.resolve()'} of a computed specifier cannot be followed`);
        found.push(literal);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The package a bare specifier names: `@scope/name` or `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier);
}

/** Every file and package reached from the entry points (paths relative to root). */
export function importGraph(root: string, entries: string[]): ImportGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeSpecifiers(readFileSync(path.join(root, file), 'utf8'), file)) {
      if (spec.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (target.startsWith('..')) throw new Error(`${file} imports ${spec}, outside the project`);
        pending.push(target);
      } else if (!isBuiltin(spec)) {
        if (!packages.has(spec)) packages.set(spec, file);
      }
    }
  }
  return { files, packages };
}

/** The top-level folders (or root files) the given files live in. */
export function topLevel(files: Iterable<string>): Set<string> {
  return new Set([...files].map((f) => f.split('/')[0]!));
}
