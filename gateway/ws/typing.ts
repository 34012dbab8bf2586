// Typing state of the connections of this gateway: the rate limit (a connection's `start`s for
// one conversation are forwarded at most once per TYPING_MIN_INTERVAL_MS; sooner ones are
// dropped without an answer), the expiry (a forwarded `start` not refreshed within TYPING_TTL_MS
// is followed by a `stop`), and a `stop` for every indicator a closing connection leaves on.
// A `stop` with no indicator on is dropped: there is nothing to take back.
import { TYPING_MIN_INTERVAL_MS, TYPING_TTL_MS, type Id, type TypingState } from '../../contract/index.ts';

export interface TypingPorts {
  /** Checks membership (throws the refusal) and announces; false when nothing was announced. */
  start(userId: Id, conversationId: Id): Promise<boolean>;
  stop(userId: Id, conversationId: Id): Promise<void>;
  onError(err: unknown, context: string): void;
  now?: () => number;
}

interface Indicator {
  /** When the last forwarded `start` was taken (the rate limit counts from it). */
  startedAt: number;
  /** Shown to the other members (or about to be). */
  on: boolean;
  /** A `start` is on its way: its completion sends whatever `stop` came meanwhile. */
  announcing: boolean;
  /** Sends the `stop` when the start expires; set while the indicator is on. */
  expiry: NodeJS.Timeout | undefined;
}

interface ConnectionTyping {
  userId: Id;
  indicators: Map<Id, Indicator>;
}

export class TypingTracker {
  private readonly ports: TypingPorts;
  private readonly now: () => number;
  private readonly connections = new Map<string, ConnectionTyping>();

  constructor(ports: TypingPorts) {
    this.ports = ports;
    this.now = ports.now ?? Date.now;
  }

  /** Indicators held for a connection (on, or kept for the rate limit). */
  heldFor(connectionId: string): number {
    return this.connections.get(connectionId)?.indicators.size ?? 0;
  }

  /** A `typing` frame; throws the refusal of a `start` (not a member, no such conversation). */
  frame(connectionId: string, userId: Id, conversationId: Id, state: TypingState): Promise<void> {
    return state === 'start' ? this.start(connectionId, userId, conversationId) : this.stop(connectionId, conversationId);
  }

  private async start(connectionId: string, userId: Id, conversationId: Id): Promise<void> {
    let conn = this.connections.get(connectionId);
    if (!conn) this.connections.set(connectionId, (conn = { userId, indicators: new Map() }));
    const now = this.now();
    this.prune(conn, now);
    const held = conn.indicators.get(conversationId);
    if (held && now - held.startedAt < TYPING_MIN_INTERVAL_MS) return;
    // Taken before the await: frames of one socket are handled concurrently, and a second
    // `start` arriving meanwhile must find this one.
    const indicator = held ?? { startedAt: now, on: false, announcing: false, expiry: undefined };
    const wasOn = indicator.on;
    Object.assign(indicator, { startedAt: now, on: true, announcing: true });
    conn.indicators.set(conversationId, indicator);
    let announced: boolean;
    try {
      announced = await this.ports.start(userId, conversationId);
    } catch (err) {
      // Refused or not delivered: whatever was shown is taken back.
      indicator.announcing = false;
      if (wasOn && indicator.on) this.sendStop(conn.userId, conversationId, 'typing stop after a failed start');
      this.off(indicator);
      throw err;
    }
    indicator.announcing = false;
    if (!announced) {
      this.off(indicator);
      return;
    }
    if (!indicator.on || this.connections.get(connectionId) !== conn) {
      // Stopped, or the connection closed, while the start was on its way: take it back now.
      this.off(indicator);
      return this.ports.stop(userId, conversationId);
    }
    clearTimeout(indicator.expiry);
    const expiry = setTimeout(() => {
      if (indicator.expiry !== expiry) return;
      indicator.expiry = undefined;
      // A refresh on its way re-arms the expiry when it is through.
      if (indicator.announcing || !indicator.on) return;
      indicator.on = false;
      this.sendStop(conn.userId, conversationId, 'typing stop on expiry');
    }, TYPING_TTL_MS);
    expiry.unref();
    indicator.expiry = expiry;
  }

  private async stop(connectionId: string, conversationId: Id): Promise<void> {
    const conn = this.connections.get(connectionId);
    const indicator = conn?.indicators.get(conversationId);
    if (!conn || !indicator?.on) return;
    this.off(indicator);
    if (indicator.announcing) return;
    await this.ports.stop(conn.userId, conversationId);
  }

  /** The connection closed: every indicator it left on is stopped. */
  closed(connectionId: string): void {
    const conn = this.connections.get(connectionId);
    if (!conn) return;
    this.connections.delete(connectionId);
    for (const [conversationId, indicator] of conn.indicators) {
      // One still announcing is taken back when its start is through (the connection is gone).
      if (!indicator.on || indicator.announcing) continue;
      this.off(indicator);
      this.sendStop(conn.userId, conversationId, 'typing stop on close');
    }
  }

  private off(indicator: Indicator): void {
    indicator.on = false;
    clearTimeout(indicator.expiry);
    indicator.expiry = undefined;
  }

  private sendStop(userId: Id, conversationId: Id, context: string): void {
    this.ports.stop(userId, conversationId).catch((err: unknown) => this.ports.onError(err, context));
  }

  /** Indicators that are off and past the rate-limit interval say nothing any more. */
  private prune(conn: ConnectionTyping, now: number): void {
    for (const [conversationId, indicator] of conn.indicators) {
      if (!indicator.on && !indicator.announcing && now - indicator.startedAt >= TYPING_MIN_INTERVAL_MS) conn.indicators.delete(conversationId);
    }
  }
}
