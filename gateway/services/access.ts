// The membership check behind every conversation route. World conversations (type 3) are open
// to every account, guests included: a missing membership there is created on first use, so the
// logic worker's own membership check holds for them too.
import { notFound, notMember } from '../errors.ts';
import { ConversationType, type ConversationView, type MemberView } from './types.ts';

export interface AccessDeps {
  getConversation(id: string): Promise<ConversationView | null>;
  getMembership(conversationId: string, userId: string): Promise<MemberView | null>;
  /** Idempotent. */
  joinWorld(userId: string, conversationId: string): Promise<MemberView>;
}

export interface MemberAccess {
  conversation: ConversationView;
  membership: MemberView;
}

export function createAccess(deps: AccessDeps) {
  return {
    async requireConversation(conversationId: string): Promise<ConversationView> {
      const conversation = await deps.getConversation(conversationId);
      if (!conversation) throw notFound(`conversation ${conversationId}`);
      return conversation;
    },

    async requireMember(conversationId: string, userId: string): Promise<MemberAccess> {
      const conversation = await deps.getConversation(conversationId);
      if (!conversation) throw notFound(`conversation ${conversationId}`);
      let membership = await deps.getMembership(conversationId, userId);
      if (!membership && conversation.type === ConversationType.world) membership = await deps.joinWorld(userId, conversationId);
      if (!membership) throw notMember(conversationId);
      return { conversation, membership };
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
