// GET /blocks, PUT|DELETE /blocks/:user_id.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, NoContent } from '../schemas/common.ts';
import { BlockList, BlocksQuery, toBlock, UserParams } from '../schemas/blocks.ts';

const DESCRIPTION =
  'While a block stands (whoever set it), the two users cannot send each other friend requests or 1:1 messages ' +
  '(refused with BLOCKED) and neither sees the other\'s presence. Friendship and the 1:1 history stay. Nothing is announced.';

export const blockRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { blocks } = app.services;

  app.get('/blocks', {
    schema: {
      tags: ['friends'],
      summary: 'The users you blocked, in user id order (page on with next_after_user_id)',
      security: bearer,
      querystring: BlocksQuery,
      response: { 200: BlockList, ...errors() },
    },
  }, async (request) => {
    const limit = request.query.limit ?? 20;
    const after = request.query.after_user_id;
    const list = await blocks.list(request.auth.userId, { limit, ...(after ? { afterUserId: after } : {}) });
    return { blocks: list.map(toBlock), next_after_user_id: list.length === limit ? (list.at(-1)?.user.id ?? null) : null };
  });

  const actions = [
    { method: 'PUT', summary: 'Block a user (blocking again changes nothing)', act: 'block' },
    { method: 'DELETE', summary: 'Unblock a user (unblocking one not blocked changes nothing)', act: 'unblock' },
  ] as const;
  for (const { method, summary, act } of actions) {
    app.route({
      method,
      url: '/blocks/:user_id',
      schema: { tags: ['friends'], summary, description: DESCRIPTION, security: bearer, params: UserParams, response: { 204: NoContent, ...errors(404) } },
      handler: async (request, reply) => {
        await blocks[act](request.auth.userId, request.params.user_id);
        return reply.status(204).send(null);
      },
    });
  }
  done();
};
