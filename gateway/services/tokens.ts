// Access tokens: HS256 JWTs signed and verified with jose. Verification pins the algorithm,
// issuer and audience, so `alg: none`, RS/HS confusion and foreign tokens are all refused.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { isId } from '../../contract/index.ts';

const ALG = 'HS256';

export interface TokenClaims {
  userId: string;
  jti: string;
  guest: boolean;
  /** Expiry, ms since epoch. */
  expiresAt: number;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export interface TokenSettings {
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  tokenTtlSeconds: number;
}

export interface Tokens {
  issue(userId: string, guest: boolean): Promise<{ token: string; claims: TokenClaims }>;
  verify(token: string): Promise<VerifyResult>;
}

export function createTokens(settings: TokenSettings, now: () => number = Date.now): Tokens {
  const key = new TextEncoder().encode(settings.jwtSecret);
  return {
    async issue(userId, guest) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + settings.tokenTtlSeconds;
      const jti = randomUUID();
      const token = await new SignJWT({ gst: guest })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(settings.jwtIssuer)
        .setAudience(settings.jwtAudience)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(jti)
        .sign(key);
      return { token, claims: { userId, jti, guest, expiresAt: exp * 1000 } };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALG],
          issuer: settings.jwtIssuer,
          audience: settings.jwtAudience,
          requiredClaims: ['sub', 'exp', 'iat', 'jti'],
          currentDate: new Date(now()),
        });
        const { sub, jti, exp, gst } = payload;
        if (!isId(sub) || typeof jti !== 'string' || typeof exp !== 'number') {
          return { ok: false, reason: 'invalid' };
        }
        return { ok: true, claims: { userId: sub, jti, guest: gst === true, expiresAt: exp * 1000 } };
      } catch (err) {
        if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
        return { ok: false, reason: 'invalid' };
      }
    },
  };
}
