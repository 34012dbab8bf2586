// Where a gateway is in its own downstream topic: the next offset to deliver, per partition. Each
// gateway process consumes through a consumer group of its own, so a gateway restarted with the
// same id joins at once instead of waiting for its dead predecessor's session to expire; the
// place it resumes from is kept in a store (MariaDB, `gateway_positions`) rather than in Kafka.

/** The stored positions of one gateway's downstream topic. */
export interface PositionStore {
  load(): Promise<Map<number, bigint>>;
  /** Replaces the positions of the given partitions. */
  save(entries: [number, bigint][]): Promise<void>;
}

/** The topic's end (high watermark) per partition, as Kafka reports it. */
export type TopicEnds = () => Promise<{ partition: number; high: string }[]>;

export class DownstreamPositions {
  private readonly store: PositionStore;
  private readonly ends: TopicEnds;
  /** Next offset to deliver, per partition. */
  private readonly next = new Map<number, bigint>();
  private dirty = false;
  private saving = false;

  constructor(store: PositionStore, ends: TopicEnds) {
    this.store = store;
    this.ends = ends;
  }

  /**
   * Stored positions; a partition never delivered from starts at its current end. A position past
   * the end means the topic was deleted and created again (Kafka dropped the old group offsets
   * with it; a store outside Kafka does not): it starts at the end too.
   */
  async load(): Promise<void> {
    const [saved, ends] = await Promise.all([this.store.load(), this.ends()]);
    for (const end of ends) {
      const high = BigInt(end.high);
      const at = saved.get(end.partition);
      this.next.set(end.partition, at !== undefined && at <= high ? at : high);
    }
  }

  entries(): [number, string][] {
    return [...this.next].map(([p, o]) => [p, o.toString()]);
  }

  /** Whether a record is at or past the position (an earlier one was delivered already). */
  wanted(partition: number, offset: string): boolean {
    return BigInt(offset) >= (this.next.get(partition) ?? 0n);
  }

  advance(partition: number, lastOffset: string): void {
    this.next.set(partition, BigInt(lastOffset) + 1n);
    this.dirty = true;
  }

  /** Never two at once: the store replaces positions, so a late older save would move them back. */
  async save(): Promise<void> {
    if (!this.dirty || this.saving) return;
    this.dirty = false;
    this.saving = true;
    try {
      await this.store.save([...this.next]);
    } catch (err) {
      this.dirty = true;
      throw err;
    } finally {
      this.saving = false;
    }
  }
}
