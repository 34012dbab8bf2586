import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';
import { Conversation } from './conversation.entity.ts';

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ConversationMember = defineEntity({
  name: 'ConversationMember',
  tableName: 'conversation_members',
  properties: {
    conversation: () => p.manyToOne(Conversation).mapToPk().primary().index(false).fieldName('conversation_id'),
    user: () => p.manyToOne(User).mapToPk().primary().index(false).fieldName('user_id'),
    role: p.enum(MEMBER_ROLES).default('member'),
    /** Muted without an end; a timed mute is `mutedUntil`. */
    muted: p.boolean().default(false),
    /** Muted until this time; a past time no longer applies. */
    mutedUntil: p.datetime(3).nullable(),
    doNotDisturb: p.boolean().default(false),
    /** Null: not pinned. */
    pinnedAt: p.datetime(3).nullable(),
    /** The conversation's last seq when the member hid it (null: not hidden); a later message shows it again. */
    hiddenSeq: p.bigint('number').unsigned().nullable(),
    joinedAt: p.datetime(3).onCreate(() => new Date()),
  },
  // The primary key serves members of a conversation; this serves conversations of a user.
  indexes: [{ name: 'idx_members_user', properties: ['user', 'conversation'] }],
});
