// MikroORM for the gateway: decorates `app.orm`, closes on close. Services never see the
// global EntityManager; the repo wiring forks one per call (a unit of work per request step).
import fp from 'fastify-plugin';
import type { Config } from '../../config/index.ts';
import { createOrm, type Orm } from '../../repo/orm.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orm: Orm;
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const orm = await createOrm(config);
    app.decorate('orm', orm);
    app.addHook('onClose', async () => {
      await orm.close();
    });
  },
  { name: 'gochat-orm', fastify: '5.x' },
);
