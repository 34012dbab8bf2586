// The project's own TypeScript sources and what each file imports, read with the TypeScript
// parser: import and export-from declarations, dynamic import() and import('...') types.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** The folders of each process: the gateway, the logic worker, the Temporal worker, the scripts, the clients. */
export const PROCESSES: Record<string, string[]> = {
  gateway: ['gateway'],
  logic: ['logic'],
  temporal: ['workers', 'activities', 'workflows'],
  scripts: ['scripts'],
  /** The client side: the SDK and the web client built on it (they reach the server only over the wire). */
  client: ['sdk', 'web'],
};
/** The folders every process may use. */
export const SHARED = ['contract', 'config', 'domain', 'runtime', 'bus', 'repo', 'storage', 'metrics', 'telemetry', 'temporal'];

export interface Import {
  /** The file that imports, relative to the root. */
  from: string;
  /** What it names: a root-relative path for a relative specifier, else the package name. */
  target: string;
  relative: boolean;
  /** Erased at runtime: `import type`, only `type` names, or an import('...') type. */
  typeOnly: boolean;
  /** The names it imports (`*` for a namespace import). */
  names: string[];
  /** For a namespace import, the members of it the file uses (`ns.member`). */
  namespaceMembers: string[];
}

export function sourceFiles(folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return out.sort();
}

export function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, names: string[], namespace?: string) => {
    const isRelative = specifier.startsWith('.');
    found.push({
      from: file,
      target: isRelative ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier,
      relative: isRelative,
      typeOnly,
      names,
      namespaceMembers: namespace ? membersOf(source, namespace) : [],
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        add(node.moduleSpecifier.text, !!clause.isTypeOnly, ['*'], bindings.name.text);
      } else {
        const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
        const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && named.length > 0 && named.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly, [...(clause?.name ? ['default'] : []), ...named.map((e) => (e.propertyName ?? e.name).text)]);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const named = clause && ts.isNamedExports(clause) ? clause.elements : [];
      const typeOnly = node.isTypeOnly || (named.length > 0 && named.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly, clause && ts.isNamedExports(clause) ? named.map((e) => (e.propertyName ?? e.name).text) : ['*']);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, false, ['*']);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, ['*']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function membersOf(source: ts.SourceFile, namespace: string): string[] {
  const members = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === namespace) members.add(node.name.text);
    if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === namespace) members.add(node.right.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...members];
}

/** The top-level folder a root-relative path is in. */
export function folderOf(path: string): string {
  return path.split('/')[0] ?? '';
}
