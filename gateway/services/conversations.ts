// Conversation list, details and group creation. Guests may read and write the world
// conversation and their 1:1 chats, but may not create groups.
import { forbidden, validationError } from '../errors.ts';
import type { Access, MemberAccess } from './access.ts';
import type { Authenticated } from './auth.ts';
import type { EventPublisher } from './events.ts';
import { ConversationType, type ConversationView, type ConversationWithDetails, type UserView } from './types.ts';

export interface ConversationsDeps {
  access: Access;
  events: EventPublisher;
  maxGroupMembers: number;
  /** The one-query list (details, own membership, last message, unread count), newest first. */
  listConversations(userId: string, offset: number, limit: number): Promise<ConversationWithDetails[]>;
  getUsers(ids: string[]): Promise<UserView[]>;
  createGroup(input: { ownerId: string; name: string; avatarUrl: string | null; memberIds: string[]; maxMembers: number }): Promise<ConversationView>;
  getWorldConversation(): Promise<ConversationView>;
}

export function createConversationsService(deps: ConversationsDeps) {
  return {
    list(userId: string, offset: number, limit: number): Promise<ConversationWithDetails[]> {
      return deps.listConversations(userId, offset, limit);
    },

    get(userId: string, conversationId: string): Promise<MemberAccess> {
      return deps.access.requireMember(conversationId, userId);
    },

    async world(userId: string): Promise<MemberAccess> {
      const world = await deps.getWorldConversation();
      return deps.access.requireMember(world.id, userId);
    },

    async createGroup(auth: Authenticated, input: { name: string; avatarUrl: string | null; memberIds: string[] }): Promise<ConversationView> {
      if (auth.guest) throw forbidden('guests cannot create groups');
      const name = input.name.trim();
      if (name.length === 0) throw validationError('body.name', 'must not be blank');
      const memberIds = [...new Set(input.memberIds)].filter((id) => id !== auth.userId);
      if (memberIds.length + 1 > deps.maxGroupMembers) throw validationError('body.member_ids', `a group holds at most ${deps.maxGroupMembers} members`);
      const found = new Set((await deps.getUsers(memberIds)).map((u) => u.id));
      const missing = memberIds.find((id) => !found.has(id));
      if (missing) throw validationError('body.member_ids', `user ${missing} does not exist`);
      const conversation = await deps.createGroup({ ownerId: auth.userId, name, avatarUrl: input.avatarUrl, memberIds, maxMembers: deps.maxGroupMembers });
      const everyone = [auth.userId, ...memberIds];
      await deps.events.publish('conversation', everyone, {
        type: 'conversation_created',
        conversationId: conversation.id,
        conversationType: ConversationType.group,
        memberIds: everyone,
      });
      return conversation;
    },
  };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
