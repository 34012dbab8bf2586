import { Type } from '@fastify/type-provider-typebox';
import { Id, PageQuery, Strict } from './common.ts';
import type { UserView } from '../services/types.ts';

export const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$', description: "3-32 letters, digits, '_', '.', '-'" });
export const Nickname = Type.String({ minLength: 1, maxLength: 64 });
export const Url = Type.String({ maxLength: 512, pattern: '^https?://[^\\s]+$', description: 'an http(s) URL' });

export const User = Strict({
  id: Id,
  username: Type.String(),
  nickname: Type.Union([Type.String(), Type.Null()]),
  avatar_url: Type.Union([Type.String(), Type.Null()]),
  is_guest: Type.Boolean(),
  created_at: Type.Integer({ description: 'ms since epoch' }),
});

export const toUser = (u: UserView) => ({
  id: u.id,
  username: u.username,
  nickname: u.nickname,
  avatar_url: u.avatarUrl,
  is_guest: u.isGuest,
  created_at: u.createdAt,
});

export const SearchQuery = Strict({
  q: Type.String({ minLength: 1, maxLength: 32 }),
  limit: PageQuery.limit,
});

export const ProfilePatch = Type.Object(
  {
    nickname: Type.Optional(Type.Union([Nickname, Type.Null()])),
    avatar_url: Type.Optional(Type.Union([Url, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserList = Strict({ users: Type.Array(User) });
