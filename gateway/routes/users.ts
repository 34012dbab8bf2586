// GET /users/search, GET|PUT /users/profile, GET /users/:id.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import { ProfilePatch, SearchQuery, User, UserList, toUser } from '../schemas/users.ts';

export const userRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { users } = app.services;

  app.get('/users/search', {
    schema: {
      tags: ['users'],
      summary: 'Find registered users by username prefix',
      security: bearer,
      querystring: SearchQuery,
      response: { 200: UserList, ...errors() },
    },
  }, async (request) => ({ users: (await users.search(request.query.q, request.query.limit ?? 10)).map(toUser) }));

  app.get('/users/profile', {
    schema: { tags: ['users'], summary: 'The signed-in user', security: bearer, response: { 200: User, ...errors(404) } },
  }, async (request) => toUser(await users.get(request.auth.userId)));

  app.put('/users/profile', {
    schema: {
      tags: ['users'],
      summary: 'Change nickname and/or avatar (null clears)',
      security: bearer,
      body: ProfilePatch,
      response: { 200: User, ...errors(404) },
    },
  }, async (request) => {
    const { nickname, avatar_url } = request.body;
    const patch = { ...(nickname !== undefined ? { nickname } : {}), ...(avatar_url !== undefined ? { avatarUrl: avatar_url } : {}) };
    return toUser(await users.updateProfile(request.auth.userId, patch));
  });

  app.get('/users/:id', {
    schema: { tags: ['users'], summary: 'A user by id', security: bearer, params: IdParams, response: { 200: User, ...errors(404) } },
  }, async (request) => toUser(await users.get(request.params.id)));
  done();
};
