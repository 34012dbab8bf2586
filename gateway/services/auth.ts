// Accounts and sessions: register, login (rate-limited per account and per IP), guest
// accounts, logout (revocation) and the token check every protected route and socket runs.
import { randomBytes } from 'node:crypto';
import type { RateLimiter } from '../../repo/rate-limit.ts';
import type { TokenRevocations } from '../../repo/auth/revocations.ts';
import { conflict, rateLimited, unauthorized, validationError } from '../errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import type { TokenClaims, Tokens } from './tokens.ts';
import type { UserView } from './types.ts';

export interface AuthDeps {
  tokens: Tokens;
  revocations: TokenRevocations;
  limiter: RateLimiter;
  limits: { loginPerAccountPerMinute: number; loginPerIpPerMinute: number; signupsPerIpPerMinute: number };
  /** Creates the user, or returns null when the username is taken. */
  createUser(input: { username: string; passwordHash: string; isGuest: boolean }): Promise<UserView | null>;
  findCredentials(username: string): Promise<{ id: string; passwordHash: string; isGuest: boolean } | null>;
  getUser(id: string): Promise<UserView | null>;
  /** Idempotent: every account belongs to the world conversation. */
  joinWorld(userId: string): Promise<void>;
  /** Tells every gateway to close the sockets opened with this token. */
  announceRevocation(userId: string, tokenId: string): Promise<void>;
}

export interface Session {
  token: string;
  expiresAt: number;
  user: UserView;
}

export type Authenticated = TokenClaims;

const GUEST_PREFIX = 'guest_';
/** The account that owns the world conversation; nobody can register it. */
export const SYSTEM_USERNAME = 'gochat';
/** Guests and the system account have no password: this value never verifies (it is not a scrypt string). */
export const NO_PASSWORD = '!';
const MINUTE = 60_000;

export function checkPasswordRules(username: string, password: string): void {
  if (password.trim().length !== password.length) throw validationError('body.password', 'must not start or end with whitespace');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) throw validationError('body.password', 'must contain a letter and a digit');
  if (password.toLowerCase().includes(username.toLowerCase())) throw validationError('body.password', 'must not contain the username');
}

export function createAuthService(deps: AuthDeps) {
  const { tokens, revocations, limiter, limits } = deps;

  async function session(user: UserView): Promise<Session> {
    await deps.joinWorld(user.id);
    const { token, claims } = await tokens.issue(user.id, user.isGuest);
    return { token, expiresAt: claims.expiresAt, user };
  }

  async function limit(bucket: string, max: number, what: string): Promise<void> {
    const r = await limiter.hit(bucket, max, MINUTE);
    if (!r.allowed) throw rateLimited(`too many ${what}, retry in ${Math.ceil(r.resetMs / 1000)} s`, Math.max(1, Math.ceil(r.resetMs / 1000)));
  }

  return {
    async register(username: string, password: string, ip: string): Promise<Session> {
      if (username.toLowerCase().startsWith(GUEST_PREFIX)) throw validationError('body.username', `must not start with '${GUEST_PREFIX}'`);
      if (username.toLowerCase() === SYSTEM_USERNAME) throw conflict(`username '${username}' is taken`);
      checkPasswordRules(username, password);
      await limit(`signup:ip:${ip}`, limits.signupsPerIpPerMinute, 'sign-ups from this address');
      const user = await deps.createUser({ username, passwordHash: await hashPassword(password), isGuest: false });
      if (!user) throw conflict(`username '${username}' is taken`);
      return session(user);
    },

    async guest(ip: string): Promise<Session> {
      await limit(`signup:ip:${ip}`, limits.signupsPerIpPerMinute, 'sign-ups from this address');
      for (let attempt = 0; attempt < 3; attempt++) {
        const user = await deps.createUser({ username: `${GUEST_PREFIX}${randomBytes(6).toString('hex')}`, passwordHash: NO_PASSWORD, isGuest: true });
        if (user) return session(user);
      }
      throw conflict('could not allocate a guest name, retry');
    },

    async login(username: string, password: string, ip: string): Promise<Session> {
      // Both counters move on every attempt: a per-IP flood is stopped even when it spreads over
      // many accounts, and one account is protected even from many addresses.
      await limit(`login:ip:${ip}`, limits.loginPerIpPerMinute, 'login attempts from this address');
      const account = `login:user:${username.toLowerCase()}`;
      await limit(account, limits.loginPerAccountPerMinute, 'login attempts for this account');
      const credentials = await deps.findCredentials(username);
      if (!credentials || credentials.isGuest || credentials.passwordHash === NO_PASSWORD) {
        await burnPasswordCheck(password);
        throw unauthorized('wrong username or password');
      }
      if (!(await verifyPassword(password, credentials.passwordHash))) throw unauthorized('wrong username or password');
      await limiter.reset(account);
      const user = await deps.getUser(credentials.id);
      if (!user) throw unauthorized('wrong username or password');
      return session(user);
    },

    async logout(auth: Authenticated): Promise<void> {
      await revocations.revoke(auth.jti, auth.userId, auth.expiresAt);
      await deps.announceRevocation(auth.userId, auth.jti);
    },

    /** The check behind every protected route (and the WebSocket handshake). */
    async authenticate(token: string): Promise<{ ok: true; auth: Authenticated } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' }> {
      const result = await tokens.verify(token);
      if (!result.ok) return result;
      if (await revocations.isRevoked(result.claims.jti)) return { ok: false, reason: 'revoked' };
      return { ok: true, auth: result.claims };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
