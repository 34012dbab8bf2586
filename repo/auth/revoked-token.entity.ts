import { defineEntity, p } from '@mikro-orm/core';

/** A logged-out token, kept until it would have expired anyway. */
export const RevokedToken = defineEntity({
  name: 'RevokedToken',
  tableName: 'revoked_tokens',
  properties: {
    jti: p.string().length(64).primary(),
    userId: p.bigint('string').unsigned(),
    expiresAt: p.datetime(3).index('idx_revoked_tokens_expires_at'),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});
