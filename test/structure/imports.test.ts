// Each process (the gateway, the logic worker, the Temporal worker, the scripts) imports only
// its own folders and the shared ones, so no process reaches into another's code; the shared
// folders import no process folder; workflow code loads nothing but @temporalio/workflow (and
// its own files) at runtime, since it runs in Temporal's deterministic sandbox.
import { describe, expect, it } from 'vitest';
import { PROCESSES, SHARED, folderOf, importsOf, sourceFiles, type Import } from './sources.ts';

/**
 * Shared code that needs a process's code, and why. The Temporal client (temporal/) starts and
 * signals the workflows defined in workflows/definitions.ts, which loads no workflow code, and
 * names their types.
 */
const SHARED_MAY_IMPORT: { from: string; target: RegExp; typeOnly: boolean }[] = [
  { from: 'temporal/', target: /^workflows\/definitions\.ts$/, typeOnly: false },
  { from: 'temporal/', target: /^workflows\/[a-z-]+\.ts$/, typeOnly: true },
];

const processOf = (folder: string) => Object.keys(PROCESSES).find((p) => PROCESSES[p]?.includes(folder));
const show = (i: Import) => `${i.from} -> ${i.target}${i.typeOnly ? ' (type)' : ''}`;
const allFolders = [...Object.values(PROCESSES).flat(), ...SHARED];
const imports = sourceFiles(allFolders).flatMap(importsOf);
const local = imports.filter((i) => i.relative);

describe('imports between folders', () => {
  it('knows every folder a source file imports', () => {
    const unknown = local.filter((i) => !allFolders.includes(folderOf(i.target)));
    expect(unknown.map(show)).toEqual([]);
  });

  it('has no process importing another process\'s folder', () => {
    const crossing = local.filter((i) => {
      const own = processOf(folderOf(i.from));
      const theirs = processOf(folderOf(i.target));
      return own !== undefined && theirs !== undefined && own !== theirs;
    });
    expect(crossing.map(show)).toEqual([]);
  });

  it('has no shared folder importing a process folder, but for the listed needs', () => {
    const upward = local.filter((i) => {
      if (!SHARED.includes(folderOf(i.from)) || processOf(folderOf(i.target)) === undefined) return false;
      return !SHARED_MAY_IMPORT.some((a) => i.from.startsWith(a.from) && a.target.test(i.target) && (i.typeOnly || !a.typeOnly));
    });
    expect(upward.map(show)).toEqual([]);
  });

  it('keeps workflow code to @temporalio/workflow and its own files at runtime', () => {
    const loaded = imports.filter((i) => folderOf(i.from) === 'workflows' && !i.typeOnly);
    const outside = loaded.filter((i) => (i.relative ? folderOf(i.target) !== 'workflows' : i.target !== '@temporalio/workflow'));
    expect(outside.map(show)).toEqual([]);
  });
});
