// Member ids of conversations, held by one gateway for a few seconds. Typing indicators are
// frequent and worth nothing late, so their recipient lists are not read from MariaDB for every
// `start`: a list is reused for TTL_MS, and dropped at once when the gateway sees the
// conversation's membership change on the event topics.

/** How long a list is reused; a member added or removed meanwhile waits at most this long. */
const TTL_MS = 5000;
/** Lists held at most; the oldest goes first. */
const MAX_ENTRIES = 10_000;

export class MemberIdsCache {
  private readonly entries = new Map<string, { ids: Promise<string[]>; at: number }>();
  private readonly load: (conversationId: string) => Promise<string[]>;
  private readonly now: () => number;

  constructor(load: (conversationId: string) => Promise<string[]>, now: () => number = Date.now) {
    this.load = load;
    this.now = now;
  }

  get(conversationId: string): Promise<string[]> {
    const now = this.now();
    const held = this.entries.get(conversationId);
    if (held && now - held.at < TTL_MS) return held.ids;
    this.entries.delete(conversationId);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // Concurrent callers share one load; a failed one is not kept.
    const ids = this.load(conversationId);
    ids.catch(() => {
      if (this.entries.get(conversationId)?.ids === ids) this.entries.delete(conversationId);
    });
    this.entries.set(conversationId, { ids, at: now });
    return ids;
  }

  forget(conversationId: string): void {
    this.entries.delete(conversationId);
  }
}
