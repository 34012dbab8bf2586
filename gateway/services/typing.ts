// Typing indicators: a member's `start` or `stop` goes to the conversation's other members on
// every gateway through the message-events topic. Every gateway reads the event topics from
// their end (nothing is replayed after a restart) and nothing is written to MariaDB; keyed by
// conversation, a `start` and its `stop` arrive in order. The per-connection rate limit and
// expiry live with the socket (gateway/ws/typing.ts).
import type { TypingState } from '../../contract/index.ts';
import type { Access } from './access.ts';
import type { EventPublisher } from './events.ts';
import { MemberIdsCache } from './member-ids-cache.ts';

export interface TypingDeps {
  access: Access;
  events: EventPublisher;
  memberIds(conversationId: string): Promise<string[]>;
  /** Whether a send of this member would be refused (a dissolved group, a block or an unfriending in a 1:1, a mute). */
  sendRefused(conversationId: string, userId: string): Promise<boolean>;
  /** Conversations above this size get no typing indicators: each would reach every member. */
  maxMembers: number;
}

export function createTypingService(deps: TypingDeps) {
  const members = new MemberIdsCache((conversationId) => deps.memberIds(conversationId));

  async function announce(userId: string, conversationId: string, state: TypingState): Promise<void> {
    // The typist's own devices are not told: they know.
    const recipients = (await members.get(conversationId)).filter((id) => id !== userId);
    await deps.events.publish('message', recipients, { type: 'typing', conversationId, userId, state });
  }

  return {
    /**
     * Checks membership (the refusal carries the contract's code) and announces a start; false
     * when the conversation is too large for typing indicators, or the member may not send there
     * (nothing announced, and no refusal either: a block is not revealed by typing).
     */
    async start(userId: string, conversationId: string): Promise<boolean> {
      const { conversation } = await deps.access.requireMember(conversationId, userId);
      if (conversation.memberCount > deps.maxMembers) return false;
      if (await deps.sendRefused(conversationId, userId)) return false;
      await announce(userId, conversationId, 'start');
      return true;
    },

    /** Ends an announced start; only called for one, so membership was checked then. */
    stop(userId: string, conversationId: string): Promise<void> {
      return announce(userId, conversationId, 'stop');
    },

    /** The conversation's members changed: the next indicator reads them again. */
    membersChanged(conversationId: string): void {
      members.forget(conversationId);
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
