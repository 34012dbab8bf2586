import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

export const REQUEST_MESSAGE_MAX = 255;

export const FriendRequest = defineEntity({
  name: 'FriendRequest',
  tableName: 'friendship_requests',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    requester: () => p.manyToOne(User).mapToPk().index(false).fieldName('requester_id'),
    target: () => p.manyToOne(User).mapToPk().index(false).fieldName('target_id'),
    message: p.string().length(REQUEST_MESSAGE_MAX).nullable(),
    /** 0 pending, 1 accepted, 2 rejected, 3 expired. */
    status: p.tinyint().default(0),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    handledAt: p.datetime(3).nullable(),
  },
  // Incoming and outgoing lists, and the "already pending between these two?" check.
  indexes: [
    { name: 'idx_freq_target_status', properties: ['target', 'status', 'id'] },
    { name: 'idx_freq_requester_status', properties: ['requester', 'status', 'id'] },
  ],
});
