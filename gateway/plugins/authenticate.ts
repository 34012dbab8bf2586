// `app.authenticate`: the onRequest hook of every protected route. It accepts only
// `Authorization: Bearer <jwt>`, verifies the token and its revocation, and sets `request.auth`.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../errors.ts';
import type { Authenticated } from '../services/auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    authenticate(request: FastifyRequest): Promise<void>;
  }
  interface FastifyRequest {
    auth: Authenticated;
  }
}

const MESSAGES = {
  invalid: 'invalid token',
  expired: 'token expired',
  revoked: 'token revoked',
} as const;

export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer ([\w-]+\.[\w-]*\.[\w-]*)$/.exec(header.trim()) : null;
  return m?.[1];
}

export default fp(
  (app, _opts, done) => {
    app.decorateRequest('auth', null as unknown as Authenticated);
    app.decorate('authenticate', async function (request: FastifyRequest) {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw unauthorized('missing bearer token');
      const result = await app.services.auth.authenticate(token);
      if (!result.ok) throw unauthorized(MESSAGES[result.reason]);
      request.auth = result.auth;
    });
    done();
  },
  { name: 'gochat-authenticate', dependencies: ['gochat-services'], fastify: '5.x' },
);
