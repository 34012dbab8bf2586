// The gateway's Node flags (gateway/node-flags.ts) reach every launcher written outside
// TypeScript (scripts/start.sh here; docker-compose, the Dockerfile and the Helm chart in their
// own tests), and Node accepts them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the gateway Node flags', () => {
  it('scripts/start.sh lists the same flags and starts every gateway with them', () => {
    const script = readFileSync(path.join(ROOT, 'scripts/start.sh'), 'utf8');
    const declared = /^GATEWAY_NODE_FLAGS=\(([^)]*)\)$/m.exec(script)?.[1]?.trim().split(/\s+/);
    expect(declared).toEqual([...GATEWAY_NODE_FLAGS]);
    const launches = script.split('\n').filter((l) => l.includes('gateway/server.ts'));
    expect(launches.length).toBeGreaterThan(0);
    for (const l of launches) expect(l).toContain('node "${GATEWAY_NODE_FLAGS[@]}" gateway/server.ts');
  });

  it('are flags this Node accepts', () => {
    // An unknown or malformed V8 flag makes node exit with "bad option" before running anything.
    expect(execFileSync(process.execPath, [...GATEWAY_NODE_FLAGS, '-e', 'console.log("ok")'], { encoding: 'utf8' }).trim()).toBe('ok');
  });
});
