// The one configuration module. Every address, port, secret and tunable comes from an
// environment variable with a default that fits the local stack (scripts/stack.sh); the whole
// set is validated at start, and a bad value stops the process with a message naming it.
import { GATEWAY_ID_PATTERN } from '../contract/ids.ts';
import { attachmentsConfig } from './attachments.ts';
import { ConfigError, EnvReader, type Env } from './env.ts';
import { pushConfig } from './push.ts';

export { ConfigError } from './env.ts';

export const DEV_JWT_SECRET = 'gochat-dev-secret-change-me-in-production-0123456789';

/** Defaults of the slow-socket limits (WS_MAX_BUFFERED_BYTES, WS_MAX_UNREAD_BYTES); the chaos run's instrument check reads them too. */
export const WS_SLOW_DEFAULTS = { maxBufferedBytes: 1024 * 1024, maxUnreadBytes: 2 * 1024 * 1024 } as const;

export function loadConfig(env: Env = process.env) {
  const e = new EnvReader(env);
  const nodeEnv = e.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const host = e.str('STACK_HOST', '127.0.0.1');

  const config = {
    nodeEnv,
    logLevel: e.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    http: {
      host: e.str('HTTP_HOST', '127.0.0.1'),
      port: e.port('HTTP_PORT', 3000),
      /** Trust X-Forwarded-For only behind a known proxy. */
      trustProxy: e.bool('TRUST_PROXY', false),
      bodyLimitBytes: e.int('HTTP_BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    },
    gatewayId: e.str('GATEWAY_ID', 'gw-1', { pattern: new RegExp(GATEWAY_ID_PATTERN), hint: 'letters, digits, - and _' }),
    mysql: {
      driver: e.oneOf('DB_DRIVER', ['mysql', 'mariadb'] as const, 'mysql'),
      host: e.str('MYSQL_HOST', host),
      port: e.port('MYSQL_PORT', 3306),
      user: e.str('MYSQL_USER', 'gochat'),
      password: e.str('MYSQL_PASSWORD', 'gochat'),
      database: e.str('MYSQL_DATABASE', 'gochat', { pattern: /^\w{1,64}$/, hint: 'a plain identifier' }),
      poolMax: e.int('MYSQL_POOL_MAX', 20, 1, 1000),
    },
    redis: {
      host: e.str('REDIS_HOST', host),
      port: e.port('REDIS_PORT', 6379),
      /**
       * host:port of some nodes of a Redis Cluster; when set, GoChat talks to the cluster (it
       * finds the other nodes itself) and REDIS_HOST/REDIS_PORT are not used.
       */
      clusterNodes: e.hostPorts('REDIS_CLUSTER_NODES', ''),
      // A key's hash slot comes from its {tag}; a brace in the prefix would become the tag of every key.
      keyPrefix: e.str('REDIS_KEY_PREFIX', '', { pattern: /^[^{}]*$/, hint: 'no { or }' }),
    },
    kafka: {
      brokers: e.hostPorts('KAFKA_BROKERS', `${e.str('KAFKA_HOST', host)}:${e.port('KAFKA_PORT', 9092)}`),
      clientId: e.str('KAFKA_CLIENT_ID', 'gochat'),
      /** Appended to every topic and group name, so test runs and environments never share them. */
      topicSuffix: e.str('KAFKA_TOPIC_SUFFIX', '', { pattern: /^[\w.-]*$/, hint: 'letters, digits, ., - and _' }),
      upstreamPartitions: e.int('KAFKA_UPSTREAM_PARTITIONS', 8, 1, 1024),
      /**
       * Members of the upstream consumer group each logic worker runs; each fetches its share of
       * the partitions on its own. One by default: on two cores, four measured no better.
       */
      logicMembers: e.int('LOGIC_GROUP_MEMBERS', 1, 1, 64),
      /**
       * Store transactions a logic worker has out at once. Partitions' batches that arrive while
       * they are out share the next one (logic/store-coalescer.ts).
       */
      logicStoreTransactions: e.int('LOGIC_STORE_TRANSACTIONS', 2, 1, 8),
      // A consumer that dies without leaving its group holds its partitions this long: short, so
      // a restarted worker or gateway takes them over within seconds (the broker's minimum is 6 s).
      sessionTimeoutMs: e.int('KAFKA_SESSION_TIMEOUT_MS', 6000, 6000, 300_000),
      heartbeatIntervalMs: e.int('KAFKA_HEARTBEAT_INTERVAL_MS', 1000, 100, 60_000),
      /**
       * Copies of each topic GoChat creates, and how many must hold a record before it is
       * acknowledged (producers send with acks=all). 3 and 2 on a three-broker cluster: losing a
       * broker costs a leader election, nothing stored. 1 and 1 for the single local broker.
       */
      replication: {
        factor: e.int('KAFKA_REPLICATION_FACTOR', 1, 1, 7),
        minInsyncReplicas: e.int('KAFKA_MIN_INSYNC_REPLICAS', 1, 1, 7),
      },
    },
    temporal: {
      address: e.str('TEMPORAL_ADDRESS', `${e.str('TEMPORAL_HOST', host)}:${e.port('TEMPORAL_PORT', 7233)}`),
      uiUrl: e.str('TEMPORAL_UI_URL', `http://${host}:${e.port('TEMPORAL_UI_PORT', 8233)}`),
      namespace: e.str('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: e.str('TEMPORAL_TASK_QUEUE', 'gochat'),
    },
    auth: {
      jwtSecret: e.str('JWT_SECRET', DEV_JWT_SECRET),
      jwtIssuer: e.str('JWT_ISSUER', 'gochat'),
      jwtAudience: e.str('JWT_AUDIENCE', 'gochat-clients'),
      tokenTtlSeconds: e.int('JWT_TTL_SECONDS', 24 * 3600, 60, 90 * 24 * 3600),
      loginAttemptsPerMinute: e.int('LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
      // An address may be shared (NAT, office), so it gets several accounts' worth.
      loginAttemptsPerIpPerMinute: e.int('LOGIN_ATTEMPTS_PER_IP_PER_MINUTE', 50, 1, 100_000),
      signupsPerIpPerMinute: e.int('SIGNUPS_PER_IP_PER_MINUTE', 50, 1, 100_000),
    },
    chat: {
      /** Groups above this size fan out through the Temporal workflow instead of the logic worker. */
      fanoutThreshold: e.int('FANOUT_THRESHOLD', 500, 1, 1_000_000),
      /**
       * Members per fan-out activity. Each page costs a Temporal round trip, a presence script
       * per 1,000 members, one produce per gateway and a delivery record besides its sockets, and
       * on two cores all of it competes with the gateways writing: with 50,000 members online,
       * pages of 20,000 reached the last one in 818–868 ms where 5,000 took 945–1,062 ms and
       * 12,500 878–974 ms (docs/scaling.md). A page is one downstream record per gateway listing
       * its user ids (~23 bytes each), so the bound keeps a record under Kafka's 1 MB limit.
       */
      fanoutBatchSize: e.int('FANOUT_BATCH_SIZE', 20_000, 1, 20_000),
      /**
       * Fan-out pages pushed side by side once the first page has read where the others end:
       * their Temporal round trips and store reads overlap instead of adding up.
       */
      fanoutParallelPages: e.int('FANOUT_PARALLEL_PAGES', 4, 1, 64),
      maxGroupMembers: e.int('MAX_GROUP_MEMBERS', 200_000, 2, 10_000_000),
      recallWindowMs: e.int('RECALL_WINDOW_MS', 2 * 60_000, 0, 7 * 24 * 3600_000),
      /** How long after sending the sender may still edit a text message (MESSAGE_EDIT_WINDOW_SECONDS, default 15 min). */
      editWindowMs: e.int('MESSAGE_EDIT_WINDOW_SECONDS', 900, 0, 7 * 24 * 3600) * 1000,
      maxContentBytes: e.int('MAX_MESSAGE_BYTES', 16 * 1024, 1, 1024 * 1024),
    },
    presence: {
      offlineDelayMs: e.int('OFFLINE_DELAY_MS', 30_000, 0, 3600_000),
      heartbeatIntervalMs: e.int('HEARTBEAT_INTERVAL_MS', 30_000, 1000, 3600_000),
      /** A heartbeat older than this marks a presence record as expired (a dead gateway). */
      heartbeatTimeoutMs: e.int('HEARTBEAT_TIMEOUT_MS', 90_000, 1000, 24 * 3600_000),
      cleanupIntervalMs: e.int('CLEANUP_INTERVAL_MS', 60_000, 1000, 24 * 3600_000),
    },
    friends: {
      requestTtlMs: e.int('FRIEND_REQUEST_TTL_MS', 7 * 24 * 3600_000, 1000, 365 * 24 * 3600_000),
    },
    /** Port of the /metrics endpoint of the logic and Temporal worker processes (0: off). */
    metricsPort: e.int('METRICS_PORT', 9464, 0, 65535),
    /** Address it listens on: loopback locally, the pod's address (0.0.0.0) in a cluster. */
    metricsHost: e.str('METRICS_HOST', '127.0.0.1'),
    ws: {
      maxFrameBytes: e.int('WS_MAX_FRAME_BYTES', 64 * 1024, 256, 16 * 1024 * 1024),
      maxFramesPerSecond: e.int('WS_MAX_FRAMES_PER_SECOND', 50, 1, 100_000),
      // A socket whose unsent frames pass this is closed (4010): one client that stops reading
      // must not grow the gateway's memory; it reconnects and syncs.
      maxBufferedBytes: e.int('WS_MAX_BUFFERED_BYTES', WS_SLOW_DEFAULTS.maxBufferedBytes, 16 * 1024, 1024 * 1024 * 1024),
      // …and so is one sent this much after a WebSocket ping it has not answered (gateway/ws/
      // read-tracker.ts): the kernel buffers on both ends, which the line above cannot see, hold
      // many MiB on a fast link, and the gateway pays for every byte it pushes into them.
      maxUnreadBytes: e.int('WS_MAX_UNREAD_BYTES', WS_SLOW_DEFAULTS.maxUnreadBytes, 64 * 1024, 4 * 1024 * 1024 * 1024),
    },
    attachments: attachmentsConfig(e),
    push: pushConfig(e),
  };

  if (nodeEnv === 'production' && (config.auth.jwtSecret === DEV_JWT_SECRET || !e.isSet('JWT_SECRET'))) {
    e.problems.push('JWT_SECRET must be set to a secret of your own in production (the default is refused)');
  }
  if (config.auth.jwtSecret.length < 32) e.problems.push('JWT_SECRET must be at least 32 characters');
  if (config.presence.heartbeatTimeoutMs <= config.presence.heartbeatIntervalMs) {
    e.problems.push('HEARTBEAT_TIMEOUT_MS must be longer than HEARTBEAT_INTERVAL_MS');
  }
  if (config.kafka.replication.minInsyncReplicas > config.kafka.replication.factor) {
    e.problems.push('KAFKA_MIN_INSYNC_REPLICAS must not exceed KAFKA_REPLICATION_FACTOR');
  }
  if (e.problems.length > 0) throw new ConfigError(e.problems);
  return config;
}

export type Config = ReturnType<typeof loadConfig>;

/** For entrypoints: load the configuration or stop the process with the problems named. */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
