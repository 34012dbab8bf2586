// Every Redis key GoChat writes, in one place, each with its hash tag: on a Redis Cluster a key's
// slot is computed from the part inside {…}, so keys that one command, script, MULTI or pipeline
// touches together carry the same tag. A user's keys share {u:<id>}, a conversation's {c:<id>};
// the revocation set and its "loaded" marker share {auth:revoked}. Keys used one at a time carry
// the tag of what they belong to all the same, so the layout reads the same everywhere.
import type { Id } from './types.ts';

const user = (id: Id) => `{u:${id}}`;
const conversation = (id: Id) => `{c:${id}}`;

/** Shards of the presence expiry index; a record lives in the shard of its user's id. */
export const PRESENCE_EXPIRY_SHARDS = 16;

export const redisKeys = {
  // caches (repo/cache.ts)
  conversationsFull: (userId: Id) => `user:${user(userId)}:conversations:full`,
  unread: (userId: Id) => `user:${user(userId)}:unread`,
  userGeneration: (userId: Id) => `user:${user(userId)}:gen`,
  conversationBasic: (conversationId: Id) => `conversation:${conversation(conversationId)}:basic`,
  conversationVersion: (conversationId: Id) => `conversation:${conversation(conversationId)}:ver`,

  // presence (repo/presence/presence.ts)
  /** Hash: gateway id → the connections that gateway holds for the user. */
  online: (userId: Id) => `user:${user(userId)}:online`,
  /** Hash: gateway id → that record's last heartbeat (ms). */
  heartbeats: (userId: Id) => `user:${user(userId)}:heartbeats`,
  /** Sorted set of `{userId}|{gatewayId}` by last heartbeat: where cleanup finds expired records. */
  presenceExpiry: (shard: number) => `presence:expiry:{p:${shard}}`,
  /** Exists while the gateway's records are known to be in Redis; gone after a data loss. */
  gatewayMark: (gatewayId: string) => `presence:gateway:{g:${gatewayId}}`,
  /** Set while a user's offline announcement waits out its delay (gateway/ws/presence-ports.ts). */
  offlinePending: (userId: Id) => `user:${user(userId)}:offline-pending`,

  // token revocation (repo/auth/revocations.ts)
  revoked: (jti: string) => `auth:{auth:revoked}:${jti}`,
  revokedLoaded: 'auth:{auth:revoked}:loaded',

  // rate limits (repo/rate-limit.ts)
  rateLimit: (bucket: string) => `ratelimit:{r:${bucket}}`,

  // fan-out delivery records (activities/fanout.ts)
  fanoutDelivered: (messageId: Id, batchIndex: number) => `fanout:{m:${messageId}}:delivered:${batchIndex}`,
} as const;

/** The expiry-index shard of a user: a stable hash of the id. */
export function presenceShard(userId: Id): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return h % PRESENCE_EXPIRY_SHARDS;
}
