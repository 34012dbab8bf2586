// Prometheus metrics with the names of seed 003 §7, plus connections, consumer lag and
// end-to-end latency. One registry per process; each process exposes it on /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(process: 'gateway' | 'logic' | 'worker') {
  const registry = new Registry();
  registry.setDefaultLabels({ process });
  collectDefaultMetrics({ register: registry });
  const cacheHits = new Counter({ name: 'gochat_cache_hits_total', help: 'Cache reads answered from Redis', labelNames: ['cache'], registers: [registry] });
  const cacheMisses = new Counter({ name: 'gochat_cache_misses_total', help: 'Cache reads that went to MySQL', labelNames: ['cache'], registers: [registry] });
  let hits = 0;
  let reads = 0;
  const probes: (() => void)[] = [];
  return {
    registry,
    /** Functions that set gauges from live state just before a scrape. */
    probes,
    async scrape(): Promise<string> {
      for (const probe of probes) probe();
      return registry.metrics();
    },
    messageSend: new Counter({ name: 'gochat_message_send_total', help: 'Messages accepted for sending', labelNames: ['path'], registers: [registry] }),
    messageSendFailures: new Counter({ name: 'gochat_message_send_failures_total', help: 'Sends refused or failed', labelNames: ['code'], registers: [registry] }),
    conversationLoad: new Histogram({
      name: 'gochat_conversation_load_duration_seconds',
      help: 'Time to load a conversation list',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    fanoutLatency: new Histogram({
      name: 'gochat_fanout_latency_seconds',
      help: 'From upstream receipt to the downstream produce of a message',
      labelNames: ['path'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    endToEnd: new Histogram({
      name: 'gochat_message_e2e_latency_seconds',
      help: 'From the gateway receiving a send to the recipient gateway writing it to sockets',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    connections: new Gauge({ name: 'gochat_ws_connections', help: 'Open WebSocket connections on this gateway', registers: [registry] }),
    slowCloses: new Counter({ name: 'gochat_ws_slow_closes_total', help: 'Sockets closed (4010) as too slow: unsent frames past WS_MAX_BUFFERED_BYTES or unread bytes past WS_MAX_UNREAD_BYTES', registers: [registry] }),
    onlineUsers: new Gauge({ name: 'gochat_ws_users', help: 'Users with at least one connection on this gateway', registers: [registry] }),
    deadLetters: new Counter({ name: 'gochat_dead_letters_total', help: 'Records written to the dead-letter topic, by the topic they were read from', labelNames: ['topic'], registers: [registry] }),
    consumerRetries: new Counter({ name: 'gochat_kafka_consumer_transient_retries_total', help: 'Batches retried in place because a dependency was unreachable', labelNames: ['group'], registers: [registry] }),
    consumerCrashes: new Counter({ name: 'gochat_kafka_consumer_crashes_total', help: 'Consumer crashes reported by the Kafka client', labelNames: ['group'], registers: [registry] }),
    consumerRejoins: new Counter({ name: 'gochat_kafka_consumer_group_joins_total', help: 'Times the consumer joined its group (one at start, more on rebalances)', labelNames: ['group'], registers: [registry] }),
    committedLag: new Gauge({
      name: 'gochat_kafka_committed_lag',
      help: "End offset minus the group's committed offset, measured from the broker every few seconds (grows while a consumer is stalled)",
      labelNames: ['topic', 'partition'],
      registers: [registry],
    }),
    consumerLag: new Gauge({ name: 'gochat_kafka_consumer_lag', help: 'Offsets behind the partition high watermark', labelNames: ['topic', 'partition'], registers: [registry] }),
    pushPosted: new Counter({ name: 'gochat_push_notifications_posted_total', help: 'Notifications the push webhook accepted (2xx)', registers: [registry] }),
    pushSkipped: new Counter({
      name: 'gochat_push_notifications_skipped_total',
      help: 'Notifications not sent: the user came online, read it, has do-not-disturb on, left, blocked the sender, or it was withdrawn or stale',
      labelNames: ['reason'],
      registers: [registry],
    }),
    pushFailed: new Counter({
      name: 'gochat_push_notifications_failed_total',
      help: 'Notifications given up: refused by the webhook (rejected) or undelivered when retries ran out (abandoned)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    pushRetries: new Counter({ name: 'gochat_push_webhook_retries_total', help: 'Webhook requests that failed and are retried, by answer (status, or none)', labelNames: ['status'], registers: [registry] }),
    pushSignals: new Counter({ name: 'gochat_push_signals_total', help: 'Notifications handed to push workflows by the push topic consumer', registers: [registry] }),
    cacheHitRatio: new Gauge({
      name: 'gochat_cache_hit_ratio',
      help: 'Share of cache reads answered from Redis since start',
      registers: [registry],
      collect() {
        this.set(reads === 0 ? 1 : hits / reads);
      },
    }),
    cacheRead: (cache: string, hit: boolean): void => {
      reads++;
      if (hit) {
        hits++;
        cacheHits.inc({ cache });
      } else cacheMisses.inc({ cache });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
