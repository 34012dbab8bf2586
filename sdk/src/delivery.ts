// Delivery reports: per conversation the highest seq this device received (live, by sync or
// from history), sent as one `delivered` frame at most every DELIVERED_REPORT_INTERVAL_MS, never
// one frame per message. A report written to a socket that died before it went out is made
// again on the next one.
import type { DELIVERED_REPORT_INTERVAL_MS as ContractInterval } from '../../contract/index.ts';

// The contract's number; typed by it, so it cannot drift (the SDK loads no contract code).
const DELIVERED_REPORT_INTERVAL_MS: typeof ContractInterval = 1000;
/** Reports per flush at most: the rest wait a second, leaving the frame budget to sends and syncs. */
const MAX_PER_FLUSH = 10;

export class DeliveryReports {
  /** Conversation → highest seq received and not reported yet. */
  private readonly due = new Map<string, number>();
  /** Conversation → the last report made, and when. */
  private readonly reported = new Map<string, { seq: number; at: number }>();
  /** Reports handed to the socket's pacer and not written yet. */
  private readonly inflight = new Map<string, number>();

  /** Messages up to `seq` are held in a conversation. */
  received(conversationId: string, seq: number): void {
    if (seq <= (this.reported.get(conversationId)?.seq ?? 0) || seq <= (this.due.get(conversationId) ?? 0)) return;
    this.due.set(conversationId, seq);
  }

  /**
   * Writes what is due, each conversation at most once per interval. `write` returns false when
   * there is no socket (the report waits) and calls `onSent` once the frame went out.
   */
  flush(now: number, write: (conversationId: string, seq: number, onSent: () => void) => boolean): void {
    let n = 0;
    for (const [id, seq] of this.due) {
      if (n >= MAX_PER_FLUSH) return;
      const last = this.reported.get(id);
      if (last && now - last.at < DELIVERED_REPORT_INTERVAL_MS) continue;
      this.inflight.set(id, seq);
      if (!write(id, seq, () => this.inflight.get(id) === seq && this.inflight.delete(id))) {
        this.inflight.delete(id);
        return;
      }
      this.due.delete(id);
      this.reported.set(id, { seq, at: now });
      n++;
    }
  }

  /** The socket is gone: reports that never went out are due again. */
  socketLost(): void {
    for (const [id, seq] of this.inflight) if (seq > (this.due.get(id) ?? 0)) this.due.set(id, seq);
    this.inflight.clear();
  }

  clear(): void {
    this.due.clear();
    this.reported.clear();
    this.inflight.clear();
  }
}
