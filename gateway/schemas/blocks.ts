import { Type } from '@fastify/type-provider-typebox';
import { Id, Strict } from './common.ts';
import { User, toUser } from './users.ts';
import type { FriendView } from '../services/types.ts';

export const UserParams = Strict({ user_id: Id });

export const Block = Strict({ user: User, since: Type.Integer({ description: 'when you blocked them (ms)' }) });
export const toBlock = (b: FriendView) => ({ user: toUser(b.user), since: b.since });

export const BlockList = Strict({ blocks: Type.Array(Block), next_after_user_id: Type.Union([Id, Type.Null()]) });
export const BlocksQuery = Strict({ after_user_id: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) });
