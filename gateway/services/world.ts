// Finds (or, the first time, creates) the one world conversation (type 3). Its id is kept in
// Redis; creation runs under a short Redis lock so concurrent gateways create it only once.
import type { Redis } from 'ioredis';
import { unavailable } from '../errors.ts';
import type { ConversationView } from './types.ts';

export interface WorldDeps {
  redis: Redis;
  getConversation(id: string): Promise<ConversationView | null>;
  createWorld(): Promise<ConversationView>;
  sleep(ms: number): Promise<void>;
}

const KEY = 'world:conversation-id';
const LOCK = 'world:conversation-id:lock';

export function createWorldLocator(deps: WorldDeps): () => Promise<ConversationView> {
  let cached: string | undefined;
  return async function world(): Promise<ConversationView> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const id = cached ?? (await deps.redis.get(KEY)) ?? undefined;
      if (id) {
        const found = await deps.getConversation(id);
        if (found) {
          cached = id;
          return found;
        }
        cached = undefined;
      }
      if ((await deps.redis.set(LOCK, '1', 'PX', 10_000, 'NX')) === 'OK') {
        try {
          const again = await deps.redis.get(KEY);
          if (again && (await deps.getConversation(again))) continue;
          const created = await deps.createWorld();
          await deps.redis.set(KEY, created.id);
          cached = created.id;
          return created;
        } finally {
          await deps.redis.del(LOCK);
        }
      }
      await deps.sleep(100);
    }
    throw unavailable('the world conversation is not available yet');
  };
}
