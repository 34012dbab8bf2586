// Presence as the gateway sees it (seed 004): one Redis record per user per gateway, written on
// the user's first connection here and removed with the last. Going offline anywhere is not
// announced at once: the presence-{userId} workflow waits 30 s, and a reconnect cancels it, so
// flapping connections never tell friends anything. Online is announced only when no offline
// confirmation was pending, i.e. when friends had been told (or never knew) the user was offline.
//
// Two per-user chains keep the order of events without making a connection wait for Temporal:
// the Redis record is written before the client hears `ready`; starting or cancelling the
// confirmation and the announcement follow in the background, in the order they happened.
//
// The record holds this gateway's own count of the user's connections, written whole each time
// (in the user's chain, so writes land in order): after Redis lost its data, writing every count
// again (`reassert`) restores presence without any client reconnecting.
import type { Id } from '../../contract/index.ts';

export interface PresencePorts {
  /** Writes how many connections this gateway holds for the user (0 removes the record). */
  setConnections(userId: Id, connections: number): Promise<{ firstAnywhere: boolean; lastAnywhere: boolean }>;
  /** Refreshes the heartbeat of the users' records; returns those that have none (cleaned up). */
  heartbeat(userIds: Id[]): Promise<Id[]>;
  /** Cancels a pending offline confirmation; true when one was pending. */
  cancelOfflineConfirmation(userId: Id): Promise<boolean>;
  startOfflineConfirmation(userId: Id): Promise<void>;
  announceOnline(userId: Id): Promise<void>;
  onError(err: unknown, context: string): void;
}

class KeyedChains {
  private readonly chains = new Map<Id, Promise<void>>();

  run<T>(key: Id, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(key) ?? Promise.resolve();
    const next = prev.then(fn);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return next;
  }

  async drain(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }
}

export class GatewayPresence {
  private readonly ports: PresencePorts;
  private readonly records = new KeyedChains();
  private readonly workflows = new KeyedChains();
  /** Connections per user as last written to Redis (in chain order). */
  private readonly counts = new Map<Id, number>();
  /** A write failed (Redis unreachable): Redis may disagree with `counts` until a reassert. */
  private stale = false;

  constructor(ports: PresencePorts) {
    this.ports = ports;
  }

  /** Resolves once the user's presence record is written. */
  async connected(userId: Id): Promise<void> {
    const { firstAnywhere } = await this.records.run(userId, () => this.write(userId, +1));
    if (!firstAnywhere) return;
    this.workflows
      .run(userId, async () => {
        const wasPending = await this.ports.cancelOfflineConfirmation(userId);
        if (!wasPending) await this.ports.announceOnline(userId);
      })
      .catch((err: unknown) => this.ports.onError(err, 'announce online'));
  }

  async disconnected(userId: Id): Promise<void> {
    const { lastAnywhere } = await this.records.run(userId, () => this.write(userId, -1));
    if (!lastAnywhere) return;
    this.workflows
      .run(userId, () => this.ports.startOfflineConfirmation(userId))
      .catch((err: unknown) => this.ports.onError(err, 'start offline confirmation'));
  }

  private async write(userId: Id, change: 1 | -1): Promise<{ firstAnywhere: boolean; lastAnywhere: boolean }> {
    const count = Math.max(0, (this.counts.get(userId) ?? 0) + change);
    if (count === 0) this.counts.delete(userId);
    else this.counts.set(userId, count);
    try {
      return await this.ports.setConnections(userId, count);
    } catch (err) {
      this.stale = true;
      throw err;
    }
  }

  /** True once after a write failed: the caller should reassert. */
  takeStale(): boolean {
    const was = this.stale;
    this.stale = false;
    return was;
  }

  /**
   * Writes the users' counts again (every user's by default), announcing nothing: for when Redis
   * lost the records. Each write is queued behind the user's pending connects and disconnects,
   * so it cannot undo them.
   */
  async reassert(users: Id[] = [...this.counts.keys()]): Promise<number> {
    await Promise.all(users.map((userId) => this.records.run(userId, () => this.ports.setConnections(userId, this.counts.get(userId) ?? 0))));
    return users.length;
  }

  /**
   * Refreshes the heartbeat of every user this gateway holds, in a few scripts. A user whose
   * record is gone while connected here (the expired-status cleanup took it during a stall of
   * this gateway) is written again; returns how many were.
   */
  async heartbeat(): Promise<number> {
    const users = [...this.counts.keys()];
    if (users.length === 0) return 0;
    const missing = (await this.ports.heartbeat(users)).filter((u) => this.counts.has(u));
    return missing.length > 0 ? this.reassert(missing) : 0;
  }

  /** Resolves when every pending presence change has been carried out (for shutdown). */
  async drain(): Promise<void> {
    await this.records.drain();
    await this.workflows.drain();
  }
}
