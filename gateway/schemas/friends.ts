import { Type } from '@fastify/type-provider-typebox';
import { Id, Strict } from './common.ts';
import { User, toUser } from './users.ts';
import type { FriendRequestWithUsers, FriendView } from '../services/types.ts';

const STATUS_NAMES = ['pending', 'accepted', 'rejected', 'expired'] as const;
type StatusName = (typeof STATUS_NAMES)[number];
const Status = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired')]);
export const statusNumber = (name: StatusName) => STATUS_NAMES.indexOf(name);

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 }));

export const FriendRequest = Strict({
  id: Id,
  requester_id: Id,
  target_id: Id,
  message: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  created_at: Type.Integer(),
  handled_at: Type.Union([Type.Integer(), Type.Null()]),
  requester: Type.Union([User, Type.Null()]),
  target: Type.Union([User, Type.Null()]),
});

export const toFriendRequest = ({ request: r, requester, target }: FriendRequestWithUsers) => ({
  id: r.id,
  requester_id: r.requesterId,
  target_id: r.targetId,
  message: r.message,
  status: STATUS_NAMES[r.status] ?? 'pending',
  created_at: r.createdAt,
  handled_at: r.handledAt,
  requester: requester ? toUser(requester) : null,
  target: target ? toUser(target) : null,
});

export const SendRequestBody = Strict({
  target_user_id: Id,
  message: Type.Optional(Type.String({ maxLength: 255 })),
});

export const ListRequestsQuery = Strict({
  direction: Type.Optional(Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')], { default: 'incoming' })),
  status: Type.Optional(Status),
  before_id: Type.Optional(Id),
  limit: Limit,
});

export const AnswerBody = Strict({
  action: Type.Union([Type.Literal(1), Type.Literal(2)], { description: '1 accept, 2 reject' }),
});

export const AnswerResponse = Strict({
  request: FriendRequest,
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired')]),
  conversation_id: Type.Optional(Id),
});

export const Friend = Strict({
  user: User,
  since: Type.Integer(),
  online: Type.Boolean({ description: 'connected to some gateway now; `presence` events tell the changes' }),
});
export const toFriend = (f: FriendView & { online: boolean }) => ({ user: toUser(f.user), since: f.since, online: f.online });

export const FriendList = Strict({ friends: Type.Array(Friend), next_after_user_id: Type.Union([Id, Type.Null()]) });
export const FriendRequestList = Strict({ requests: Type.Array(FriendRequest), next_before_id: Type.Union([Id, Type.Null()]) });
export const FriendsQuery = Strict({ after_user_id: Type.Optional(Id), limit: Limit });
