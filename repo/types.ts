// Plain values the repo functions return: no ORM entities leak out, 64-bit ids are decimal
// strings, times are ms since epoch (as in the Kafka payloads), so every value survives JSON.

import type { Id, ReplyRef, StoredMessage } from '../contract/index.ts';

export type { Id };

export const CONVERSATION_TYPES = { single: 1, group: 2, world: 3 } as const;
export type ConversationType = 1 | 2 | 3;

export const FRIEND_REQUEST_STATUS = { pending: 0, accepted: 1, rejected: 2, expired: 3 } as const;
export type FriendRequestStatus = 0 | 1 | 2 | 3;

export type { MemberRole } from './conversations/member.entity.ts';
import type { MemberRole } from './conversations/member.entity.ts';

export interface UserView {
  id: Id;
  username: string;
  nickname: string | null;
  avatarUrl: string | null;
  isGuest: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface UserCredentials {
  id: Id;
  username: string;
  passwordHash: string;
  isGuest: boolean;
}

export interface FriendRequestView {
  id: Id;
  requesterId: Id;
  targetId: Id;
  message: string | null;
  status: FriendRequestStatus;
  createdAt: number;
  handledAt: number | null;
}

export interface FriendView {
  user: UserView;
  since: number;
}

export interface ConversationView {
  id: Id;
  type: ConversationType;
  name: string | null;
  avatarUrl: string | null;
  ownerId: Id | null;
  memberCount: number;
  lastMessageId: Id | null;
  lastSeq: number;
  /** Bumped by every change a conversation list shows. */
  version: number;
  createdAt: number;
  updatedAt: number;
  /** Groups: the notice members see (null: none). */
  announcement: string | null;
  /** Groups: only the owner and admins may send. */
  muteAll: boolean;
  /** Groups: when the owner dissolved it (null: not dissolved). */
  dissolvedAt: number | null;
}

/** A member's role, mutes and own settings, as the member row holds them. */
export interface Membership {
  role: MemberRole;
  /** Muted without an end. */
  muted: boolean;
  /** Muted until then (ms); a past time no longer applies. */
  mutedUntil: number | null;
  joinedAt: number;
  /** The member's own settings (shown to that member only). */
  doNotDisturb: boolean;
  /** When the member pinned it (ms; null: not pinned). */
  pinnedAt: number | null;
}

export interface MemberView extends Membership {
  conversationId: Id;
  userId: Id;
  /** The member's read pointer, where the query read it (getMembers). */
  lastReadSeq?: number;
  /** The member's delivered pointer (never below the read pointer: read implies delivered), where the query read it (getMembers). */
  lastDeliveredSeq?: number;
}

/** A stored message row; the shape is the contract's, so every mapper starts from it. */
export type MessageView = StoredMessage;

export interface SaveMessageInput {
  conversationId: Id;
  senderId: Id;
  clientMsgId: string;
  messageType: number;
  content: string;
  /** A message of the same conversation this one replies to (refused otherwise). */
  replyToId?: Id | null;
  /** Members mentioned (refused when one is not a member); repeats count once. */
  mentions?: Id[];
  /** @all: the owner's or an admin's only. */
  mentionAll?: boolean;
}

export interface SavedMessage {
  messageId: Id;
  conversationId: Id;
  seq: number;
  createdAt: number;
  /** What is stored: a repeat answers with the original, whatever the repeat carried. */
  messageType: number;
  /** Empty once recalled or deleted. */
  content: string;
  recalled: boolean;
  /** True when (sender, clientMsgId) was stored before: nothing new was written. */
  duplicate: boolean;
  /** The quote as the store read it (absent: not a reply, or the original of a repeat quotes nothing). */
  replyTo?: ReplyRef;
  mentions?: Id[];
  mentionAll?: boolean;
}

export interface LastMessage {
  id: Id;
  seq: number;
  type: number;
  content: string;
  deleted: boolean;
  recalled: boolean;
  createdAt: number;
  sender: { id: Id; username: string; nickname: string | null; avatarUrl: string | null };
}

/** The user's membership as the conversation list shows it: role, mutes and their own settings. */
export interface MembershipSettings extends Membership {
  /** The conversation's last seq when the user hid it (null: never hidden); shown again once a later message arrives. */
  hiddenSeq: number | null;
}

export interface ConversationWithDetails {
  conversation: ConversationView;
  membership: MembershipSettings;
  lastMessage: LastMessage | null;
  unreadCount: number;
  /** Unread messages (same rule as unreadCount) that mention the user or everyone. */
  mentionCount: number;
  lastReadSeq: number;
}
