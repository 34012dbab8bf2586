import { Type } from '@fastify/type-provider-typebox';
import { toWireSender, WireSender } from '../../contract/index.ts';
import { Id, PageQuery, Strict } from './common.ts';
import { Url, User, toUser } from './users.ts';
import type { ConversationView, ConversationWithDetails, MembershipSettings, MemberView, MemberWithUser } from '../services/types.ts';

type Membership = Pick<MembershipSettings, 'role' | 'muted' | 'mutedUntil' | 'joinedAt' | 'doNotDisturb' | 'pinnedAt'>;
type LastMessageView = NonNullable<ConversationWithDetails['lastMessage']>;

const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Conversation = Strict({
  id: Id,
  type: Type.Integer({ description: '1 single, 2 group, 3 world' }),
  name: Nullable(Type.String()),
  avatar_url: Nullable(Type.String()),
  owner_id: Nullable(Id),
  member_count: Type.Integer(),
  last_seq: Type.Integer(),
  created_at: Type.Integer(),
  announcement: Nullable(Type.String({ description: "groups: the owner's or an admin's notice to members" })),
  mute_all: Type.Boolean({ description: 'groups: only the owner and admins may send (GROUP_MUTED for others)' }),
  dissolved: Type.Boolean({ description: 'groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED)' }),
});

export const toConversation = (c: ConversationView) => ({
  id: c.id,
  type: c.type,
  name: c.name,
  avatar_url: c.avatarUrl,
  owner_id: c.ownerId,
  member_count: c.memberCount,
  last_seq: c.lastSeq,
  created_at: c.createdAt,
  announcement: c.announcement,
  mute_all: c.muteAll,
  dissolved: c.dissolvedAt !== null,
});

/** Muted now: without an end, or until a time still ahead. */
const mutedNow = (m: Pick<MemberView, 'muted' | 'mutedUntil'>) => m.muted || (m.mutedUntil !== null && m.mutedUntil > Date.now());
const mutedUntilNow = (m: Pick<MemberView, 'mutedUntil'>) => (m.mutedUntil !== null && m.mutedUntil > Date.now() ? m.mutedUntil : null);

export const MembershipSchema = Strict({
  role: Role,
  muted: Type.Boolean({ description: 'muted now (sends refused with MUTED)' }),
  muted_until: Nullable(Type.Integer({ description: 'ms: when a timed mute ends; null when not muted or muted without an end' })),
  joined_at: Type.Integer(),
  do_not_disturb: Type.Boolean({ description: 'your setting: notify quietly, if at all (clients and push honour it)' }),
  pinned: Type.Boolean({ description: 'your setting: listed before the others' }),
});
const toMembership = (m: Membership) => ({
  role: m.role,
  muted: mutedNow(m),
  muted_until: mutedUntilNow(m),
  joined_at: m.joinedAt,
  do_not_disturb: m.doNotDisturb,
  pinned: m.pinnedAt !== null,
});

export const ConversationDetail = Strict({ conversation: Conversation, membership: MembershipSchema });
export const toDetail = (a: { conversation: ConversationView; membership: Membership }) => ({
  conversation: toConversation(a.conversation),
  membership: toMembership(a.membership),
});

const LastMessage = Strict({
  message_id: Id,
  seq: Type.Integer(),
  sender: WireSender,
  content: Type.String({ description: 'empty once recalled or deleted' }),
  msg_type: Type.Integer(),
  recalled: Type.Boolean(),
  created_at: Type.Integer(),
});

const toLastMessage = (m: LastMessageView) => ({
  message_id: m.id,
  seq: m.seq,
  sender: toWireSender(m.sender),
  content: m.recalled || m.deleted ? '' : m.content,
  msg_type: m.type,
  recalled: m.recalled,
  created_at: m.createdAt,
});

export const ConversationListItem = Strict({
  conversation: Conversation,
  membership: MembershipSchema,
  last_message: Nullable(LastMessage),
  unread_count: Type.Integer(),
  mention_count: Type.Integer({ description: 'unread messages (as unread_count counts them) that mention you or everyone (`mention_all`)' }),
  last_read_seq: Type.Integer({ description: 'your read pointer: the last seq you marked read' }),
});

export const toListItem = (s: ConversationWithDetails) => ({
  conversation: toConversation(s.conversation),
  membership: toMembership(s.membership),
  last_message: s.lastMessage ? toLastMessage(s.lastMessage) : null,
  unread_count: s.unreadCount,
  mention_count: s.mentionCount,
  last_read_seq: s.lastReadSeq,
});

export const ConversationList = Strict({ conversations: Type.Array(ConversationListItem) });
export const ListQuery = Strict(PageQuery);

export const CreateGroupBody = Strict({
  name: Type.String({ minLength: 1, maxLength: 128 }),
  avatar_url: Type.Optional(Url),
  member_ids: Type.Array(Id, { maxItems: 500, description: 'initial members besides you (more can be added later)' }),
});

export const Member = Strict({
  user_id: Id, user: Nullable(User), role: Role, muted: Type.Boolean(),
  muted_until: Nullable(Type.Integer({ description: 'ms: when a timed mute ends; null when not muted or muted without an end' })),
  joined_at: Type.Integer(),
  last_read_seq: Type.Integer({ description: 'the member\'s read pointer (what read receipts show)' }),
  last_delivered_seq: Type.Integer({ description: 'the member\'s delivered pointer: the last seq one of their devices reported received (never below last_read_seq)' }),
});
export const toMember = ({ member, user }: MemberWithUser) => ({
  user_id: member.userId,
  user: user ? toUser(user) : null,
  role: member.role,
  muted: mutedNow(member),
  muted_until: mutedUntilNow(member),
  joined_at: member.joinedAt,
  last_read_seq: member.lastReadSeq ?? 0,
  last_delivered_seq: Math.max(member.lastDeliveredSeq ?? 0, member.lastReadSeq ?? 0),
});
export const MemberList = Strict({ members: Type.Array(Member), next_after_user_id: Nullable(Id) });
export const MembersQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  after_user_id: Type.Optional(Id),
});

export const AddMembersBody = Strict({ user_ids: Type.Array(Id, { minItems: 1, maxItems: 500 }) });
export const AddMembersResponse = Strict({ added: Type.Array(Id) });
export const MemberParams = Strict({ id: Id, userId: Id });
export const RoleBody = Strict({ role: Role });
