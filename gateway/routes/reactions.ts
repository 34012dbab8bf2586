// PUT|DELETE /conversations/:id/messages/:message_id/reactions/:emoji
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors } from '../schemas/common.ts';
import { ReactionParams, ReactionsResponse, toReactions } from '../schemas/reactions.ts';

const DESCRIPTION =
  'The emoji is one fully-qualified RGI emoji, percent-encoded in the path (👍 is %F0%9F%91%8D). ' +
  'Doing what is already so changes nothing and answers the same. Every member\'s devices get a `reaction` event. ' +
  'Refused with MESSAGE_RECALLED for a recalled message and REACTION_LIMIT when the message already has 20 other kinds.';

export const reactionRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { reactions } = app.services;

  // One route per direction: PUT adds the reaction, DELETE takes it back; both answer the same shape.
  const directions = [
    { method: 'PUT', op: 'add', summary: 'React to a message with an emoji (one of each kind per member)' },
    { method: 'DELETE', op: 'remove', summary: 'Take back your reaction with this emoji' },
  ] as const;
  for (const { method, op, summary } of directions) {
    app.route({
      method,
      url: '/conversations/:id/messages/:message_id/reactions/:emoji',
      schema: {
        tags: ['messages'],
        summary,
        description: DESCRIPTION,
        security: bearer,
        params: ReactionParams,
        response: { 200: ReactionsResponse, ...errors(403, 404, 409) },
      },
      handler: async (request) => {
        const { id, message_id, emoji } = request.params;
        return toReactions(id, message_id, await reactions.react(request.auth.userId, id, message_id, emoji, op));
      },
    });
  }
  done();
};
