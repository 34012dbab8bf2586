// Typing indicators, both ways: who is typing in each conversation (a `start` holds for
// TYPING_TTL_MS unless a `stop` or a fresh `start` comes; their message ends it too), and the
// pacing of this client's own frames (a `start` at most every TYPING_MIN_INTERVAL_MS, which is
// all the gateway forwards; a `stop` only after a `start`).
import type { TYPING_MIN_INTERVAL_MS as ContractMinInterval, TYPING_TTL_MS as ContractTtl, TypingState } from '../../contract/index.ts';

// The contract's numbers; typed by them, so they cannot drift (the SDK loads no contract code).
const TYPING_TTL_MS: typeof ContractTtl = 6000;
const TYPING_MIN_INTERVAL_MS: typeof ContractMinInterval = 2000;

export interface TypingChange {
  conversationId: string;
  userId: string;
  state: TypingState;
}

export class Typists {
  /** conversation id → user id → when the indicator expires (ms). */
  private readonly shown = new Map<string, Map<string, number>>();
  /** This client's own indicators, by conversation. */
  private readonly sent = new Map<string, { at: number; on: boolean }>();

  /** Users shown typing in a conversation. */
  of(conversationId: string): string[] {
    return [...(this.shown.get(conversationId)?.keys() ?? [])];
  }

  /** A `typing` event (or a message, which ends its sender's); the change it makes to what is shown, if any. */
  heard(conversationId: string, userId: string, state: TypingState, now: number): TypingChange | undefined {
    let users = this.shown.get(conversationId);
    const was = users?.has(userId) ?? false;
    if (state === 'start') {
      if (!users) this.shown.set(conversationId, (users = new Map<string, number>()));
      users.set(userId, now + TYPING_TTL_MS);
      return was ? undefined : { conversationId, userId, state };
    }
    if (!was || !users) return undefined;
    users.delete(userId);
    if (users.size === 0) this.shown.delete(conversationId);
    return { conversationId, userId, state };
  }

  /** Indicators whose `start` was not refreshed in time, removed: each one a `stop`. */
  expire(now: number): TypingChange[] {
    const gone: TypingChange[] = [];
    for (const [conversationId, users] of this.shown) {
      for (const [userId, until] of users) {
        if (until > now) continue;
        users.delete(userId);
        gone.push({ conversationId, userId, state: 'stop' });
      }
      if (users.size === 0) this.shown.delete(conversationId);
    }
    return gone;
  }

  /** Whether this client's frame is worth writing: the gateway would drop the others. */
  shouldSend(conversationId: string, state: TypingState, now: number): boolean {
    const last = this.sent.get(conversationId);
    if (state === 'stop') {
      if (!last?.on) return false;
      last.on = false;
      return true;
    }
    if (last && now - last.at < TYPING_MIN_INTERVAL_MS) return false;
    this.sent.set(conversationId, { at: now, on: true });
    return true;
  }

  /** The socket is gone: its gateway has stopped this client's indicators. */
  socketLost(): void {
    this.sent.clear();
  }

  /** Everything shown, removed (another account, or the client closed). */
  clear(): TypingChange[] {
    const gone = [...this.shown].flatMap(([conversationId, users]) => [...users.keys()].map((userId) => ({ conversationId, userId, state: 'stop' as const })));
    this.shown.clear();
    this.sent.clear();
    return gone;
  }
}
