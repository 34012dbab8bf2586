// The composition root of the REST half: builds every service with its narrow deps from the
// infrastructure plugins (ORM, Redis, Kafka, Temporal) and decorates `app.services`.
// Each repo call runs in its own EntityManager fork: every repo function is one unit of work.
import fp from 'fastify-plugin';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config/index.ts';
import { repoCtx } from '../../repo/index.ts';
import { createRateLimiter } from '../../repo/rate-limit.ts';
import { createTokenRevocations } from '../../repo/auth/revocations.ts';
import { createAccess } from '../services/access.ts';
import { createAuthService, type AuthService } from '../services/auth.ts';
import { createConversationsService, type ConversationsService } from '../services/conversations.ts';
import { createEventPublisher, createRevocationAnnouncer } from '../services/events.ts';
import { createFriendFlow } from '../services/friend-flow.ts';
import { createFriendsService, type FriendsService } from '../services/friends.ts';
import { createMembersService, type MembersService } from '../services/members.ts';
import { createMessagesService, type MessagesService } from '../services/messages.ts';
import {
  accessRepoDeps, authRepoDeps, conversationsRepoDeps, friendsRepoDeps, membersRepoDeps, messagesRepoDeps, usersRepoDeps,
} from '../services/repo-deps.ts';
import { createTokens } from '../services/tokens.ts';
import { createUsersService, type UsersService } from '../services/users.ts';
import { createWorld } from '../services/world.ts';

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

export default fp<{ config: Config }>(
  (app, { config }, done) => {
    const ctx = () => repoCtx(app.orm, app.redis, app.metrics.cacheRead);
    const events = createEventPublisher(app.kafka.coalesced, app.kafka.topics);
    const world = createWorld(ctx, config.chat.maxGroupMembers);
    const access = createAccess({ ...accessRepoDeps(ctx), joinWorld: world.join });

    const auth = createAuthService({
      ...authRepoDeps(ctx),
      tokens: createTokens(config.auth),
      revocations: createTokenRevocations(ctx),
      limiter: createRateLimiter(app.redis),
      limits: {
        loginPerAccountPerMinute: config.auth.loginAttemptsPerMinute,
        loginPerIpPerMinute: config.auth.loginAttemptsPerIpPerMinute,
        signupsPerIpPerMinute: config.auth.signupsPerIpPerMinute,
      },
      joinWorld: async (userId) => {
        await world.join(userId, (await world.get()).id);
      },
      announceRevocation: createRevocationAnnouncer(app.kafka.producer, app.kafka.topics),
    });

    const users = createUsersService(usersRepoDeps(ctx));

    const flow = createFriendFlow({ temporal: app.temporal, config });
    const friends = createFriendsService({
      ...friendsRepoDeps(ctx),
      startWorkflow: (request) => flow.start(request),
      answer: (requestId, action, actingUserId) => flow.answer(requestId, action, actingUserId),
    });

    const conversations = createConversationsService({
      ...conversationsRepoDeps(ctx),
      access,
      events,
      maxGroupMembers: config.chat.maxGroupMembers,
      getWorldConversation: world.get,
    });

    const members = createMembersService({ ...membersRepoDeps(ctx), access, events, maxGroupMembers: config.chat.maxGroupMembers });

    const messages = createMessagesService({
      ...messagesRepoDeps(ctx),
      access,
      events,
      gatewayId: config.gatewayId,
      recallWindowMs: config.chat.recallWindowMs,
      maxContentBytes: config.chat.maxContentBytes,
      readReceiptMaxMembers: config.chat.fanoutThreshold,
      sendWaitMs: 5000,
      now: Date.now,
      sleep: (ms) => sleep(ms),
      publishUpstream: (msg) => app.kafka.coalesced.send(app.kafka.topics.upstream, [{ key: msg.conversationId, value: msg }]),
    });

    app.decorate('services', { auth, users, friends, conversations, members, messages });
    done();
  },
  { name: 'gochat-services', dependencies: ['gochat-orm', 'gochat-redis', 'gochat-kafka', 'gochat-temporal', 'gochat-metrics'], fastify: '5.x' },
);
