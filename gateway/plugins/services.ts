// The composition root of the REST half: builds every service with its narrow deps from the
// infrastructure plugins (ORM, Redis, Kafka, Temporal) and decorates `app.services`.
// Each repo call runs in its own EntityManager fork: every repo function is one unit of work.
import fp from 'fastify-plugin';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionEvent } from '../../contract/index.ts';
import type { Config } from '../../config/index.ts';
import * as repo from '../../repo/index.ts';
import { createRateLimiter } from '../../repo/rate-limit.ts';
import { createTokenRevocations } from '../../repo/auth/revocations.ts';
import { createAccess } from '../services/access.ts';
import { createAuthService, NO_PASSWORD, SYSTEM_USERNAME, type AuthService } from '../services/auth.ts';
import { createConversationsService, type ConversationsService } from '../services/conversations.ts';
import { createEventPublisher } from '../services/events.ts';
import { createFriendFlow } from '../services/friend-flow.ts';
import { createFriendsService, type FriendsService } from '../services/friends.ts';
import { createMembersService, type MembersService } from '../services/members.ts';
import { createMessagesService, type MessagesService } from '../services/messages.ts';
import { createTokens } from '../services/tokens.ts';
import { createUsersService, type UsersService } from '../services/users.ts';

export interface Services {
  auth: AuthService;
  users: UsersService;
  friends: FriendsService;
  conversations: ConversationsService;
  members: MembersService;
  messages: MessagesService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Pages through every member id (keyset), for event recipient lists. */
async function allMemberIds(ctx: () => repo.RepoCtx, conversationId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await repo.getMemberIds(ctx(), conversationId, { limit: 5000, ...(after ? { afterUserId: after } : {}) });
    ids.push(...page);
    if (page.length < 5000) return ids;
    after = page.at(-1);
  }
}

/**
 * The account that owns the world conversation. It cannot sign in (its password hash is not a
 * hash) and its name is reserved for registration (services/auth.ts).
 */
async function systemUser(ctx: () => repo.RepoCtx): Promise<string> {
  const existing = await repo.getUserCredentials(ctx(), SYSTEM_USERNAME);
  if (existing) {
    if (existing.passwordHash !== NO_PASSWORD) throw new Error(`the reserved account '${SYSTEM_USERNAME}' belongs to a person; rename it before the world conversation can be created`);
    return existing.id;
  }
  try {
    return (await repo.createUser(ctx(), { username: SYSTEM_USERNAME, passwordHash: NO_PASSWORD, isGuest: false })).id;
  } catch (err) {
    const again = await repo.getUserCredentials(ctx(), SYSTEM_USERNAME);
    if (again) return again.id;
    throw err;
  }
}

export default fp<{ config: Config }>(
  (app, { config }, done) => {
    const ctx = () => repo.repoCtx(app.orm, app.redis, app.metrics.cacheRead);
    const events = createEventPublisher(app.kafka.coalesced, app.kafka.topics);
    // The world conversation's identity is in MySQL (unique key), so every gateway finds the
    // same one; the id is remembered per process after the first lookup.
    let worldId: string | undefined;
    const world = async () => {
      const found = worldId ? await repo.getConversation(ctx(), worldId) : null;
      if (found) return found;
      const view = await repo.ensureWorldConversation(ctx(), await systemUser(ctx));
      worldId = view.id;
      return view;
    };
    const joinWorld = async (userId: string, conversationId: string) => {
      await repo.addMembers(ctx(), conversationId, [userId], { role: 'member', maxMembers: config.chat.maxGroupMembers });
      const membership = await repo.getMembership(ctx(), conversationId, userId);
      if (!membership) throw new Error(`joining world conversation ${conversationId} left no membership`);
      return membership;
    };
    const access = createAccess({
      getConversation: (id) => repo.getConversation(ctx(), id),
      getMembership: (conversationId, userId) => repo.getMembership(ctx(), conversationId, userId),
      joinWorld,
    });

    const auth = createAuthService({
      tokens: createTokens(config.auth),
      revocations: createTokenRevocations(ctx),
      limiter: createRateLimiter(app.redis),
      limits: {
        loginPerAccountPerMinute: config.auth.loginAttemptsPerMinute,
        loginPerIpPerMinute: config.auth.loginAttemptsPerIpPerMinute,
        signupsPerIpPerMinute: config.auth.signupsPerIpPerMinute,
      },
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
      joinWorld: async (userId) => {
        await joinWorld(userId, (await world()).id);
      },
      announceRevocation: async (userId, tokenId) => {
        const record: SessionEvent = { kind: 'token_revoked', userId, tokenId, at: Date.now() };
        await app.kafka.producer.send(app.kafka.topics.sessionEvents, [{ key: userId, value: record }]);
      },
    });

    const users = createUsersService({
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
    });

    const flow = createFriendFlow({ temporal: app.temporal, config });
    const friends = createFriendsService({
      getUser: (id) => repo.getUser(ctx(), id),
      getUsers: (ids) => repo.getUsers(ctx(), ids),
      createRequest: (input) => repo.createFriendRequest(ctx(), input),
      findPendingOutgoing: async (requesterId, targetId) => {
        for (let beforeId: string | undefined; ;) {
          const page = await repo.listOutgoingRequests(ctx(), requesterId, { status: 0, limit: 100, ...(beforeId ? { beforeId } : {}) });
          const hit = page.find((r) => r.targetId === targetId);
          if (hit || page.length < 100) return hit ?? null;
          beforeId = page.at(-1)?.id;
        }
      },
      getRequest: (id) => repo.getFriendRequest(ctx(), id),
      listRequests: (userId, direction, opts) => {
        const o = { limit: opts.limit, ...(opts.status !== undefined ? { status: opts.status as repo.FriendRequestStatus } : {}), ...(opts.beforeId ? { beforeId: opts.beforeId } : {}) };
        return direction === 'incoming' ? repo.listIncomingRequests(ctx(), userId, o) : repo.listOutgoingRequests(ctx(), userId, o);
      },
      listFriends: (userId, opts) => repo.listFriends(ctx(), userId, { limit: opts.limit, ...(opts.afterUserId ? { afterUserId: opts.afterUserId } : {}) }),
      startWorkflow: (request) => flow.start(request),
      answer: (requestId, action, actingUserId) => flow.answer(requestId, action, actingUserId),
    });

    const conversations = createConversationsService({
      access,
      events,
      maxGroupMembers: config.chat.maxGroupMembers,
      listConversations: (userId, offset, limit) => repo.getUserConversationsWithDetails(ctx(), userId, offset, limit),
      getUsers: (ids) => repo.getUsers(ctx(), ids),
      createGroup: (input) => repo.createGroupConversation(ctx(), input),
      getWorldConversation: world,
    });

    const members = createMembersService({
      access,
      events,
      maxGroupMembers: config.chat.maxGroupMembers,
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
    });

    const messages = createMessagesService({
      access,
      events,
      gatewayId: config.gatewayId,
      recallWindowMs: config.chat.recallWindowMs,
      maxContentBytes: config.chat.maxContentBytes,
      readReceiptMaxMembers: config.chat.fanoutThreshold,
      sendWaitMs: 5000,
      now: Date.now,
      sleep: (ms) => sleep(ms),
      history: async (conversationId, range, limit) => {
        if (range.afterSeq !== undefined) return repo.getMessagesAfterSeq(ctx(), conversationId, range.afterSeq, limit);
        return (await repo.getMessagesBefore(ctx(), conversationId, range.beforeSeq ?? null, limit)).reverse();
      },
      markRead: async (userId, conversationId, seq) => (await repo.updateReadPointer(ctx(), userId, conversationId, seq)).lastReadSeq,
      getMessage: (id) => repo.getMessage(ctx(), id),
      recallMessage: (id, byUserId, windowMs) => repo.recallMessage(ctx(), id, byUserId, { windowMs }),
      findByClientMsgId: async (senderId, clientMsgId) => {
        const saved = await repo.checkMessageIdempotency(ctx(), senderId, clientMsgId);
        return saved ? repo.getMessage(ctx(), saved.messageId) : null;
      },
      memberIds: (conversationId) => allMemberIds(ctx, conversationId),
      publishUpstream: (msg) => app.kafka.coalesced.send(app.kafka.topics.upstream, [{ key: msg.conversationId, value: msg }]),
    });

    app.decorate('services', { auth, users, friends, conversations, members, messages });
    done();
  },
  { name: 'gochat-services', dependencies: ['gochat-orm', 'gochat-redis', 'gochat-kafka', 'gochat-temporal', 'gochat-metrics'], fastify: '5.x' },
);
