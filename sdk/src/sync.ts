// Catch-up by seq: one `sync` frame in flight at a time, at most 100 conversations each (the
// gateway's limit), looping on `has_more`. The gateway answers a frame's conversations in the
// order of its keys and stops at the first refusal, so with one frame in flight an error frame
// belongs to its first unanswered conversation.
import type { ClientFrame } from '../../contract/index.ts';

const MAX_PER_FRAME = 100;
/** A frame unanswered this long was lost (dropped as rate-limited, or its socket died): ask again. */
const ANSWER_TIMEOUT_MS = 10_000;

interface Batch {
  order: string[];
  answered: Set<string>;
  sentAt: number;
}

export interface SyncOptions {
  write(frame: ClientFrame): boolean;
  /** The seq to sync after; undefined for a conversation no longer held. */
  frontier(conversationId: string): number | undefined;
  limit: number;
  since(): number | undefined;
}

export class SyncQueue {
  private readonly opts: SyncOptions;
  private readonly wanted = new Set<string>();
  private batch: Batch | undefined;
  private pumpQueued = false;

  constructor(opts: SyncOptions) {
    this.opts = opts;
  }

  /** Nothing asked and nothing waiting. */
  get idle(): boolean {
    return !this.batch && this.wanted.size === 0;
  }

  /** Asks for a catch-up; requests made together go out in one frame. */
  request(conversationId: string): void {
    this.wanted.add(conversationId);
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** A `sync` page arrived; has_more asks for the next one. */
  answered(conversationId: string, hasMore: boolean): void {
    const b = this.batch;
    if (hasMore) this.wanted.add(conversationId);
    if (!b || !b.order.includes(conversationId)) return;
    b.answered.add(conversationId);
    b.sentAt = Date.now();
    if (b.answered.size >= b.order.length) {
      this.batch = undefined;
      this.pump();
    }
  }

  /** An error frame without client_msg_id while a frame waits: the conversation it refused, if any. */
  refused(): string | undefined {
    const b = this.batch;
    if (!b) return undefined;
    const failed = b.order.find((id) => !b.answered.has(id));
    for (const id of b.order) if (id !== failed && !b.answered.has(id)) this.wanted.add(id);
    this.batch = undefined;
    this.pump();
    return failed;
  }

  /** The socket is gone: the next one syncs everything again. */
  reset(): void {
    this.batch = undefined;
    this.wanted.clear();
  }

  /** Called every second: asks again for a frame left unanswered. */
  tick(now: number): void {
    const b = this.batch;
    if (b && now - b.sentAt > ANSWER_TIMEOUT_MS) {
      for (const id of b.order) if (!b.answered.has(id)) this.wanted.add(id);
      this.batch = undefined;
    }
    this.pump();
  }

  pump(): void {
    if (this.batch || this.wanted.size === 0) return;
    const conversations: Record<string, number> = {};
    let n = 0;
    for (const id of this.wanted) {
      if (n >= MAX_PER_FRAME) break;
      const from = this.opts.frontier(id);
      if (from === undefined) {
        this.wanted.delete(id);
        continue;
      }
      conversations[id] = from;
      n++;
    }
    if (n === 0) return;
    const since = this.opts.since();
    const frame: ClientFrame = { type: 'sync', conversations, limit: this.opts.limit, ...(since !== undefined ? { since } : {}) };
    if (!this.opts.write(frame)) return;
    // The gateway walks the keys in this order (integer-like keys first, ascending, as JSON keeps them).
    const order = Object.keys(conversations);
    for (const id of order) this.wanted.delete(id);
    this.batch = { order, answered: new Set(), sentAt: Date.now() };
  }
}
