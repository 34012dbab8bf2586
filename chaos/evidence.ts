// What the processes wrote during a phase, folded into distinct lines with counts (numbers
// masked for the folding, the first occurrence kept verbatim), for the report's evidence.

export interface LogLine {
  line: string;
  count: number;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A pino JSON line as "level msg: err.message (context)"; anything else as it is. */
export function readable(raw: string): string {
  const line = raw.trim();
  if (line.startsWith('{')) {
    try {
      const j = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; type?: string }; context?: string };
      const level = typeof j.level === 'number' ? (LEVELS[j.level] ?? String(j.level)) : '';
      const err = j.err?.message ? `: ${j.err.type ? `${j.err.type} ` : ''}${j.err.message}` : '';
      return `${level} ${j.msg ?? ''}${err}${j.context ? ` (${j.context})` : ''}`.trim().slice(0, 400);
    } catch {
      // not JSON after all
    }
  }
  return line.slice(0, 400);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Joins the continuation lines of multi-line entries (indented, or closing a brace) to their first line. */
export function logicalLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(ANSI, '');
    const prev = out.length - 1;
    if (prev >= 0 && /^(\s|[}\])])/.test(line) && !/^\s+at /.test(line)) out[prev] = `${out[prev]} ${line.trim()}`;
    else if (!/^\s+at /.test(line)) out.push(line);
  }
  return out;
}

export function foldLines(lines: string[], max = 12): LogLine[] {
  const byKey = new Map<string, LogLine>();
  for (const raw of logicalLines(lines)) {
    const line = readable(raw);
    if (!line) continue;
    const key = line.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '#').replace(/\d+/g, '#').slice(0, 160);
    const known = byKey.get(key);
    if (known) known.count++;
    else byKey.set(key, { line, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count).slice(0, max);
}
