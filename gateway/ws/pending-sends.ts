// Sends this gateway has taken from its sockets and not yet answered: produced (or being
// produced) upstream, waiting for the logic worker's ack or error on this gateway's downstream
// topic. A gateway that shuts down waits for them, so its clients get their acks before it
// closes their sockets; whatever is still open at the end is resent by the client after it
// reconnects (same client_msg_id: stored once, acked again).

const keyOf = (userId: string, clientMsgId: string) => `${userId}\u0000${clientMsgId}`;

export class PendingSends {
  private readonly open = new Set<string>();
  private emptied: (() => void) | undefined;

  get size(): number {
    return this.open.size;
  }

  add(userId: string, clientMsgId: string): void {
    this.open.add(keyOf(userId, clientMsgId));
  }

  /** The send was answered (ack or error) or never reached Kafka. */
  settle(userId: string, clientMsgId: string): void {
    if (this.open.delete(keyOf(userId, clientMsgId)) && this.open.size === 0) this.emptied?.();
  }

  /** Resolves once every send is answered (true) or when `timeoutMs` passes first (false). */
  async answered(timeoutMs: number): Promise<boolean> {
    if (this.open.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<boolean>((resolve) => {
        this.emptied = () => resolve(true);
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      this.emptied = undefined;
    }
  }
}
