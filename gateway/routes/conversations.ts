// GET|POST /conversations, GET /conversations/world, GET /conversations/:id.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import {
  Conversation, ConversationDetail, ConversationList, CreateGroupBody, ListQuery,
  toConversation, toDetail, toListItem,
} from '../schemas/conversations.ts';

export const conversationRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { conversations } = app.services;

  app.get('/conversations', {
    schema: {
      tags: ['conversations'],
      summary: 'Your conversations with last message and unread count, most recent first',
      security: bearer,
      querystring: ListQuery,
      response: { 200: ConversationList, ...errors() },
    },
  }, async (request) => {
    const list = await conversations.list(request.auth.userId, request.query.offset ?? 0, request.query.limit ?? 20);
    return { conversations: list.map(toListItem) };
  });

  app.post('/conversations', {
    schema: {
      tags: ['conversations'],
      summary: 'Create a group you own (not for guests)',
      security: bearer,
      body: CreateGroupBody,
      response: { 201: Conversation, ...errors(403) },
    },
  }, async (request, reply) => {
    const { name, avatar_url, member_ids } = request.body;
    const created = await conversations.createGroup(request.auth, { name, avatarUrl: avatar_url ?? null, memberIds: member_ids });
    return reply.status(201).send(toConversation(created));
  });

  app.get('/conversations/world', {
    schema: {
      tags: ['conversations'],
      summary: 'The world conversation every account (guests too) can read and write',
      security: bearer,
      response: { 200: ConversationDetail, ...errors(404) },
    },
  }, async (request) => toDetail(await conversations.world(request.auth.userId)));

  app.get('/conversations/:id', {
    schema: {
      tags: ['conversations'],
      summary: 'A conversation you belong to, with your membership',
      security: bearer,
      params: IdParams,
      response: { 200: ConversationDetail, ...errors(403, 404) },
    },
  }, async (request) => toDetail(await conversations.get(request.auth.userId, request.params.id)));
  done();
};
