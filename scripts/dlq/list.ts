// `dlq list`: one line per record of the dead-letter topic, oldest first.
import type { DeadLetter } from '../../contract/index.ts';
import { position, type Entry } from './read.ts';

export interface ListOptions {
  limit: number;
  class?: DeadLetter['class'];
  topic?: string;
  json: boolean;
}

export function list(entries: Entry[], opts: ListOptions, dlqTopic: string): void {
  const filtered = opts.class !== undefined || opts.topic !== undefined;
  // A record that is not a letter has no class or topic to match: it shows only unfiltered.
  const matching = entries.filter((e) => !filtered || (e.ok && (opts.class ?? e.letter.class) === e.letter.class && (opts.topic ?? e.letter.topic) === e.letter.topic));
  const shown = matching.slice(-opts.limit);
  for (const e of shown) console.log(opts.json ? jsonLine(e) : textLine(e));
  const bad = shown.filter((e) => !e.ok).length;
  const hidden = matching.length - shown.length;
  // On stderr, so `--json` output stays one JSON value per line.
  console.error(
    `${dlqTopic}: ${shown.length} record(s) shown${bad > 0 ? `, ${bad} of them not valid dead letters` : ''}` +
      (hidden > 0 ? `; ${hidden} earlier one(s) not shown (raise --limit)` : ''),
  );
}

function jsonLine(e: Entry): string {
  const where = { dlq_partition: e.partition, dlq_offset: e.offset };
  return JSON.stringify(e.ok ? { ...where, ...e.letter } : { ...where, invalid: e.problem, raw: e.raw });
}

function textLine(e: Entry): string {
  if (!e.ok) return `${position(e)}  NOT A DEAD LETTER (${e.problem})  raw=${short(e.raw)}`;
  const l = e.letter;
  return [
    position(e),
    iso(l.at),
    l.class.padEnd(7),
    `${l.topic}/${l.partition}@${l.offset}`,
    `group=${l.group}`,
    `reason=${JSON.stringify(l.reason)}`,
    ...(l.error ? [`error=${JSON.stringify(l.error)}`] : []),
    `requestId=${l.requestId ?? '-'}`,
    `raw=${short(l.raw)}`,
  ].join('  ');
}

/** The contract bounds `at` only to a safe integer, which may lie past the last valid Date. */
function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** First 120 characters on one line: control characters would break the line-per-letter layout. */
function short(raw: string): string {
  const chars = [...raw]; // code points, so a cut never splits a surrogate pair
  const head = chars.length > 120 ? `${chars.slice(0, 120).join('')}…` : raw;
  return head.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));
}
