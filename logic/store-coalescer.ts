// Stores the batches of several partitions in one transaction. The logic worker handles up to
// eight partitions' Kafka batches side by side; at moderate rates each holds a message or two,
// and a transaction per batch made MariaDB run some 470 transactions of a dozen statements a
// second at 1,000 msg/s (two messages each), nearly half a core. Here batches that ask while a
// transaction is out wait for it and leave together in the next one, like the producer's
// records (bus/coalescing-producer.ts): idle, a batch leaves at once; busy, many share a commit.
//
// A partition's batches come one after another and a conversation lives in one partition, so
// two batches never share a conversation; should they (a rebalance between members of this
// process), the later waits until no transaction out holds that conversation, and order per
// conversation holds. When a shared call fails, each batch is stored again on its own (what the
// shared one committed answers as a repeat): a record that throws fails only its own batch,
// whose consumer isolates it (logic/consumer.ts), and an outage fails each batch as transient.
import type { Id } from '../contract/index.ts';
import type { LogicDeps, SaveInput } from './deps.ts';

type SaveAll = LogicDeps['saveAll'];
type Saved = Awaited<ReturnType<SaveAll>>;

interface Waiting {
  groups: Map<Id, SaveInput[]>;
  size: number;
  resolve: (saved: Saved) => void;
  reject: (err: unknown) => void;
}

export interface StoreCoalescerOptions {
  /** Most messages in one shared transaction; a batch larger alone goes alone. */
  maxMessages: number;
  /** Transactions out at once. */
  maxInFlight: number;
}

export class StoreCoalescer {
  private readonly save: SaveAll;
  private readonly opts: StoreCoalescerOptions;
  private queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Conversations of the transactions out. */
  private readonly busy = new Set<Id>();

  constructor(save: SaveAll, opts: StoreCoalescerOptions) {
    this.save = save;
    this.opts = opts;
  }

  saveAll(groups: Map<Id, SaveInput[]>): Promise<Saved> {
    let size = 0;
    for (const inputs of groups.values()) size += inputs.length;
    return new Promise((resolve, reject) => {
      this.queue.push({ groups, size, resolve, reject });
      this.schedule();
    });
  }

  /** The next round starts after the current turn, so the batches of one fetch go together. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight >= this.opts.maxInFlight) return;
      const round = this.take();
      if (round.length === 0) return;
      this.inFlight++;
      const ids = round.flatMap((w) => [...w.groups.keys()]);
      for (const id of ids) this.busy.add(id);
      void this.run(round).finally(() => {
        this.inFlight--;
        for (const id of ids) this.busy.delete(id);
        this.schedule();
      });
      this.schedule();
    });
  }

  /**
   * Batches in arrival order up to the size limit, skipping any that shares a conversation with
   * a transaction out or with a batch ahead of it, taken or not (a batch passed over keeps later
   * ones with its conversations behind it).
   */
  private take(): Waiting[] {
    const round: Waiting[] = [];
    const kept: Waiting[] = [];
    const seen = new Set<Id>(this.busy);
    let size = 0;
    for (const w of this.queue) {
      const fits = round.length === 0 || size + w.size <= this.opts.maxMessages;
      const disjoint = [...w.groups.keys()].every((id) => !seen.has(id));
      if (fits && disjoint) {
        round.push(w);
        size += w.size;
      } else kept.push(w);
      for (const id of w.groups.keys()) seen.add(id);
    }
    this.queue = kept;
    return round;
  }

  private async run(round: Waiting[]): Promise<void> {
    if (round.length === 1) {
      const [w] = round as [Waiting];
      await this.save(w.groups).then(w.resolve, w.reject);
      return;
    }
    const merged = new Map<Id, SaveInput[]>();
    for (const w of round) for (const [id, inputs] of w.groups) merged.set(id, inputs);
    let saved: Saved;
    try {
      saved = await this.save(merged);
    } catch {
      // Each batch on its own, with its own outcome; what the shared call did commit answers as a repeat.
      await Promise.all(round.map((w) => this.save(w.groups).then(w.resolve, w.reject)));
      return;
    }
    for (const w of round) w.resolve(new Map([...w.groups.keys()].map((id) => [id, saved.get(id)!])));
  }
}
