// The REST services' dependencies on the real stores: repo functions over MySQL and Redis, each
// call in its own EntityManager fork (one unit of work), and the repo errors a service expects
// turned into the answers its deps promise (null, 'full', 'last_owner').
import type { ErrorCode } from '../../contract/index.ts';
import * as repo from '../../repo/index.ts';
import { SEND_REFUSAL_CODES } from '../../domain/send-refusals.ts';
import type { AccessDeps } from './access.ts';
import type { AuthDeps } from './auth.ts';
import type { BlocksDeps } from './blocks.ts';
import type { ConversationsDeps } from './conversations.ts';
import type { FriendsDeps } from './friends.ts';
import type { GroupsDeps } from './groups.ts';
import type { MembersDeps } from './members.ts';
import type { MessagesDeps } from './messages.ts';
import type { ReactionsDeps } from './reactions.ts';
import type { ReceiptsDeps } from './receipts.ts';
import type { SearchDeps } from './search.ts';
import type { TypingDeps } from './typing.ts';
import type { UsersDeps } from './users.ts';

type Ctx = () => repo.RepoCtx;

/** Every reason the store gives has its code (checked here, where both types are in view). */
const SEND_REFUSAL_CODE: Record<repo.SendRefusalCode, ErrorCode> = SEND_REFUSAL_CODES;

const MEMBER_ID_PAGE = 5000;
const REQUEST_PAGE = 100;

/** Pages through every member id (keyset), for event recipient lists. */
async function allMemberIds(ctx: Ctx, conversationId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await repo.getMemberIds(ctx(), conversationId, { limit: MEMBER_ID_PAGE, ...(after ? { afterUserId: after } : {}) });
    ids.push(...page);
    if (page.length < MEMBER_ID_PAGE) return ids;
    after = page.at(-1);
  }
}

export function accessRepoDeps(ctx: Ctx): Pick<AccessDeps, 'getConversation' | 'getMembership'> {
  return {
    getConversation: (id) => repo.getConversation(ctx(), id),
    getMembership: (conversationId, userId) => repo.getMembership(ctx(), conversationId, userId),
  };
}

export function authRepoDeps(ctx: Ctx): Pick<AuthDeps, 'createUser' | 'findCredentials' | 'getUser'> {
  return {
    createUser: async (input) => {
      try {
        return await repo.createUser(ctx(), input);
      } catch (err) {
        if (err instanceof repo.ConflictError && err.reason === 'username_taken') return null;
        throw err;
      }
    },
    findCredentials: (username) => repo.getUserCredentials(ctx(), username),
    getUser: (id) => repo.getUser(ctx(), id),
  };
}

export function usersRepoDeps(ctx: Ctx): UsersDeps {
  return {
    getUser: (id) => repo.getUser(ctx(), id),
    searchUsers: (q, limit) => repo.searchUsers(ctx(), q, limit),
    updateProfile: async (id, patch) => {
      try {
        return await repo.updateUserProfile(ctx(), id, patch);
      } catch (err) {
        if (err instanceof repo.NotFoundError) return null;
        throw err;
      }
    },
  };
}

/** The pending request `requesterId` sent `targetId`, if any (pages through the requester's pending ones). */
async function findPendingOutgoing(ctx: Ctx, requesterId: string, targetId: string) {
  for (let beforeId: string | undefined; ;) {
    const page = await repo.listOutgoingRequests(ctx(), requesterId, { status: 0, limit: REQUEST_PAGE, ...(beforeId ? { beforeId } : {}) });
    const hit = page.find((r) => r.targetId === targetId);
    if (hit || page.length < REQUEST_PAGE) return hit ?? null;
    beforeId = page.at(-1)?.id;
  }
}

export function friendsRepoDeps(ctx: Ctx): Omit<FriendsDeps, 'startWorkflow' | 'answer'> {
  return {
    getUser: (id) => repo.getUser(ctx(), id),
    getUsers: (ids) => repo.getUsers(ctx(), ids),
    createRequest: (input) => repo.createFriendRequest(ctx(), input),
    findPendingOutgoing: (requesterId, targetId) => findPendingOutgoing(ctx, requesterId, targetId),
    getRequest: (id) => repo.getFriendRequest(ctx(), id),
    listRequests: (userId, direction, opts) => {
      const o = { limit: opts.limit, ...(opts.status !== undefined ? { status: opts.status as repo.FriendRequestStatus } : {}), ...(opts.beforeId ? { beforeId: opts.beforeId } : {}) };
      return direction === 'incoming' ? repo.listIncomingRequests(ctx(), userId, o) : repo.listOutgoingRequests(ctx(), userId, o);
    },
    listFriends: (userId, opts) => repo.listFriends(ctx(), userId, { limit: opts.limit, ...(opts.afterUserId ? { afterUserId: opts.afterUserId } : {}) }),
    onlineAmong: async (userIds) => new Set((await repo.getOnlineGateways(ctx().redis, userIds)).keys()),
    blockedAmong: (userId, others) => repo.blockedAmong(ctx(), userId, others),
    removeFriendship: (userId, friendId) => repo.removeFriendship(ctx(), userId, friendId),
  };
}

export function blocksRepoDeps(ctx: Ctx): Omit<BlocksDeps, 'rejectRequest'> {
  return {
    findPendingRequest: (requesterId, targetId) => findPendingOutgoing(ctx, requesterId, targetId),
    getUser: (id) => repo.getUser(ctx(), id),
    block: async (blockerId, blockedId) => {
      await repo.blockUser(ctx(), blockerId, blockedId);
    },
    unblock: async (blockerId, blockedId) => {
      await repo.unblockUser(ctx(), blockerId, blockedId);
    },
    listBlocks: (userId, opts) => repo.listBlocks(ctx(), userId, { limit: opts.limit, ...(opts.afterUserId ? { afterUserId: opts.afterUserId } : {}) }),
  };
}

export function conversationsRepoDeps(ctx: Ctx): Pick<ConversationsDeps, 'listConversations' | 'getUsers' | 'createGroup'> {
  return {
    listConversations: (userId, offset, limit) => repo.getUserConversationsWithDetails(ctx(), userId, offset, limit),
    getUsers: (ids) => repo.getUsers(ctx(), ids),
    createGroup: (input) => repo.createGroupConversation(ctx(), input),
  };
}

export function membersRepoDeps(ctx: Ctx): Omit<MembersDeps, 'access' | 'events' | 'maxGroupMembers'> {
  return {
    listMembers: (conversationId, afterUserId, limit) => repo.getMembers(ctx(), conversationId, { limit, ...(afterUserId ? { afterUserId } : {}) }),
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
    getUsers: (ids) => repo.getUsers(ctx(), ids),
    getMembership: (conversationId, userId) => repo.getMembership(ctx(), conversationId, userId),
    addMembers: async (conversationId, userIds, maxMembers) => {
      try {
        return (await repo.addMembers(ctx(), conversationId, userIds, { maxMembers })).added;
      } catch (err) {
        if (err instanceof repo.ConflictError && err.reason === 'capacity_exceeded') return 'full';
        throw err;
      }
    },
    removeMember: async (conversationId, userId) => {
      try {
        return (await repo.removeMembers(ctx(), conversationId, [userId])).removed.length > 0;
      } catch (err) {
        if (err instanceof repo.ConflictError && err.reason === 'last_owner') return 'last_owner';
        throw err;
      }
    },
    setRole: async (conversationId, userId, role) => {
      await repo.setMemberRole(ctx(), conversationId, userId, role);
    },
  };
}

export function groupsRepoDeps(ctx: Ctx): Omit<GroupsDeps, 'access' | 'events' | 'now'> {
  const current = async (conversationId: string) => {
    const conversation = await repo.getConversation(ctx(), conversationId);
    if (!conversation) throw new repo.NotFoundError('conversation', conversationId);
    return conversation;
  };
  return {
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
    getMembership: (conversationId, userId) => repo.getMembership(ctx(), conversationId, userId),
    updateGroup: (conversationId, patch) => repo.updateGroup(ctx(), conversationId, patch),
    setMuteAll: (conversationId, enabled) => repo.setMuteAll(ctx(), conversationId, enabled),
    dissolve: (conversationId) => repo.dissolveGroup(ctx(), conversationId),
    transferOwnership: async (conversationId, userId) => {
      await repo.setMemberRole(ctx(), conversationId, userId, 'owner');
      return current(conversationId);
    },
    setMemberMute: (conversationId, userId, mute) => repo.setMemberMute(ctx(), conversationId, userId, mute && { until: mute.until === null ? null : new Date(mute.until) }),
    updateSettings: (conversationId, userId, patch) => repo.updateConversationSettings(ctx(), conversationId, userId, patch),
  };
}

export function messagesRepoDeps(ctx: Ctx): Pick<
  MessagesDeps,
  'history' | 'markRead' | 'getMessage' | 'recallMessage' | 'editMessage' | 'findByClientMsgId' | 'memberIds' | 'recalledSince' | 'editedSince' | 'membersAmong' | 'sendRefusal'
> {
  return {
    history: async (conversationId, range, limit) => {
      if (range.afterSeq !== undefined) return repo.getMessagesAfterSeq(ctx(), conversationId, range.afterSeq, limit);
      return (await repo.getMessagesBefore(ctx(), conversationId, range.beforeSeq ?? null, limit)).reverse();
    },
    markRead: async (userId, conversationId, seq) => (await repo.updateReadPointer(ctx(), userId, conversationId, seq)).lastReadSeq,
    getMessage: (id) => repo.getMessage(ctx(), id),
    recallMessage: (id, byUserId, windowMs) => repo.recallMessage(ctx(), id, byUserId, { windowMs }),
    editMessage: (id, byUserId, content, windowMs) => repo.editMessage(ctx(), id, byUserId, content, { windowMs }),
    findByClientMsgId: async (senderId, clientMsgId) => {
      const saved = await repo.checkMessageIdempotency(ctx(), senderId, clientMsgId);
      return saved ? repo.getMessage(ctx(), saved.messageId) : null;
    },
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
    recalledSince: (conversationId, maxSeq, sentSince) => repo.getRecalledSince(ctx(), conversationId, maxSeq, sentSince),
    editedSince: (conversationId, maxSeq, since) => repo.getEditedSince(ctx(), conversationId, maxSeq, since),
    membersAmong: (conversationId, userIds) => repo.getMembersAmong(ctx(), conversationId, userIds),
    sendRefusal: async (conversationId, userId) => {
      const refused = await repo.getSendRefusal(ctx(), conversationId, userId);
      return refused && { code: SEND_REFUSAL_CODE[refused.code], message: refused.message };
    },
  };
}

export function typingRepoDeps(ctx: Ctx): Pick<TypingDeps, 'memberIds' | 'sendRefused'> {
  return {
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
    sendRefused: async (conversationId, userId) => (await repo.getSendRefusal(ctx(), conversationId, userId)) !== null,
  };
}

export function reactionsRepoDeps(ctx: Ctx): Pick<ReactionsDeps, 'setReaction' | 'reactionsOf' | 'reactedSince' | 'memberIds'> {
  return {
    setReaction: (input) => repo.setReaction(ctx(), input),
    reactionsOf: (viewerId, messageIds) => repo.getReactions(ctx(), viewerId, messageIds),
    reactedSince: (viewerId, conversationId, maxSeq, since) => repo.getReactedSince(ctx(), viewerId, conversationId, maxSeq, since),
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
  };
}

export function receiptsRepoDeps(ctx: Ctx): Pick<ReceiptsDeps, 'advanceDelivered' | 'getMessage' | 'receiptsOf' | 'memberIds'> {
  return {
    advanceDelivered: (userId, conversationId, seq) => repo.advanceDeliveredPointer(ctx(), userId, conversationId, seq),
    getMessage: (id) => repo.getMessage(ctx(), id),
    receiptsOf: (conversationId, seq, senderId, sentAt) => repo.getMessageReceipts(ctx(), conversationId, seq, senderId, sentAt),
    memberIds: (conversationId) => allMemberIds(ctx, conversationId),
  };
}

export function searchRepoDeps(ctx: Ctx): Pick<SearchDeps, 'search'> {
  return {
    search: async (userId, text, opts) => {
      try {
        return await repo.searchMessages(ctx(), { userId, query: text, ...opts });
      } catch (err) {
        if (err instanceof repo.ValidationError && err.field === 'query') return null;
        throw err;
      }
    },
  };
}
