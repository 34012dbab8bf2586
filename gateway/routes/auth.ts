// POST /auth/register, /auth/login, /auth/guest (public) and /auth/logout (authenticated).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { Session } from '../services/auth.ts';
import { bearer, errors, NoContent } from '../schemas/common.ts';
import { LoginBody, RegisterBody, SessionResponse } from '../schemas/auth.ts';
import { toUser } from '../schemas/users.ts';

const toSession = (s: Session) => ({ token: s.token, token_type: 'Bearer' as const, expires_at: s.expiresAt, user: toUser(s.user) });

export const publicAuthRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { auth } = app.services;

  app.post('/auth/register', {
    schema: {
      tags: ['auth'],
      summary: 'Create an account and sign in',
      body: RegisterBody,
      response: { 201: SessionResponse, ...errors(409, 429) },
    },
  }, async (request, reply) => {
    const session = await auth.register(request.body.username, request.body.password, request.ip);
    return reply.status(201).send(toSession(session));
  });

  app.post('/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password (rate-limited per account and per address)',
      body: LoginBody,
      response: { 200: SessionResponse, ...errors(429) },
    },
  }, async (request) => toSession(await auth.login(request.body.username, request.body.password, request.ip)));

  app.post('/auth/guest', {
    schema: {
      tags: ['auth'],
      summary: 'Create a guest account with a generated name and sign in',
      response: { 201: SessionResponse, ...errors(429) },
    },
  }, async (request, reply) => reply.status(201).send(toSession(await auth.guest(request.ip))));
  done();
};

export const authRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.post('/auth/logout', {
    schema: {
      tags: ['auth'],
      summary: 'Revoke the token used for this request, on every gateway instance',
      security: bearer,
      response: { 204: NoContent, ...errors() },
    },
  }, async (request, reply) => {
    await app.services.auth.logout(request.auth);
    return reply.status(204).send(null);
  });
  done();
};
