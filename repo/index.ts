// The data layer's public API (documented in repo/README.md).
export { createOrm, ormOptions, type Orm, type Em } from './orm.ts';
export { createRedis, type Redis } from './redis.ts';
export { repoCtx, type RepoCtx } from './context.ts';
export { runMigrations } from './migrate.ts';
export * from './errors.ts';
export * from './types.ts';
export { cacheKeys, CACHE_TTL_SECONDS } from './cache.ts';
export * from './users/users.ts';
export * from './friends/friends.ts';
export { createSingleConversation, createGroupConversation, getConversation, DEFAULT_MAX_MEMBERS } from './conversations/conversations.ts';
export { addMembers, removeMembers, setMemberRole, setMemberMuted, getMembership, getMembers, getMemberIds, getMemberIdsOf } from './conversations/members.ts';
export { ensureWorldConversation, findWorldConversation } from './conversations/world.ts';
export { getUserConversationsWithDetails, getUnreadCounts, CACHED_LIST_SIZE } from './conversations/list.ts';
export * from './messages/messages.ts';
export { saveMessages, type BatchSaveResult } from './messages/save-batch.ts';
export { getRecalledSince, RECALL_SCAN_SEQS } from './messages/recalls.ts';
export { updateReadPointer, getReadPointer, getUnreadCount } from './read-pointers/read-pointers.ts';
export * from './presence/presence.ts';
