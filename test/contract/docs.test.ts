// docs/protocol.md is the client author's contract: its tables must say exactly what the
// contract module defines, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { clientFrameTypes, CloseCode, ERROR_CODES, errorCodes } from '../../contract/index.ts';

const protocol = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the first table under a `## heading`, as arrays of cells. */
function table(doc: string, heading: string): string[][] {
  const start = doc.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`no section '${heading}'`);
  const lines = doc.slice(start).split('\n').slice(1);
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}
const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe('docs/protocol.md against the contract', () => {
  it('lists exactly the contract error codes, with their HTTP statuses', () => {
    const rows = table(protocol, 'Error codes');
    expect(rows.map((r) => unquote(r[0]!)).sort()).toEqual([...errorCodes].sort());
    for (const [code, status] of rows) expect(Number(status)).toBe(ERROR_CODES[unquote(code!) as keyof typeof ERROR_CODES].status);
  });

  it('lists exactly the close codes the gateway uses', () => {
    const documented = table(protocol, 'Close codes').map((r) => Number(r[0]));
    expect(documented.sort()).toEqual(Object.values(CloseCode).sort());
  });

  it('lists exactly the client frames the gateway accepts', () => {
    const documented = table(protocol, 'Client → server').map((r) => unquote(r[0]!));
    expect(documented.sort()).toEqual([...clientFrameTypes].sort());
  });

  it('states the login limits the configuration applies', () => {
    const defaults = loadConfig({});
    expect(readme).toContain(`| \`LOGIN_ATTEMPTS_PER_MINUTE\` | ${defaults.auth.loginAttemptsPerMinute} |`);
    expect(readme).toContain(`| \`LOGIN_ATTEMPTS_PER_IP_PER_MINUTE\`, \`SIGNUPS_PER_IP_PER_MINUTE\` | ${defaults.auth.loginAttemptsPerIpPerMinute}, ${defaults.auth.signupsPerIpPerMinute} |`);
  });
});
