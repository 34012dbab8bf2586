// `dlq replay`: puts letters' records back on the topics they were read from, after the operator
// fixed what made them fail. The value goes back as the raw bytes read (not re-serialised JSON),
// with the original key, so it lands on the partition a fresh record of that key would.
import type { Admin, Message, TopicMessages } from 'kafkajs';
import type { DeadLetter } from '../../contract/index.ts';
import { Failure, position, type Entry } from './read.ts';

export interface ReplayOptions {
  /** Dead-letter positions as `list` shows them, or every letter. */
  which: string[] | 'all';
  class?: DeadLetter['class'];
  dryRun: boolean;
}

type Letter = Extract<Entry, { ok: true }>;

/** The letters asked for; any position that cannot be replayed as asked fails the whole run. */
function select(entries: Entry[], opts: ReplayOptions): Letter[] {
  const ofClass = (e: Letter) => (opts.class ?? e.letter.class) === e.letter.class;
  if (opts.which === 'all') return entries.filter((e): e is Letter => e.ok && ofClass(e));
  const byPosition = new Map(entries.map((e) => [position(e), e]));
  const problems: string[] = [];
  const chosen: Letter[] = [];
  for (const p of new Set(opts.which)) {
    const e = byPosition.get(p);
    if (!e) problems.push(`no record at dead-letter offset ${p}`);
    else if (!e.ok) problems.push(`offset ${p} is not a dead letter (${e.problem})`);
    else if (!ofClass(e)) problems.push(`offset ${p} is of class ${e.letter.class}, not ${opts.class}`);
    else chosen.push(e);
  }
  if (problems.length > 0) throw new Failure(`nothing replayed: ${problems.join('; ')}`);
  return chosen.sort((a, b) => entries.indexOf(a) - entries.indexOf(b));
}

export async function replay(entries: Entry[], opts: ReplayOptions, admin: Admin, produce: (batch: TopicMessages[]) => Promise<void>): Promise<void> {
  const letters = select(entries, opts);
  // Producing to a topic that is gone would silently create it (when the broker allows that).
  const existing = new Set(await admin.listTopics());
  const gone = [...new Set(letters.map((l) => l.letter.topic))].filter((t) => !existing.has(t));
  if (gone.length > 0) throw new Failure(`nothing replayed: original topic(s) no longer exist: ${gone.join(', ')}`);

  if (!opts.dryRun && letters.length > 0) {
    const byTopic = new Map<string, Message[]>();
    for (const { letter } of letters) {
      let messages = byTopic.get(letter.topic);
      if (!messages) byTopic.set(letter.topic, (messages = []));
      messages.push({ key: letter.key, value: letter.raw });
    }
    await produce([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  console.log(`${opts.dryRun ? 'dry run, nothing produced: would replay' : 'replayed'} ${letters.length} letter(s)`);
  for (const e of letters) {
    const l = e.letter;
    console.log(`  dlq ${position(e)} -> ${l.topic}/${l.partition}@${l.offset}  key=${l.key ?? '-'}  ${l.class}: ${l.reason}`);
  }
}
