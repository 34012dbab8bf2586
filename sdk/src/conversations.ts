// The local view of one conversation: its messages (timeline), read pointer and unread count.
// Unread is counted, not guessed: the conversation list gives the server's exact count of the
// unread messages up to its last seq (`countedUnread`, up to `countedTo`), kept current as those
// are read or recalled; messages above that are counted one by one among those held (messages
// of others above the read pointer that are not recalled). Mentions of you (or @all) are kept
// the same way beside them: the list's `mention_count`, then the held messages that mention you.
import type { WireMessage } from '../../contract/index.ts';
import { mentionsMe } from './references.ts';
import { Timeline } from './timeline.ts';
import type { ConversationView } from './types.ts';

export class ConversationState {
  readonly id: string;
  type: number;
  name: string | null;
  memberIds: string[] | undefined;
  lastSeq: number;
  readSeq: number;
  /** Seqs at or below it are counted by `countedUnread`, whether held or not, never one by one. */
  countedTo = 0;
  /** Unread messages at or below countedTo: the list's count, less those read or recalled since. */
  countedUnread = 0;
  /** Unread messages at or below countedTo that mention you: the list's count, less those read or recalled since. */
  countedMentions = 0;
  readonly timeline: Timeline;
  /** The conversation list's preview of its last message, until that message is held. */
  preview: WireMessage | null = null;
  /** For ordering the list: the time of the last message, or when the conversation was learned of. */
  activityAt: number;
  /** The conversation list has described it (type and name are known). */
  described = false;

  constructor(init: { id: string; type: number; name: string | null; lastSeq: number; readSeq: number; frontier: number; activityAt: number; memberIds?: string[] }) {
    this.id = init.id;
    this.type = init.type;
    this.name = init.name;
    this.memberIds = init.memberIds;
    this.lastSeq = init.lastSeq;
    this.readSeq = init.readSeq;
    this.timeline = new Timeline(init.frontier);
    this.activityAt = init.activityAt;
  }

  get lastMessage(): WireMessage | null {
    // Held messages are all at or below the frontier: the last one is the last delivered.
    const held = this.timeline.last;
    return held && (!this.preview || held.seq >= this.preview.seq) ? held : this.preview;
  }

  unread(me: string | undefined): number {
    let n = this.countedUnread;
    const floor = Math.max(this.readSeq, this.countedTo);
    const s = this.timeline.sorted();
    for (let i = s.length - 1; i >= 0; i--) {
      const m = s[i]!;
      if (m.seq <= floor) break;
      if (m.sender_id !== me && !m.recalled) n++;
    }
    return n;
  }

  /** Unread messages that mention you or everyone (counted like `unread`). */
  mentions(me: string | undefined): number {
    let n = this.countedMentions;
    const floor = Math.max(this.readSeq, this.countedTo);
    const s = this.timeline.sorted();
    for (let i = s.length - 1; i >= 0; i--) {
      const m = s[i]!;
      if (m.seq <= floor) break;
      if (m.sender_id !== me && !m.recalled && mentionsMe(m, me)) n++;
    }
    return n;
  }

  /**
   * The server's count: `unread` messages (`mentions` of them mentioning you) above `readSeq` up
   * to `lastSeq` (one list item, a consistent snapshot). Ignored when this client has read
   * further than the snapshot knew but not all of it.
   */
  counted(readSeq: number, lastSeq: number, unread: number, mentions = 0): void {
    if (readSeq < this.readSeq && this.readSeq < lastSeq) return;
    if (readSeq > this.readSeq) this.readSeq = readSeq;
    this.countedTo = lastSeq;
    this.countedUnread = this.readSeq >= lastSeq ? 0 : unread;
    this.countedMentions = this.readSeq >= lastSeq ? 0 : mentions;
  }

  /**
   * Moves the read pointer forward; `moved` when it did. `recount` when it stopped inside the
   * counted range with messages there that are not held: how many of those were unread, only
   * the server can tell.
   */
  read(seq: number, me: string | undefined): { moved: boolean; recount: boolean } {
    if (seq <= this.readSeq) return { moved: false, recount: false };
    let recount = false;
    if (seq >= this.countedTo) {
      this.countedUnread = 0;
      this.countedMentions = 0;
    } else if (this.countedUnread > 0) {
      let held = 0;
      let unread = 0;
      let mentioned = 0;
      for (const m of this.timeline.sorted()) {
        if (m.seq <= this.readSeq || m.seq > seq) continue;
        held++;
        if (m.sender_id !== me && !m.recalled) {
          unread++;
          if (mentionsMe(m, me)) mentioned++;
        }
      }
      this.countedUnread = Math.max(0, this.countedUnread - unread);
      this.countedMentions = Math.max(0, this.countedMentions - mentioned);
      recount = held < seq - this.readSeq;
    }
    this.readSeq = seq;
    return { moved: true, recount };
  }

  /** A message of `senderId` at `seq` was newly recalled (`mentioned`: it mentioned you, as far as known): true when that lowered the count. */
  uncount(seq: number, senderId: string, me: string | undefined, mentioned = false): boolean {
    if (senderId === me || seq <= this.readSeq || seq > this.countedTo || this.countedUnread === 0) return false;
    this.countedUnread--;
    if (mentioned && this.countedMentions > 0) this.countedMentions--;
    return true;
  }

  noteMessage(m: WireMessage): void {
    if (m.seq > this.lastSeq) this.lastSeq = m.seq;
    if (m.created_at > this.activityAt) this.activityAt = m.created_at;
  }

  view(me: string | undefined): ConversationView {
    return {
      id: this.id,
      type: this.type,
      name: this.name,
      lastMessage: this.lastMessage,
      lastSeq: this.lastSeq,
      readSeq: this.readSeq,
      unread: this.unread(me),
      mentions: this.mentions(me),
      ...(this.memberIds ? { memberIds: [...this.memberIds] } : {}),
    };
  }
}

/** Larger ids first for ties: decimal strings of up to 20 digits, compared as numbers. */
export function compareIdsDesc(a: string, b: string): number {
  return a.length !== b.length ? b.length - a.length : a < b ? 1 : a > b ? -1 : 0;
}
