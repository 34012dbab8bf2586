import { defineEntity, p } from '@mikro-orm/core';
import { ANNOUNCEMENT_MAX_CHARS } from '../../contract/groups.ts';
import { User } from '../users/user.entity.ts';

export const CONVERSATION_NAME_MAX = 128;

export const Conversation = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    /** 1 single, 2 group, 3 world. */
    type: p.tinyint(),
    name: p.string().length(CONVERSATION_NAME_MAX).nullable(),
    avatarUrl: p.string().length(512).nullable(),
    owner: () => p.manyToOne(User).mapToPk().nullable().fieldName('owner_id'),
    /** "{lowId}:{highId}" for single conversations: the unique key that keeps one per pair. */
    pairKey: p.string().length(41).nullable().unique('uq_conversations_pair_key'),
    memberCount: p.integer().unsigned().default(0),
    // No foreign key: messages reference conversations, and the cycle would only slow inserts.
    lastMessageId: p.bigint('string').unsigned().nullable(),
    lastSeq: p.bigint('number').unsigned().default(0),
    /** Bumped by every change a conversation list shows; cached lists compare it to detect staleness. */
    version: p.bigint('number').unsigned().default(0),
    /** Groups: the notice members see (null: none). */
    announcement: p.string().length(ANNOUNCEMENT_MAX_CHARS).nullable(),
    /** Groups: only the owner and admins may send while set. */
    muteAll: p.boolean().default(false),
    /** Groups: set once when the owner dissolves it; sends and administration are refused after. */
    dissolvedAt: p.datetime(3).nullable(),
    /** Single: set while its two users are not friends (sends refused), cleared when they are again. */
    unfriendedAt: p.datetime(3).nullable(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p.datetime(3).onCreate(() => new Date()),
  },
});
