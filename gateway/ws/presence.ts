// Presence as the gateway sees it (seed 004): one Redis record per user per gateway, written on
// the user's first connection here and removed with the last. Going offline anywhere is not
// announced at once: the presence-{userId} workflow waits 30 s, and a reconnect cancels it, so
// flapping connections never tell friends anything. Online is announced only when no offline
// confirmation was pending, i.e. when friends had been told (or never knew) the user was offline.
import type { Id } from '../../bus/payloads.ts';

export interface PresencePorts {
  setOnline(userId: Id): Promise<{ firstAnywhere: boolean }>;
  removeConnection(userId: Id): Promise<{ lastAnywhere: boolean }>;
  heartbeat(userId: Id): Promise<void>;
  /** Cancels a pending offline confirmation; true when one was pending. */
  cancelOfflineConfirmation(userId: Id): Promise<boolean>;
  startOfflineConfirmation(userId: Id): Promise<void>;
  announceOnline(userId: Id): Promise<void>;
}

export class GatewayPresence {
  private readonly ports: PresencePorts;
  /** Per-user chain, so a connect and a disconnect of one user never interleave. */
  private readonly chains = new Map<Id, Promise<void>>();

  constructor(ports: PresencePorts) {
    this.ports = ports;
  }

  connected(userId: Id): Promise<void> {
    return this.serial(userId, async () => {
      const { firstAnywhere } = await this.ports.setOnline(userId);
      if (!firstAnywhere) return;
      const wasPending = await this.ports.cancelOfflineConfirmation(userId);
      if (!wasPending) await this.ports.announceOnline(userId);
    });
  }

  disconnected(userId: Id): Promise<void> {
    return this.serial(userId, async () => {
      const { lastAnywhere } = await this.ports.removeConnection(userId);
      if (lastAnywhere) await this.ports.startOfflineConfirmation(userId);
    });
  }

  heartbeat(userId: Id): Promise<void> {
    return this.ports.heartbeat(userId);
  }

  /** Resolves when every pending presence change has been written (for shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
  }

  private serial(userId: Id, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(userId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    const tail = next.catch(() => undefined);
    this.chains.set(userId, tail);
    void tail.then(() => {
      if (this.chains.get(userId) === tail) this.chains.delete(userId);
    });
    return next;
  }
}
