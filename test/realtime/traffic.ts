// Steady traffic from resending clients while a fault is injected, and the check every fault
// test ends with: each send acked, and every ack of one send naming the same stored message.
import { expect } from 'vitest';
import type { ResendingClient } from './resending-client.ts';

export interface Traffic {
  /** client_msg_ids in the order they were sent (zero-padded, so they sort in that order per client). */
  readonly sent: string[];
  stop(): void;
}

/** Every client sends one message every `everyMs` until stop(). */
export function steadyTraffic(clients: ResendingClient[], prefix: string, everyMs: number): Traffic {
  let n = 0;
  const sent: string[] = [];
  const timer = setInterval(() => {
    for (const c of clients) {
      const cmid = `${prefix}-${c.user.id}-${String(n).padStart(5, '0')}`;
      sent.push(cmid);
      c.send(cmid, cmid);
    }
    n++;
  }, everyMs);
  return { sent, stop: () => clearInterval(timer) };
}

export interface Stored {
  cmid: string;
  sender: string;
  conversationId: string;
  message_id: string;
  seq: number;
}

/**
 * The stored message of every send, once every send is acked. A send acked twice (a resend
 * after an unanswered produce is answered from the stored row) must name one message both times.
 */
export function storedOnce(clients: ResendingClient[], sent: string[]): Stored[] {
  const out: Stored[] = [];
  for (const c of clients) {
    for (const [cmid, frames] of c.acks) {
      expect(new Set(frames.map((f) => String(f.message_id))).size, `acks of ${cmid}`).toBe(1);
      out.push({ cmid, sender: c.user.id, conversationId: c.conversationId, message_id: String(frames[0]!.message_id), seq: Number(frames[0]!.seq) });
    }
  }
  expect(out.map((x) => x.cmid).sort()).toEqual([...sent].sort());
  return out;
}

/** Distinct messages, and seqs 1..N without a gap. */
export function expectGapFree(stored: Stored[], what = 'the conversation'): void {
  expect(new Set(stored.map((x) => x.message_id)).size, what).toBe(stored.length);
  expect(stored.map((x) => x.seq).sort((p, q) => p - q), what).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
}
