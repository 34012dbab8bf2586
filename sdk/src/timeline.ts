// One conversation's messages: ordered by seq, one copy each, and a delivery frontier. Every
// message up to the frontier has been delivered (or predates the client); a message above it is
// delivered only once every seq before it is here, so a gap is held until sync or history fills it.
import type { ReactionCount, WireMessage } from '../../contract/index.ts';

export interface Offered {
  /** Messages newly delivered, in seq order. */
  delivered: WireMessage[];
  /** A held copy changed (it came again recalled). */
  recalled?: WireMessage;
  /** A held copy changed (it came again with a later edit). */
  edited?: WireMessage;
}

export class Timeline {
  /** Seqs at or below it are delivered; sync asks for what comes after it. */
  frontier: number;
  private readonly bySeq = new Map<number, WireMessage>();
  private readonly ids = new Set<string>();
  /** Arrived above a gap, waiting for the seqs before them. */
  private readonly ahead = new Map<number, WireMessage>();
  /** bySeq's values in seq order (mostly appended to). */
  private readonly ordered: WireMessage[] = [];

  constructor(frontier: number) {
    this.frontier = frontier;
  }

  /** The lowest seq held above the frontier, waiting for a gap to fill; undefined when none. */
  get waitingFrom(): number | undefined {
    let min: number | undefined;
    for (const seq of this.ahead.keys()) if (min === undefined || seq < min) min = seq;
    return min;
  }

  has(messageId: string): boolean {
    return this.ids.has(messageId);
  }

  get(seq: number): WireMessage | undefined {
    return this.bySeq.get(seq);
  }

  /** Held messages in seq order. */
  sorted(): WireMessage[] {
    return this.ordered;
  }

  get last(): WireMessage | undefined {
    const s = this.sorted();
    return s[s.length - 1];
  }

  get first(): WireMessage | undefined {
    return this.sorted()[0];
  }

  /**
   * A message from the live stream, a sync page or a history page. At or below the frontier it is
   * only kept (once); just above it, it is delivered with whatever waited behind it; further up,
   * it waits.
   */
  offer(m: WireMessage): Offered {
    const held = this.bySeq.get(m.seq) ?? this.ahead.get(m.seq);
    if (held) {
      if (m.recalled && !held.recalled) {
        const blanked = blank(held);
        this.replace(blanked);
        return { delivered: [], recalled: blanked };
      }
      if (!m.recalled && !held.recalled && isLaterEdit(m.edited_at, held)) {
        this.replace(m);
        return { delivered: [], edited: m };
      }
      return { delivered: [] };
    }
    if (m.seq <= this.frontier) {
      this.keep(m);
      return { delivered: [] };
    }
    if (m.seq > this.frontier + 1) {
      this.ahead.set(m.seq, m);
      this.ids.add(m.message_id);
      return { delivered: [] };
    }
    const delivered: WireMessage[] = [m];
    this.keep(m);
    this.frontier = m.seq;
    for (let next = this.ahead.get(this.frontier + 1); next; next = this.ahead.get(this.frontier + 1)) {
      this.ahead.delete(next.seq);
      this.keep(next);
      delivered.push(next);
      this.frontier = next.seq;
    }
    return { delivered };
  }

  /** Marks a held message recalled (content blanked); the new copy, or undefined when not held or already recalled. */
  recall(messageId: string, seq: number): WireMessage | undefined {
    const held = this.bySeq.get(seq) ?? this.ahead.get(seq);
    if (!held || held.message_id !== messageId || held.recalled) return undefined;
    const blanked = blank(held);
    this.replace(blanked);
    return blanked;
  }

  /** Gives a held message an edit's content; the new copy, or undefined when not held, recalled or not later. */
  edit(messageId: string, seq: number, content: string, editedAt: number): WireMessage | undefined {
    const held = this.bySeq.get(seq) ?? this.ahead.get(seq);
    if (!held || held.message_id !== messageId || held.recalled || !isLaterEdit(editedAt, held)) return undefined;
    const edited = { ...held, content, edited_at: editedAt };
    this.replace(edited);
    return edited;
  }

  /** Gives a held message its reactions now (none: the field goes); the new copy, or undefined when not held or recalled. */
  react(messageId: string, seq: number, reactions: ReactionCount[]): WireMessage | undefined {
    const held = this.bySeq.get(seq) ?? this.ahead.get(seq);
    if (!held || held.message_id !== messageId || held.recalled) return undefined;
    const { reactions: _was, ...rest } = held;
    const copy: WireMessage = reactions.length > 0 ? { ...rest, reactions } : rest;
    this.replace(copy);
    return copy;
  }

  /** Moves the frontier up without messages (the conversation was learned of at that seq). */
  skipTo(seq: number): WireMessage[] {
    if (seq <= this.frontier) return [];
    this.frontier = seq;
    for (const s of [...this.ahead.keys()]) {
      if (s <= seq) {
        this.keep(this.ahead.get(s)!);
        this.ahead.delete(s);
      }
    }
    const delivered: WireMessage[] = [];
    for (let next = this.ahead.get(this.frontier + 1); next; next = this.ahead.get(this.frontier + 1)) {
      this.ahead.delete(next.seq);
      this.keep(next);
      delivered.push(next);
      this.frontier = next.seq;
    }
    return delivered;
  }

  private keep(m: WireMessage): void {
    const replacing = this.bySeq.has(m.seq);
    this.bySeq.set(m.seq, m);
    this.ids.add(m.message_id);
    const o = this.ordered;
    // Binary search for the first index whose seq is not below m.seq.
    let lo = 0;
    let hi = o.length;
    if (hi > 0 && o[hi - 1]!.seq < m.seq) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (o[mid]!.seq < m.seq) lo = mid + 1;
      else hi = mid;
    }
    o.splice(lo, replacing ? 1 : 0, m);
  }

  private replace(m: WireMessage): void {
    if (this.ahead.has(m.seq)) this.ahead.set(m.seq, m);
    else this.keep(m);
  }
}

/** A recalled copy: no content, and no reactions (the server shows none on a recalled message). */
function blank(held: WireMessage): WireMessage {
  const { reactions: _gone, ...rest } = held;
  return { ...rest, recalled: true, content: '' };
}

/** Edits can come twice and out of order (live, by sync, in history): only a later one counts. */
function isLaterEdit(editedAt: number | undefined, held: WireMessage): boolean {
  return editedAt !== undefined && editedAt > (held.edited_at ?? -1);
}
