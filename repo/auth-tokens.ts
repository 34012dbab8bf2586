// Token revocation in Redis. A logged-out token's id (jti) is stored until the token would
// have expired anyway, so every gateway instance refuses it and the set never grows unbounded.
import type { Redis } from 'ioredis';

const key = (jti: string) => `auth:revoked:${jti}`;

export interface TokenRevocations {
  /** Refuses the token from now on; `expiresAtMs` is the token's own expiry. */
  revoke(jti: string, expiresAtMs: number, now?: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}

export function createTokenRevocations(redis: Redis): TokenRevocations {
  return {
    async revoke(jti, expiresAtMs, now = Date.now()) {
      // One extra second covers clock skew between instances; an expired token is refused anyway.
      const ttlMs = Math.max(expiresAtMs - now, 0) + 1000;
      await redis.set(key(jti), '1', 'PX', ttlMs);
    },
    async isRevoked(jti) {
      return (await redis.exists(key(jti))) === 1;
    },
  };
}
