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
import { createAttachmentsService, type AttachmentsService } from '../services/attachments.ts';
import { attachmentsRepoDeps } from '../services/attachments-repo-deps.ts';
import { createLinkSigner, linkKey } from '../services/attachment-links.ts';
import { createAuthService, type AuthService } from '../services/auth.ts';
import { createBlocksService, type BlocksService } from '../services/blocks.ts';
import { createConversationsService, type ConversationsService } from '../services/conversations.ts';
import { createEventPublisher, createRevocationAnnouncer } from '../services/events.ts';
import { createFriendFlow } from '../services/friend-flow.ts';
import { createFriendsService, type FriendsService } from '../services/friends.ts';
import { createGroupsService, type GroupsService } from '../services/groups.ts';
import { createMembersService, type MembersService } from '../services/members.ts';
import { createMessagesService, type MessagesService } from '../services/messages.ts';
import { createSearchService, type SearchService } from '../services/search.ts';
import { MAX_REACTION_KINDS } from '../../contract/index.ts';
import { createReactionsService, type ReactionsService } from '../services/reactions.ts';
import { createReceiptsService, type ReceiptsService } from '../services/receipts.ts';
import { reactionsRepoDeps, receiptsRepoDeps } from '../services/repo-deps.ts';
import { SEARCH_TEXT_MAX } from '../schemas/search.ts';
import {
  accessRepoDeps, authRepoDeps, blocksRepoDeps, conversationsRepoDeps, friendsRepoDeps, groupsRepoDeps, membersRepoDeps, messagesRepoDeps, searchRepoDeps, typingRepoDeps, usersRepoDeps,
} from '../services/repo-deps.ts';
import { createTokens } from '../services/tokens.ts';
import { createTypingService, type TypingService } from '../services/typing.ts';
import { createUsersService, type UsersService } from '../services/users.ts';
import { createWorld } from '../services/world.ts';

export interface Services {
  auth: AuthService;
  users: UsersService;
  friends: FriendsService;
  blocks: BlocksService;
  conversations: ConversationsService;
  members: MembersService;
  groups: GroupsService;
  messages: MessagesService;
  search: SearchService;
  typing: TypingService;
  reactions: ReactionsService;
  receipts: ReceiptsService;
  attachments: AttachmentsService;
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

    const blocks = createBlocksService({
      ...blocksRepoDeps(ctx),
      rejectRequest: async (requestId, actingUserId) => {
        await flow.answer(requestId, 'reject', actingUserId);
      },
    });

    const conversations = createConversationsService({
      ...conversationsRepoDeps(ctx),
      access,
      events,
      maxGroupMembers: config.chat.maxGroupMembers,
      getWorldConversation: world.get,
    });

    const members = createMembersService({ ...membersRepoDeps(ctx), access, events, maxGroupMembers: config.chat.maxGroupMembers });
    const groups = createGroupsService({ ...groupsRepoDeps(ctx), access, events, now: Date.now });

    const attachments = createAttachmentsService({
      ...attachmentsRepoDeps(ctx),
      access,
      storage: app.storage,
      storageReady: app.storageReady,
      links: createLinkSigner(linkKey(config.attachments.urlSecret, config.auth.jwtSecret)),
      limits: {
        maxBytes: config.attachments.maxBytes,
        allowedTypes: new Set(config.attachments.allowedTypes),
        maxImagePixels: config.attachments.maxImagePixels,
        thumbnailSize: config.attachments.thumbnailSize,
        spoolDir: config.attachments.spoolDir,
        urlTtlSeconds: config.attachments.urlTtlSeconds,
      },
      now: Date.now,
      warn: (err, context) => app.log.warn({ err, context }, 'attachment problem'),
    });

    const messages = createMessagesService({
      ...messagesRepoDeps(ctx),
      access,
      events,
      gatewayId: config.gatewayId,
      recallWindowMs: config.chat.recallWindowMs,
      editWindowMs: config.chat.editWindowMs,
      maxContentBytes: config.chat.maxContentBytes,
      readReceiptMaxMembers: config.chat.fanoutThreshold,
      sendWaitMs: 5000,
      now: Date.now,
      sleep: (ms) => sleep(ms),
      publishUpstream: (msg) => app.kafka.coalesced.send(app.kafka.topics.upstream, [{ key: msg.conversationId, value: msg }]),
      attachmentContent: (senderId, conversationId, msgType, content) => attachments.contentForSend(senderId, conversationId, msgType, content),
    });

    const typing = createTypingService({ ...typingRepoDeps(ctx), access, events, maxMembers: config.chat.fanoutThreshold });

    const search = createSearchService({ ...searchRepoDeps(ctx), access, maxTextChars: SEARCH_TEXT_MAX });

    const reactions = createReactionsService({ ...reactionsRepoDeps(ctx), access, events, maxKinds: MAX_REACTION_KINDS });
    const receipts = createReceiptsService({ ...receiptsRepoDeps(ctx), access, events, onError: (err) => app.log.warn({ err }, 'delivered event not published') });
    // Announcements still waiting would be produced after Kafka closed.
    app.addHook('onClose', (_instance, next) => {
      receipts.close();
      next();
    });

    app.decorate('services', { auth, users, friends, blocks, conversations, members, groups, messages, typing, search, reactions, receipts, attachments });
    done();
  },
  { name: 'gochat-services', dependencies: ['gochat-orm', 'gochat-redis', 'gochat-kafka', 'gochat-temporal', 'gochat-metrics', 'gochat-storage'], fastify: '5.x' },
);
