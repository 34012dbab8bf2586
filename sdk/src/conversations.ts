// The local view of one conversation: its messages (timeline), read pointer and unread count.
// Unread is counted, not guessed: messages of others above the read pointer that are not
// recalled, among those held, plus `unheldUnread` for unread messages older than the oldest
// held one (only when a conversation had more unread messages than the SDK loaded).
import type { WireMessage } from '../../contract/index.ts';
import { Timeline } from './timeline.ts';
import type { ConversationView } from './types.ts';

export class ConversationState {
  readonly id: string;
  type: number;
  name: string | null;
  memberIds: string[] | undefined;
  lastSeq: number;
  readSeq: number;
  /** Unread messages below the oldest held one (not held, so not counted one by one). */
  unheldUnread = 0;
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
    let n = this.unheldUnread;
    const s = this.timeline.sorted();
    for (let i = s.length - 1; i >= 0; i--) {
      const m = s[i]!;
      if (m.seq <= this.readSeq) break;
      if (m.sender_id !== me && !m.recalled) n++;
    }
    return n;
  }

  /** Moves the read pointer forward; true when it moved. */
  read(seq: number): boolean {
    if (seq <= this.readSeq) return false;
    this.readSeq = seq;
    const oldest = this.timeline.first;
    if (!oldest || seq >= oldest.seq - 1) this.unheldUnread = 0;
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
      ...(this.memberIds ? { memberIds: [...this.memberIds] } : {}),
    };
  }
}

/** Larger ids first for ties: decimal strings of up to 20 digits, compared as numbers. */
export function compareIdsDesc(a: string, b: string): number {
  return a.length !== b.length ? b.length - a.length : a < b ? 1 : a > b ? -1 : 0;
}
