// GET /conversations/:id/messages/:message_id/receipts
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors } from '../schemas/common.ts';
import { MessageParams, ReceiptsResponse, toReceipts } from '../schemas/receipts.ts';

export const receiptRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { receipts } = app.services;

  app.get('/conversations/:id/messages/:message_id/receipts', {
    schema: {
      tags: ['messages'],
      summary: 'How far a message got: delivered to and read by how many of the other members',
      description: 'Any member may ask. Counts the members other than the sender who were members when it was sent; in a 1:1 conversation `peer` says it for the other member as booleans.',
      security: bearer,
      params: MessageParams,
      response: { 200: ReceiptsResponse, ...errors(403, 404) },
    },
  }, async (request) => toReceipts(await receipts.receipts(request.auth.userId, request.params.id, request.params.message_id)));
  done();
};
