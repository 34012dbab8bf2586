// GET /conversations/:id/messages/search, GET /messages/search.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import { toMessage } from '../schemas/messages.ts';
import { SearchQuery, SearchResponse } from '../schemas/search.ts';
import type { SearchPage } from '../services/search.ts';

const toPage = (p: SearchPage) => ({ messages: p.messages.map(toMessage), has_more: p.hasMore, next_before_id: p.nextBeforeId });

export const searchRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { search } = app.services;

  app.get('/conversations/:id/messages/search', {
    schema: {
      tags: ['messages'],
      summary: 'Full-text search in one conversation, newest first (members only)',
      description: 'Recalled and deleted messages are never found. Page with before_id = the previous page\'s next_before_id.',
      security: bearer,
      params: IdParams,
      querystring: SearchQuery,
      response: { 200: SearchResponse, ...errors(403, 404) },
    },
  }, async (request) => {
    const { q, limit, before_id } = request.query;
    return toPage(await search.inConversation(request.auth.userId, request.params.id, q, { limit: limit ?? 20, ...(before_id ? { beforeId: before_id } : {}) }));
  });

  app.get('/messages/search', {
    schema: {
      tags: ['messages'],
      summary: 'Full-text search across every conversation you are a member of, newest first',
      description: 'Conversations you have left are not searched; recalled and deleted messages are never found. Page with before_id = the previous page\'s next_before_id.',
      security: bearer,
      querystring: SearchQuery,
      response: { 200: SearchResponse, ...errors() },
    },
  }, async (request) => {
    const { q, limit, before_id } = request.query;
    return toPage(await search.everywhere(request.auth.userId, q, { limit: limit ?? 20, ...(before_id ? { beforeId: before_id } : {}) }));
  });
  done();
};
