// Every metric that ops/alerts.yml and the dashboards in ops/dashboards/ query exists in the
// registries the processes create (metrics/registry.ts, for the gateway, the logic worker and the
// Temporal worker), so a renamed metric breaks this test instead of silently emptying a panel or
// disarming an alert. Histograms and summaries also expose their _bucket/_sum/_count series.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../metrics/registry.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const KINDS = ['gateway', 'logic', 'worker'] as const;

/** The series names a scrape of these registries can contain. */
async function exportedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const kind of KINDS) {
    for (const m of await createMetrics(kind).registry.getMetricsAsJSON()) {
      names.add(m.name);
      if (String(m.type) === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m.name + s);
      if (String(m.type) === 'summary') for (const s of ['_sum', '_count']) names.add(m.name + s);
    }
  }
  return names;
}

// Words of PromQL that look like names but are not metrics.
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

/** The metric names in a PromQL expression (Grafana's $variables allowed). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ') // strings
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // label lists
    .replace(/\$\{?\w+\}?/g, ' '); // Grafana variables
  // Whole words only (no backtracking into a name), not followed by `(` (functions).
  const names = [...bare.matchAll(/(?<![\w.:])([A-Za-z_:][\w:]*)(?![\w:])(?!\s*\()/g)].map((m) => m[1]!);
  return names.filter((n) => !KEYWORDS.has(n.toLowerCase()));
}

/** The `process="…"` values an expression selects on. */
const processLabels = (expr: string): string[] => [...expr.matchAll(/\bprocess\s*=~?\s*"([^"]*)"/g)].map((m) => m[1]!);

function alertExpressions(): { where: string; expr: string }[] {
  const file = parse(readFileSync(join(ROOT, 'ops/alerts.yml'), 'utf8')) as { groups: { rules: { alert?: string; record?: string; expr: string }[] }[] };
  return file.groups.flatMap((g) => g.rules.map((r) => ({ where: `ops/alerts.yml ${r.alert ?? r.record ?? '?'}`, expr: r.expr })));
}

const dashboardFiles = () => readdirSync(join(ROOT, 'ops/dashboards')).filter((f) => f.endsWith('.json'));
const readDashboard = (f: string) => JSON.parse(readFileSync(join(ROOT, 'ops/dashboards', f), 'utf8')) as Dashboard;

interface Target { expr?: string; datasource?: { type?: string; uid?: string } }
interface Panel { id: number; type: string; title: string; targets?: Target[]; panels?: Panel[]; datasource?: { uid?: string } }
interface Dashboard { schemaVersion: number; panels: Panel[]; templating: { list: { name: string; type: string; query: string }[] } }

const allPanels = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);

function dashboardExpressions(): { where: string; expr: string }[] {
  return dashboardFiles().flatMap((f) =>
    allPanels(readDashboard(f).panels).flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [{ where: `${f} "${p.title}"`, expr: t.expr }] : []))),
  );
}

describe('metrics used by the alerts and dashboards', () => {
  it('finds the metric names in an expression, and only them', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, path) (rate(gochat_fanout_latency_seconds_bucket{process="logic", le!="x"}[$__rate_interval])))'))
      .toEqual(['gochat_fanout_latency_seconds_bucket']);
    expect(metricNames('min_over_time(a_b[2m]) > 0 and deriv(c:d[2m]) >= 0 or f:g(1) or vector(0) / on (topic) group_left e_total offset 5m'))
      .toEqual(['a_b', 'c:d', 'e_total']);
    expect(metricNames('sum(rate(x_total[5m])) / 1e3 > bool 0.5')).toEqual(['x_total']);
  });

  it('uses only metrics the processes export', async () => {
    const exported = await exportedNames();
    expect(exported).toContain('gochat_message_send_total');
    expect(exported).toContain('gochat_fanout_latency_seconds_bucket');
    const uses = [...alertExpressions(), ...dashboardExpressions()];
    expect(uses.length).toBeGreaterThan(20);
    const unknown = uses.flatMap(({ where, expr }) => metricNames(expr).filter((n) => !exported.has(n)).map((n) => `${where}: ${n}`));
    expect(unknown).toEqual([]);
    // A name that is not exported is caught (guards the check itself).
    expect(metricNames('rate(gochat_no_such_metric_total[5m])').filter((n) => !exported.has(n))).toEqual(['gochat_no_such_metric_total']);
  });

  it('selects only process labels that the registries set', () => {
    const uses = [...alertExpressions(), ...dashboardExpressions()];
    const wrong = uses.flatMap(({ where, expr }) => processLabels(expr).filter((p) => !(KINDS as readonly string[]).includes(p)).map((p) => `${where}: process="${p}"`));
    expect(wrong).toEqual([]);
    expect(uses.some(({ expr }) => processLabels(expr).length > 0)).toBe(true);
  });

  it('queries the Prometheus datasource chosen by the dashboard variable', () => {
    expect(dashboardFiles().length).toBeGreaterThan(0);
    for (const f of dashboardFiles()) {
      const d = readDashboard(f);
      expect(d.schemaVersion, f).toBeGreaterThanOrEqual(36);
      expect(d.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
      const panels = allPanels(d.panels).filter((p) => p.type !== 'row');
      expect(new Set(panels.map((p) => p.id)).size, `${f}: panel ids unique`).toBe(panels.length);
      for (const p of panels) {
        expect(p.targets?.length, `${f} "${p.title}"`).toBeGreaterThan(0);
        for (const t of p.targets ?? []) expect(t.datasource, `${f} "${p.title}"`).toEqual({ type: 'prometheus', uid: '${datasource}' });
      }
    }
  });
});
