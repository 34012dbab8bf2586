import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

// Stored in both directions, so "friends of X" is one range scan of the primary key.
export const Friendship = defineEntity({
  name: 'Friendship',
  tableName: 'friendships',
  properties: {
    user: () => p.manyToOne(User).mapToPk().primary().index(false).fieldName('user_id'),
    friend: () => p.manyToOne(User).mapToPk().primary().fieldName('friend_id'),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});
