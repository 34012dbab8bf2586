// Reactions: a member adds or takes back an emoji on a message. Every member's devices hear a
// `reaction` event with the kinds and counts after the change, by the same path as a recall's
// event (the message-events topic, read by every gateway). History and sync carry each
// message's reactions as the viewer sees them, one query per page.
import { isReactionEmoji, REACTION_EMOJI_RULE, type ReactionCount, type ReactionOp } from '../../contract/index.ts';
import { validationError } from '../errors.ts';
import type { Access } from './access.ts';
import type { EventPublisher } from './events.ts';
import type { MessageView } from './types.ts';

export interface ReactionChange {
  seq: number;
  changed: boolean;
  version: number;
  reactions: ReactionCount[];
}

export interface ReactedMessage {
  messageId: string;
  seq: number;
  reactions: ReactionCount[];
  version: number;
}

export interface ReactionsDeps {
  access: Access;
  events: EventPublisher;
  /** Distinct kinds a message may carry (MAX_REACTION_KINDS). */
  maxKinds: number;
  /** The atomic write; refusals come as repo errors (not found, not a member, recalled, limit). */
  setReaction(input: { conversationId: string; messageId: string; userId: string; emoji: string; op: ReactionOp; maxKinds: number }): Promise<ReactionChange>;
  reactionsOf(viewerId: string, messageIds: string[]): Promise<Map<string, ReactionCount[]>>;
  reactedSince(viewerId: string, conversationId: string, maxSeq: number, since: number): Promise<ReactedMessage[]>;
  memberIds(conversationId: string): Promise<string[]>;
}

export function createReactionsService(deps: ReactionsDeps) {
  return {
    async react(userId: string, conversationId: string, messageId: string, emoji: string, op: ReactionOp): Promise<ReactionChange> {
      if (!isReactionEmoji(emoji)) throw validationError('params.emoji', REACTION_EMOJI_RULE);
      // Unknown conversation, not a member (a world conversation is joined on first use).
      await deps.access.requireMember(conversationId, userId);
      const result = await deps.setReaction({ conversationId, messageId, userId, emoji, op, maxKinds: deps.maxKinds });
      // Announced also when nothing changed: a retry after a lost answer (or a lost event) still
      // reaches every device, and the version makes a repeat harmless.
      await deps.events.publish('message', await deps.memberIds(conversationId), {
        type: 'reaction',
        conversationId,
        messageId,
        seq: result.seq,
        userId,
        emoji,
        op,
        counts: result.reactions.map((r) => ({ emoji: r.emoji, count: r.count })),
        version: result.version,
      });
      return result;
    },

    /** The reactions of a page of messages the viewer may read; recalled ones show none. */
    async ofMessages(viewerId: string, messages: readonly MessageView[]): Promise<Map<string, ReactionCount[]>> {
      const ids = messages.filter((m) => !m.recalled && !m.deleted).map((m) => m.id);
      return ids.length === 0 ? new Map() : deps.reactionsOf(viewerId, ids);
    },

    /** For a sync with `since`, after the membership check of its page. */
    reactedSince(viewerId: string, conversationId: string, maxSeq: number, since: number): Promise<ReactedMessage[]> {
      return deps.reactedSince(viewerId, conversationId, maxSeq, since);
    },
  };
}

export type ReactionsService = ReturnType<typeof createReactionsService>;
