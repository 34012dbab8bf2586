// Blocks: a user stops another's friend requests and 1:1 messages and hides presence both ways
// (the rules themselves are applied where requests, sends and presence happen: repo/friends,
// repo/messages/send-rules.ts). Nothing is announced: the blocked side learns of it only by the
// BLOCKED code its own request or send gets.
import { DomainError, notFound, validationError } from '../errors.ts';
import { FriendAnswerRefused } from './friends.ts';
import type { FriendView, UserView } from './types.ts';

export interface BlocksDeps {
  getUser(id: string): Promise<UserView | null>;
  /** Idempotent. */
  block(blockerId: string, blockedId: string): Promise<void>;
  /** Idempotent. */
  unblock(blockerId: string, blockedId: string): Promise<void>;
  listBlocks(userId: string, opts: { afterUserId?: string; limit: number }): Promise<FriendView[]>;
  /** The request `requesterId` sent `targetId` that still waits for an answer, if any. */
  findPendingRequest(requesterId: string, targetId: string): Promise<{ id: string } | null>;
  /** Turns a request down as its recipient would (the workflow's answer); throws if it is no longer pending. */
  rejectRequest(requestId: string, actingUserId: string): Promise<void>;
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
      // The blocked user's request to the blocker could never be accepted now: it is turned down,
      // as a rejection like any other, so it leaves the blocker's pending list and reveals nothing more.
      const pending = await deps.findPendingRequest(otherId, userId);
      if (pending) await deps.rejectRequest(pending.id, userId).catch((err: unknown) => {
        // Answered, expired or gone meanwhile: nothing left to turn down.
        if (!(err instanceof FriendAnswerRefused) && !(err instanceof DomainError && err.code === 'NOT_FOUND')) throw err;
      });
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
