// Temporal client for the gateway (friend-request workflows). Decorates `app.temporal`;
// closes the connection on close.
import fp from 'fastify-plugin';
import type { Config } from '../../config/index.ts';
import { createTemporalClient, type Client } from '../../temporal/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: Client;
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const client = await createTemporalClient(config);
    app.decorate('temporal', client);
    app.addHook('onClose', async () => {
      await client.connection.close();
    });
  },
  { name: 'gochat-temporal', fastify: '5.x' },
);
