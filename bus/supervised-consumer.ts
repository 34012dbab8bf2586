// A Kafka consumer that cannot die silently. The client restarts a crashed consumer by itself
// only after retriable errors; after any other it would stay stopped while the process lives
// on, so here a fresh consumer takes over. `ready` says whether it holds its partitions.
import type { Consumer, ConsumerConfig, ConsumerRunConfig, ConsumerSubscribeTopics, Kafka } from 'kafkajs';
import { backoffMs, isTransient } from './failures.ts';

export interface SupervisedConsumerOptions {
  kafka: Kafka;
  config: ConsumerConfig;
  subscriptions: ConsumerSubscribeTopics[];
  run: ConsumerRunConfig;
  /** The consumer crashed (err) or joined its group. */
  onGroupEvent?: (event: 'crash' | 'join', err?: unknown) => void;
  /** Called on every join, before records flow: the place to seek. */
  onJoin?: (seek: (topic: string, partition: number, offset: string) => void) => void;
  onError: (err: unknown, context: string) => void;
}

export class SupervisedConsumer {
  private consumer: Consumer;
  private readonly opts: SupervisedConsumerOptions;
  private running = false;
  /** Joined its group and not crashed or rebalancing since. */
  private assigned = false;
  readonly stats = { crashes: 0, groupJoins: 0 };

  constructor(opts: SupervisedConsumerOptions) {
    this.opts = opts;
    this.consumer = this.build();
  }

  get ready(): boolean {
    return this.running && this.assigned;
  }

  /**
   * Connects, subscribes and starts consuming; resolves before the group is joined. Retriable
   * errors (a topic whose metadata has not reached every broker yet, a broker restarting) are
   * retried with backoff for up to `startTimeoutMs`; anything else is thrown.
   */
  async start(startTimeoutMs = 60_000): Promise<void> {
    this.running = true;
    const deadline = Date.now() + startTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.run();
        return;
      } catch (err) {
        if (!this.running || !isTransient(err) || Date.now() >= deadline) throw err;
        this.opts.onError(err, 'consumer start');
        await this.consumer.disconnect().catch(() => undefined);
        this.consumer = this.build();
        await new Promise((r) => setTimeout(r, backoffMs(attempt, 200, 5000)));
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.disconnect();
  }

  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void> {
    return this.consumer.commitOffsets(offsets);
  }

  private build(): Consumer {
    const consumer = this.opts.kafka.consumer(this.opts.config);
    consumer.on(consumer.events.REBALANCING, () => {
      this.assigned = false;
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.assigned = false;
      this.stats.crashes++;
      this.opts.onGroupEvent?.('crash', e.payload.error);
      if (!e.payload.restart && this.running) void this.replace(consumer);
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.opts.onJoin?.((topic, partition, offset) => consumer.seek({ topic, partition, offset }));
      this.assigned = true;
      this.stats.groupJoins++;
      this.opts.onGroupEvent?.('join');
    });
    return consumer;
  }

  private async run(): Promise<void> {
    await this.consumer.connect();
    for (const s of this.opts.subscriptions) await this.consumer.subscribe(s);
    await this.consumer.run(this.opts.run);
  }

  private async replace(dead: Consumer): Promise<void> {
    if (this.consumer !== dead) return;
    await dead.disconnect().catch(() => undefined);
    this.consumer = this.build();
    for (let attempt = 0; this.running; attempt++) {
      try {
        await this.run();
        return;
      } catch (err) {
        this.opts.onError(err, 'consumer restart');
        await new Promise((r) => setTimeout(r, backoffMs(attempt, 200, 5000)));
      }
    }
  }
}
