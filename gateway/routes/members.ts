// GET|POST /conversations/:id/members, DELETE /conversations/:id/members/:userId,
// PUT /conversations/:id/members/:userId/role.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, NoContent, IdParams } from '../schemas/common.ts';
import { AddMembersBody, AddMembersResponse, MemberList, MemberParams, MembersQuery, RoleBody, toMember } from '../schemas/conversations.ts';

export const memberRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { members } = app.services;

  app.get('/conversations/:id/members', {
    schema: {
      tags: ['members'],
      summary: 'Members of a conversation you belong to, in user id order (page on with next_after_user_id)',
      security: bearer,
      params: IdParams,
      querystring: MembersQuery,
      response: { 200: MemberList, ...errors(403, 404) },
    },
  }, async (request) => {
    const limit = request.query.limit ?? 100;
    const list = await members.list(request.auth.userId, request.params.id, request.query.after_user_id, limit);
    return { members: list.map(toMember), next_after_user_id: list.length === limit ? (list.at(-1)?.member.userId ?? null) : null };
  });

  app.post('/conversations/:id/members', {
    schema: {
      tags: ['members'],
      summary: 'Add members to a group (owner or admin); returns those newly added',
      security: bearer,
      params: IdParams,
      body: AddMembersBody,
      response: { 200: AddMembersResponse, ...errors(403, 404, 409) },
    },
  }, async (request) => ({ added: await members.add(request.auth, request.params.id, request.body.user_ids) }));

  app.delete('/conversations/:id/members/:userId', {
    schema: {
      tags: ['members'],
      summary: 'Remove a member (owner or admin), or leave (your own id)',
      security: bearer,
      params: MemberParams,
      response: { 204: NoContent, ...errors(403, 404, 409) },
    },
  }, async (request, reply) => {
    await members.remove(request.auth, request.params.id, request.params.userId);
    return reply.status(204).send(null);
  });

  app.put('/conversations/:id/members/:userId/role', {
    schema: {
      tags: ['members'],
      summary: "Set a member's role (owner only); 'owner' hands the group over",
      security: bearer,
      params: MemberParams,
      body: RoleBody,
      response: { 204: NoContent, ...errors(403, 404, 409) },
    },
  }, async (request, reply) => {
    await members.setRole(request.auth, request.params.id, request.params.userId, request.body.role);
    return reply.status(204).send(null);
  });
  done();
};
