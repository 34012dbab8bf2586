// Token revocation. MariaDB holds every revoked token id (jti) until the token would have
// expired anyway; Redis holds the same set as a cache every request reads. A marker says the
// cache is complete: when Redis loses its data (restart without persistence, failover to an
// empty replica) the marker goes with it, and the next check reloads the set from MariaDB, so a
// logged-out token never becomes valid again.
import type { RepoCtx } from '../context.ts';
import { redisKeys } from '../redis-keys.ts';
import { ms, rows, run } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkString } from '../validate.ts';

// Every revocation key and the marker share one hash tag: on a Redis Cluster they live on one
// node, so a node lost with its data takes the marker with the set (never the set alone).
const key = redisKeys.revoked;
const LOADED = redisKeys.revokedLoaded;
/** One extra second covers clock skew between instances; an expired token is refused anyway. */
const SKEW_MS = 1000;

export interface TokenRevocations {
  /** Refuses the token from now on; `expiresAtMs` is the token's own expiry. */
  revoke(jti: string, userId: Id, expiresAtMs: number, now?: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}

export function createTokenRevocations(ctx: () => RepoCtx): TokenRevocations {
  async function reload(now: number): Promise<Set<string>> {
    const c = ctx();
    const found = await rows(c.em, 'SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > ?', [new Date(now - SKEW_MS)]);
    const pipeline = c.redis.pipeline();
    for (const r of found) pipeline.set(key(r.jti as string), '1', 'PX', Math.max(ms(r.expires_at) - now, 0) + SKEW_MS);
    pipeline.set(LOADED, String(now));
    await pipeline.exec();
    return new Set(found.map((r) => r.jti as string));
  }

  return {
    async revoke(jti, userId, expiresAtMs, now = Date.now()) {
      checkString('jti', jti, { min: 1, max: 64 });
      checkId('userId', userId);
      const c = ctx();
      await run(c.em, 'INSERT IGNORE INTO revoked_tokens (jti, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', [jti, userId, new Date(expiresAtMs), new Date(now)]);
      await c.redis.set(key(jti), '1', 'PX', Math.max(expiresAtMs - now, 0) + SKEW_MS);
      // Rows of tokens long expired serve nobody; a few go with every logout.
      await run(c.em, 'DELETE FROM revoked_tokens WHERE expires_at < ? LIMIT 100', [new Date(now - 24 * 3600_000)]);
    },
    async isRevoked(jti) {
      const c = ctx();
      const [[, revoked], [, loaded]] = (await c.redis.pipeline().exists(key(jti)).exists(LOADED).exec()) as [[unknown, number], [unknown, number]];
      if (revoked === 1) return true;
      if (loaded === 1) return false;
      return (await reload(Date.now())).has(jti);
    },
  };
}
