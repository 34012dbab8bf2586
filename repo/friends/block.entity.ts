import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

// One row per (blocker, blocked): the key answers "did A block B", the index "who blocked B".
export const UserBlock = defineEntity({
  name: 'UserBlock',
  tableName: 'user_blocks',
  properties: {
    blocker: () => p.manyToOne(User).mapToPk().primary().index(false).fieldName('blocker_id'),
    blocked: () => p.manyToOne(User).mapToPk().primary().index('idx_user_blocks_blocked').fieldName('blocked_id'),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});
