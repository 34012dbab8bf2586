// Reactions in the local view. The server's snapshots (the answer to react/unreact, `reaction`
// events, sync's `reacted`) carry a version per message: events may come twice or out of order
// across gateways, so only a newer snapshot is applied. An event's counts are the same for
// everyone; whether you are among them (`me`) is kept from what was held, changed only when the
// event is about your own reaction.
import type { ReactionCount, ReactionOp, ReactionTally } from '../../contract/index.ts';

export function countsWithMe(
  counts: readonly ReactionTally[],
  held: readonly ReactionCount[] | undefined,
  change: { userId: string; emoji: string; op: ReactionOp },
  me: string | undefined,
): ReactionCount[] {
  const mine = new Set((held ?? []).filter((r) => r.me).map((r) => r.emoji));
  if (change.userId === me) {
    if (change.op === 'add') mine.add(change.emoji);
    else mine.delete(change.emoji);
  }
  return counts.map((c) => ({ emoji: c.emoji, count: c.count, me: mine.has(c.emoji) }));
}

export function sameReactions(a: readonly ReactionCount[] | undefined, b: readonly ReactionCount[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((r, i) => r.emoji === y[i]!.emoji && r.count === y[i]!.count && r.me === y[i]!.me);
}

/** The latest snapshot version applied per message. */
export class ReactionVersions {
  private readonly seen = new Map<string, number>();

  /** True (and recorded) when `version` is newer than every snapshot applied to this message. */
  take(messageId: string, version: number): boolean {
    const held = this.seen.get(messageId);
    if (held !== undefined && version <= held) return false;
    this.seen.set(messageId, version);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}
