// The attachment store (storage/): decorates `app.storage` and `app.storageReady`. The first
// preparation (the folder, or the bucket) is awaited at start; if the store cannot be reached
// the gateway starts all the same, since chat does not need it, and retries in the background
// while attachment requests answer 503.
import fp from 'fastify-plugin';
import type { Config } from '../../config/index.ts';
import { createStorage, type ObjectStorage } from '../../storage/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    storage: ObjectStorage;
    /** Resolves once the store is prepared; rejects while its latest attempt failed. */
    storageReady: () => Promise<void>;
  }
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const storage = createStorage(config.attachments);
    let retry: NodeJS.Timeout | undefined;
    let closed = false;

    const attempt = (delayMs: number): Promise<void> => {
      const prepared = storage.prepare();
      prepared.then(
        () => app.log.info({ driver: storage.driver }, 'attachment storage ready'),
        (err: unknown) => {
          app.log.error({ err, driver: storage.driver }, `attachment storage not ready; trying again in ${delayMs / 1000} s`);
          if (closed) return;
          retry = setTimeout(() => {
            current = attempt(Math.min(delayMs * 2, RETRY_MAX_MS));
          }, delayMs);
          retry.unref();
        },
      );
      return prepared;
    };
    let current = attempt(RETRY_MIN_MS);
    await current.catch(() => undefined);

    app.decorate('storage', storage);
    app.decorate('storageReady', () => current);
    app.addHook('onClose', (_instance, done) => {
      closed = true;
      clearTimeout(retry);
      storage.close();
      done();
    });
  },
  { name: 'gochat-storage', fastify: '5.x' },
);
