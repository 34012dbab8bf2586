// ops/alerts.yml checked by Prometheus' own promtool (scripts/install-go-tools.sh): the rules
// parse and their expressions compile, and the unit tests in ops/alerts.test.yml pass, with at
// least one case per alert showing it fires.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const PROMTOOL = join(process.env.GOCHAT_STACK_DIR ?? join(ROOT, '.stack'), 'bin/promtool');
const scratch = mkdtempSync(join(tmpdir(), 'gochat-promtool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function promtool(...args: string[]): { code: number | null; output: string } {
  if (!existsSync(PROMTOOL)) throw new Error(`${PROMTOOL} is missing: run \`bash scripts/install-go-tools.sh\` (npm test does)`);
  const r = spawnSync(PROMTOOL, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}
interface RuleTests {
  rule_files: string[];
  tests: { name?: string; alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
}

const alerts = (parse(readFileSync(join(ROOT, 'ops/alerts.yml'), 'utf8')) as RuleFile).groups.flatMap((g) => g.rules).flatMap((r) => (r.alert ? [r.alert] : []));
const unitTests = parse(readFileSync(join(ROOT, 'ops/alerts.test.yml'), 'utf8')) as RuleTests;

describe('ops/alerts.yml under promtool', () => {
  it('passes promtool check rules', () => {
    const r = promtool('check', 'rules', 'ops/alerts.yml');
    expect(r.output).toMatch(new RegExp(`SUCCESS: ${alerts.length} rules found`));
    expect(r.code, r.output).toBe(0);
  });

  it('refuses a rule whose expression does not compile (the check is real)', () => {
    const broken = join(scratch, 'broken.yml');
    writeFileSync(broken, 'groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(rate(gochat_message_send_total[5m]) > \n');
    expect(promtool('check', 'rules', broken).code).not.toBe(0);
  });

  it('passes its unit tests in ops/alerts.test.yml', () => {
    expect(unitTests.rule_files).toEqual(['alerts.yml']);
    const r = promtool('test', 'rules', 'ops/alerts.test.yml');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/SUCCESS/);
  });

  it('has a unit test showing each alert fire', () => {
    expect(alerts.length).toBeGreaterThan(0);
    const firing = new Set(unitTests.tests.flatMap((t) => t.alert_rule_test ?? []).filter((c) => (c.exp_alerts ?? []).length > 0).map((c) => c.alertname));
    for (const alert of alerts) expect(firing, alert).toContain(alert);
  });
});
