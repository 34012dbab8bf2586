// Blocks: a user stops another's friend requests and 1:1 messages and hides presence both ways
// (the rules themselves are applied where requests, sends and presence happen: repo/friends,
// repo/messages/send-rules.ts). Nothing is announced: the blocked side learns of it only by the
// BLOCKED code its own request or send gets.
import { notFound, validationError } from '../errors.ts';
import type { FriendView, UserView } from './types.ts';

export interface BlocksDeps {
  getUser(id: string): Promise<UserView | null>;
  /** Idempotent. */
  block(blockerId: string, blockedId: string): Promise<void>;
  /** Idempotent. */
  unblock(blockerId: string, blockedId: string): Promise<void>;
  listBlocks(userId: string, opts: { afterUserId?: string; limit: number }): Promise<FriendView[]>;
}

export function createBlocksService(deps: BlocksDeps) {
  async function requireOther(userId: string, otherId: string): Promise<void> {
    if (otherId === userId) throw validationError('params.user_id', 'cannot block or unblock yourself');
    if (!(await deps.getUser(otherId))) throw notFound(`user ${otherId}`);
  }

  return {
    async block(userId: string, otherId: string): Promise<void> {
      await requireOther(userId, otherId);
      await deps.block(userId, otherId);
    },

    async unblock(userId: string, otherId: string): Promise<void> {
      await requireOther(userId, otherId);
      await deps.unblock(userId, otherId);
    },

    list(userId: string, opts: { afterUserId?: string; limit: number }): Promise<FriendView[]> {
      return deps.listBlocks(userId, opts);
    },
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;
