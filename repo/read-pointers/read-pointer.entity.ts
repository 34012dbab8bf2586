import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';
import { Conversation } from '../conversations/conversation.entity.ts';

export const ReadPointer = defineEntity({
  name: 'ReadPointer',
  tableName: 'user_read_pointers',
  properties: {
    user: () => p.manyToOne(User).mapToPk().primary().index(false).fieldName('user_id'),
    conversation: () => p.manyToOne(Conversation).mapToPk().primary().fieldName('conversation_id'),
    lastReadSeqId: p.bigint('number').unsigned().default(0),
    /** What the member's devices reported received; readers take the greater of it and the read pointer. */
    lastDeliveredSeqId: p.bigint('number').unsigned().default(0),
    updatedAt: p.datetime(3).onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
