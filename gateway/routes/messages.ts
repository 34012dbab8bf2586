// GET|POST /conversations/:id/messages, POST /conversations/:id/read, DELETE|PATCH /messages/:id.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { withReactions } from '../../contract/index.ts';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import { editBody, HistoryQuery, HistoryResponse, Message, ReadBody, ReadResponse, SendAccepted, sendBody, toMessage } from '../schemas/messages.ts';

export const messageRoutes: FastifyPluginCallbackTypebox<{ maxContentBytes: number }> = (app, { maxContentBytes }, done) => {
  const { messages, reactions } = app.services;

  app.get('/conversations/:id/messages', {
    schema: {
      tags: ['messages'],
      summary: 'History by seq: the latest page, or before_seq / after_seq (ascending seq order)',
      security: bearer,
      params: IdParams,
      querystring: HistoryQuery,
      response: { 200: HistoryResponse, ...errors(403, 404) },
    },
  }, async (request) => {
    const { before_seq, after_seq, limit } = request.query;
    const range = { ...(before_seq !== undefined ? { beforeSeq: before_seq } : {}), ...(after_seq !== undefined ? { afterSeq: after_seq } : {}) };
    const page = await messages.history(request.auth.userId, request.params.id, range, limit ?? 50);
    const byMessage = await reactions.ofMessages(request.auth.userId, page.messages);
    return { messages: page.messages.map((m) => withReactions(toMessage(m), byMessage)), has_more: page.hasMore };
  });

  app.post('/conversations/:id/messages', {
    schema: {
      tags: ['messages'],
      summary: 'Send without a socket: 201 with the stored message, or 202 while it is still being stored',
      description: 'Goes through the same pipeline as a WebSocket send. Resending the same client_msg_id never stores a second copy and returns the stored message.',
      security: bearer,
      params: IdParams,
      body: sendBody(maxContentBytes),
      response: { 201: Message, 202: SendAccepted, ...errors(403, 404, 503) },
    },
  }, async (request, reply) => {
    const { client_msg_id, msg_type, content, ...references } = request.body;
    const result = await messages.send(request.auth.userId, request.params.id, { clientMsgId: client_msg_id, messageType: msg_type ?? 1, content, ...references });
    if (result.stored) return reply.status(201).send(toMessage(result.message));
    return reply.status(202).send({ status: 'accepted' as const, client_msg_id: result.clientMsgId });
  });

  app.post('/conversations/:id/read', {
    schema: {
      tags: ['messages'],
      summary: 'Mark messages up to seq as read (the pointer only moves forward)',
      security: bearer,
      params: IdParams,
      body: ReadBody,
      response: { 200: ReadResponse, ...errors(403, 404) },
    },
  }, async (request) => ({
    conversation_id: request.params.id,
    last_read_seq: await messages.markRead(request.auth.userId, request.params.id, request.body.seq),
  }));

  app.delete('/messages/:id', {
    schema: {
      tags: ['messages'],
      summary: 'Recall your own message within the recall window; members are told in real time',
      security: bearer,
      params: IdParams,
      response: { 200: Message, ...errors(403, 404) },
    },
  }, async (request) => toMessage(await messages.recall(request.auth.userId, request.params.id)));

  app.patch('/messages/:id', {
    schema: {
      tags: ['messages'],
      summary: 'Edit your own text message within the edit window; every member\'s devices get an `edited` event',
      description: 'The same content again changes nothing and answers with the stored message. Refused with EDIT_WINDOW_PASSED once the window is over, MESSAGE_NOT_EDITABLE for a recalled or non-text message, FORBIDDEN when you did not send it.',
      security: bearer,
      params: IdParams,
      body: editBody(maxContentBytes),
      response: { 200: Message, ...errors(403, 404, 409) },
    },
  }, async (request) => toMessage(await messages.edit(request.auth.userId, request.params.id, request.body.content)));
  done();
};
