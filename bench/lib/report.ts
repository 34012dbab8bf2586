// Results as JSON (everything) and as a Markdown table (the figures a reader compares).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fmt, round, type Summary } from './stats.ts';

export interface Row {
  scenario: string;
  metric: string;
  value: string;
  floor?: string;
  ratio?: string;
  /** GoChat's figure over the peer's (Centrifugo) for the same load; a column only when set. */
  peer?: string;
}

export function ratio(v: Summary | number, floor: number): string {
  const x = typeof v === 'number' ? v : v.median;
  if (!Number.isFinite(x) || !Number.isFinite(floor) || floor === 0) return 'n/a';
  return `${round(x / floor, x / floor >= 10 ? 0 : 1)}×`;
}

export function n(v: number, digits = 1): string {
  return Number.isFinite(v) ? String(round(v, digits)) : 'n/a';
}

export { fmt };

export function markdown(title: string, header: string[], rows: Row[], notes: string[]): string {
  // With the peer in the run its rows share the value column, so the heading names no system.
  const peer = rows.some((r) => r.peer !== undefined);
  const lines = [`# ${title}`, '', ...header, ''];
  if (peer) lines.push('| scenario | metric | median (min–max) | floor | ratio to floor | GoChat / Centrifugo |', '|---|---|---|---|---|---|');
  else lines.push('| scenario | metric | GoChat: median (min–max) | floor | ratio to floor |', '|---|---|---|---|---|');
  for (const r of rows) lines.push(`| ${r.scenario} | ${r.metric} | ${r.value} | ${r.floor ?? ''} | ${r.ratio ?? ''} |${peer ? ` ${r.peer ?? ''} |` : ''}`);
  if (notes.length) lines.push('', '## Notes', '', ...notes.map((s) => `- ${s}`));
  return `${lines.join('\n')}\n`;
}

export function write(dir: string, name: string, json: unknown, md: string): string[] {
  mkdirSync(dir, { recursive: true });
  const j = path.join(dir, `${name}.json`);
  const m = path.join(dir, `${name}.md`);
  writeFileSync(j, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(m, md);
  return [j, m];
}
