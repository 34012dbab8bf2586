// The SDK runs in browsers: its sources load no Node built-in and nothing but openapi-fetch and
// their own files at runtime; the contract is imported for its types only.
import { describe, expect, it } from 'vitest';
import { folderOf, importsOf, sourceFiles } from '../structure/sources.ts';

const imports = sourceFiles(['sdk/src']).flatMap(importsOf);

describe('sdk/src', () => {
  it('has sources', () => {
    expect(imports.length).toBeGreaterThan(10);
  });

  it('loads only openapi-fetch and its own files at runtime', () => {
    const loaded = imports.filter((i) => !i.typeOnly);
    const outside = loaded.filter((i) => (i.relative ? !i.target.startsWith('sdk/') : i.target !== 'openapi-fetch'));
    expect(outside.map((i) => `${i.from} -> ${i.target}`)).toEqual([]);
  });

  it('uses the contract for its types only', () => {
    const contract = imports.filter((i) => i.relative && folderOf(i.target) === 'contract');
    expect(contract.length).toBeGreaterThan(0);
    expect(contract.filter((i) => !i.typeOnly).map((i) => `${i.from} -> ${i.target}`)).toEqual([]);
  });
});
