// The data layer's public API (documented in repo/README.md).
export { createOrm, type Orm, type Em } from './orm.ts';
export { createRedis, type RedisClient } from './redis.ts';
export { repoCtx, type RepoCtx } from './context.ts';
export { runMigrations } from './migrate.ts';
export * from './errors.ts';
export * from './types.ts';
export { cacheKeys, publishVersions } from './cache.ts';
export { createUser, getUser, getUsers, getUserCredentials, searchUsers, updateUserProfile } from './users/users.ts';
export {
  createFriendRequest, getFriendRequest, updateFriendRequest, listIncomingRequests, listOutgoingRequests, listFriends, listFriendIds,
  removeFriendship,
} from './friends/friends.ts';
export { blockUser, unblockUser, listBlocks, blockedAmong } from './friends/blocks.ts';
export { createSingleConversation, createGroupConversation, getConversation } from './conversations/conversations.ts';
export { addMembers, removeMembers, setMemberRole, getMembership, getMembers, getMemberIds, getMemberIdsOf } from './conversations/members.ts';
export { getMemberIdsBetween, getMemberPageBounds } from './conversations/member-pages.ts';
export { ensureWorldConversation } from './conversations/world.ts';
export { updateGroup, setMuteAll, dissolveGroup, setMemberMute, type GroupPatch } from './conversations/admin.ts';
export { updateConversationSettings, type ConversationSettings } from './conversations/settings.ts';
export { getUserConversationsWithDetails } from './conversations/list.ts';
export { saveMessage, checkMessageIdempotency, getMessage, getMessagesAfterSeq, getMessagesBefore, recallMessage } from './messages/messages.ts';
export { type BatchSaveResult } from './messages/save-batch.ts';
export { getSendRefusal, type SendRefusalCode } from './messages/send-rules.ts';
export { saveMessagesAcross, type ConversationSaves } from './messages/save-across.ts';
export { getRecalledSince } from './messages/recalls.ts';
export { getMembersAmong } from './messages/references.ts';
export { searchMessages, type SearchInput } from './search/search.ts';
export { editMessage, getEditedSince, type EditResult } from './messages/edits.ts';
export { updateReadPointer, advanceDeliveredPointer } from './read-pointers/read-pointers.ts';
export { getMessageReceipts, type MessageReceipts } from './read-pointers/receipts.ts';
export { setReaction, type ReactionInput, type ReactionResult } from './reactions/reactions.ts';
export { getReactions, getReactedSince } from './reactions/summaries.ts';
export {
  setGatewayConnections, refreshGatewayMark, heartbeats, getOnlineStatus, getOnlineGateways, findExpired, cleanupExpired,
} from './presence/presence.ts';
export { loadGatewayPositions, saveGatewayPositions } from './gateway-positions/positions.ts';
export * from './attachments/index.ts';
export * from './push/index.ts';
