import { defineEntity, p } from '@mikro-orm/core';

export const USERNAME_MAX = 32;
export const NICKNAME_MAX = 64;
export const URL_MAX = 512;

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    username: p.string().length(USERNAME_MAX).unique('uq_users_username'),
    passwordHash: p.string().length(255),
    nickname: p.string().length(NICKNAME_MAX).nullable(),
    avatarUrl: p.string().length(URL_MAX).nullable(),
    isGuest: p.boolean().default(false),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p.datetime(3).onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
