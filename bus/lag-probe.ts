// Measures a consumer group's lag from the broker's side: the partition's end offset minus the
// group's committed offset. Unlike lag reported by the consumer itself, it keeps moving when the
// consumer has stopped, so a partition that grows while nothing is consumed shows.
// Its answers double as a reachability check: a consumer waiting for a broker that is gone
// reports nothing for a while, but the probe stops succeeding within one interval or two.
import type { Kafka } from 'kafkajs';

export interface LagProbe {
  stop(): Promise<void>;
  /** Whether the broker answered the probe within the last `staleAfterMs` (true until the first probe is due). */
  reachable(staleAfterMs: number): boolean;
}

export function startLagProbe(
  kafka: Kafka,
  opts: { groupId: string; topic: string; intervalMs: number; onLag: (partition: number, lag: number) => void; onError: (err: unknown) => void },
): LagProbe {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  let busy = false;
  let lastOkAt = Date.now();
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      connected ??= admin.connect();
      await connected;
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(opts.topic),
        admin.fetchOffsets({ groupId: opts.groupId, topics: [opts.topic] }),
      ]);
      const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      for (const end of ends) {
        const at = done.get(end.partition) ?? -1n;
        const high = BigInt(end.high);
        // No commit yet: everything up to the end is still to be read.
        const lag = at < 0n ? high - BigInt(end.low) : high - at;
        opts.onLag(end.partition, Number(lag < 0n ? 0n : lag));
      }
      lastOkAt = Date.now();
    })()
      .catch((err: unknown) => {
        connected = undefined;
        opts.onError(err);
      })
      .finally(() => {
        busy = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await admin.disconnect().catch(() => undefined);
    },
    reachable: (staleAfterMs) => Date.now() - lastOkAt <= staleAfterMs,
  };
}
