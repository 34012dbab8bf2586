// Where a gateway is in its own downstream topic, kept as the committed offsets of a consumer
// group that no process ever joins (`gateway.{id}.group`). Each gateway process consumes through
// a group of its own instead: a gateway restarted with the same id joins at once rather than
// waiting for its dead predecessor's session to expire, and resumes from these positions.
import type { Admin } from 'kafkajs';

export class DownstreamPositions {
  private readonly admin: Admin;
  private readonly groupId: string;
  private readonly topic: string;
  /** Next offset to deliver, per partition. */
  private readonly next = new Map<number, bigint>();
  private dirty = false;
  private saving = false;

  constructor(admin: Admin, groupId: string, topic: string) {
    this.admin = admin;
    this.groupId = groupId;
    this.topic = topic;
  }

  /** Stored positions; a partition never delivered from starts at its current end. */
  async load(): Promise<void> {
    const [[stored], ends] = await Promise.all([
      this.admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] }),
      this.admin.fetchTopicOffsets(this.topic),
    ]);
    const saved = new Map((stored?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    for (const end of ends) {
      const at = saved.get(end.partition) ?? -1n;
      this.next.set(end.partition, at >= 0n ? at : BigInt(end.high));
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

  async save(): Promise<void> {
    if (!this.dirty || this.saving) return;
    this.dirty = false;
    this.saving = true;
    try {
      await this.admin.setOffsets({ groupId: this.groupId, topic: this.topic, partitions: this.entries().map(([partition, offset]) => ({ partition, offset })) });
    } catch (err) {
      this.dirty = true;
      throw err;
    } finally {
      this.saving = false;
    }
  }
}
