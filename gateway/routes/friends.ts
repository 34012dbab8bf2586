// POST|GET /friends/requests, PUT /friends/requests/:id, GET /friends, DELETE /friends/:user_id.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, IdParams, NoContent } from '../schemas/common.ts';
import { UserParams } from '../schemas/blocks.ts';
import {
  AnswerBody, AnswerResponse, FriendList, FriendRequest, FriendRequestList, FriendsQuery,
  ListRequestsQuery, SendRequestBody, statusNumber, toFriend, toFriendRequest,
} from '../schemas/friends.ts';

export const friendRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { friends } = app.services;

  app.post('/friends/requests', {
    schema: {
      tags: ['friends'],
      summary: 'Ask a user to be friends (201 new, 200 when the same request is already pending)',
      security: bearer,
      body: SendRequestBody,
      response: { 200: FriendRequest, 201: FriendRequest, ...errors(403, 404, 409, 503) },
    },
  }, async (request, reply) => {
    const { request: sent, created } = await friends.send(request.auth, request.body.target_user_id, request.body.message ?? null);
    return reply.status(created ? 201 : 200).send(toFriendRequest(sent));
  });

  app.get('/friends/requests', {
    schema: {
      tags: ['friends'],
      summary: 'Incoming or outgoing friend requests, newest first (page on with next_before_id)',
      security: bearer,
      querystring: ListRequestsQuery,
      response: { 200: FriendRequestList, ...errors() },
    },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 20;
    const list = await friends.list(request.auth.userId, q.direction ?? 'incoming', {
      limit,
      ...(q.status ? { status: statusNumber(q.status) } : {}),
      ...(q.before_id ? { beforeId: q.before_id } : {}),
    });
    return { requests: list.map(toFriendRequest), next_before_id: list.length === limit ? (list.at(-1)?.request.id ?? null) : null };
  });

  app.put('/friends/requests/:id', {
    schema: {
      tags: ['friends'],
      summary: 'Accept (1) or reject (2) a request addressed to you; accepting returns the 1:1 conversation id',
      security: bearer,
      params: IdParams,
      body: AnswerBody,
      response: { 200: AnswerResponse, ...errors(403, 404, 409, 503) },
    },
  }, async (request) => {
    const outcome = await friends.answer(request.auth, request.params.id, request.body.action === 1 ? 'accept' : 'reject');
    return {
      request: toFriendRequest(outcome.request),
      status: outcome.status,
      ...(outcome.conversationId ? { conversation_id: outcome.conversationId } : {}),
    };
  });

  app.get('/friends', {
    schema: {
      tags: ['friends'],
      summary: 'Your friends in user id order (page on with next_after_user_id)',
      security: bearer,
      querystring: FriendsQuery,
      response: { 200: FriendList, ...errors() },
    },
  }, async (request) => {
    const limit = request.query.limit ?? 20;
    const after = request.query.after_user_id;
    const list = await friends.friends(request.auth.userId, { limit, ...(after ? { afterUserId: after } : {}) });
    return { friends: list.map(toFriend), next_after_user_id: list.length === limit ? (list.at(-1)?.user.id ?? null) : null };
  });

  app.delete('/friends/:user_id', {
    schema: {
      tags: ['friends'],
      summary: 'Unfriend: the friendship ends both ways; your 1:1 history stays readable, new sends in it are refused (NOT_FRIENDS) until you are friends again',
      security: bearer,
      params: UserParams,
      response: { 204: NoContent, ...errors(404) },
    },
  }, async (request, reply) => {
    await friends.unfriend(request.auth, request.params.user_id);
    return reply.status(204).send(null);
  });
  done();
};
