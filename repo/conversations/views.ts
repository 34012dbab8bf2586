import { idOf, idOrNull, ms, msOrNull, num, bool, type Row } from '../sql.ts';
import type { ConversationType, ConversationView, MemberRole, MemberView, Membership } from '../types.ts';

export const CONVERSATION_COLUMNS =
  'c.id, c.type, c.name, c.avatar_url, c.owner_id, c.member_count, c.last_message_id, c.last_seq, c.version, c.created_at, c.updated_at, c.announcement, c.mute_all, c.dissolved_at';

export function toConversationView(r: Row): ConversationView {
  return {
    id: idOf(r.id),
    type: num(r.type) as ConversationType,
    name: (r.name as string | null) ?? null,
    avatarUrl: (r.avatar_url as string | null) ?? null,
    ownerId: idOrNull(r.owner_id),
    memberCount: num(r.member_count),
    lastMessageId: idOrNull(r.last_message_id),
    lastSeq: num(r.last_seq),
    version: num(r.version),
    createdAt: ms(r.created_at),
    updatedAt: ms(r.updated_at),
    announcement: (r.announcement as string | null) ?? null,
    muteAll: bool(r.mute_all),
    dissolvedAt: msOrNull(r.dissolved_at),
  };
}

export const MEMBER_COLUMNS = 'cm.conversation_id, cm.user_id, cm.role, cm.muted, cm.muted_until, cm.joined_at, cm.do_not_disturb, cm.pinned_at';

/** The role, mutes and own settings of a member row (the columns of MEMBER_COLUMNS). */
export function membershipOf(r: Row): Membership {
  return {
    role: r.role as MemberRole,
    muted: bool(r.muted),
    mutedUntil: msOrNull(r.muted_until),
    joinedAt: ms(r.joined_at),
    doNotDisturb: bool(r.do_not_disturb),
    pinnedAt: msOrNull(r.pinned_at),
  };
}

export function toMemberView(r: Row): MemberView {
  return {
    conversationId: idOf(r.conversation_id),
    userId: idOf(r.user_id),
    ...membershipOf(r),
    ...(r.last_read_seq !== undefined ? { lastReadSeq: num(r.last_read_seq) } : {}),
    ...(r.last_delivered_seq !== undefined ? { lastDeliveredSeq: num(r.last_delivered_seq) } : {}),
  };
}
