import { Type } from '@fastify/type-provider-typebox';
import { Strict } from './common.ts';
import { User, Username } from './users.ts';

export const Password = Type.String({ minLength: 8, maxLength: 128, description: '8-128 characters with a letter and a digit' });

export const RegisterBody = Strict({ username: Username, password: Password });

// Login accepts any stored name shape (guest names included) so its errors never reveal rules.
export const LoginBody = Strict({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});

export const SessionResponse = Strict({
  token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_at: Type.Integer({ description: 'ms since epoch' }),
  user: User,
});
