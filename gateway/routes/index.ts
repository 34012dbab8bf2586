// Every REST route, in one list: the gateway registers them on its app, and the OpenAPI printer
// (gateway/openapi-document.ts) on a bare instance, so the two documents cannot drift apart.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachmentContentRoutes, attachmentRoutes } from './attachments.ts';
import { authRoutes, publicAuthRoutes } from './auth.ts';
import { blockRoutes } from './blocks.ts';
import { conversationRoutes } from './conversations.ts';
import { friendRoutes } from './friends.ts';
import { groupRoutes } from './groups.ts';
import { healthRoutes } from './health.ts';
import { memberRoutes } from './members.ts';
import { messageRoutes } from './messages.ts';
import { reactionRoutes } from './reactions.ts';
import { receiptRoutes } from './receipts.ts';
import { searchRoutes } from './search.ts';
import { userRoutes } from './users.ts';

export interface RouteOptions {
  maxContentBytes: number;
  /** Run before every route but health, sign-in and signed downloads; absent where no request is served. */
  authenticate?: (request: FastifyRequest) => Promise<void>;
  /** Base of attachment download URLs (ATTACHMENTS_PUBLIC_URL); unset: the request's origin. */
  attachmentsPublicUrl?: string | undefined;
}

export async function registerRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  await app.register(healthRoutes);
  await app.register(publicAuthRoutes);
  // Signed attachment downloads: the link's signature is the permission (no token).
  await app.register(attachmentContentRoutes);
  await app.register(async (secured) => {
    const { authenticate } = opts;
    if (authenticate) secured.addHook('onRequest', (request) => authenticate(request));
    await secured.register(authRoutes);
    await secured.register(userRoutes);
    await secured.register(friendRoutes);
    await secured.register(blockRoutes);
    await secured.register(conversationRoutes);
    await secured.register(memberRoutes);
    await secured.register(groupRoutes);
    await secured.register(messageRoutes, { maxContentBytes: opts.maxContentBytes });
    await secured.register(reactionRoutes);
    await secured.register(receiptRoutes);
    await secured.register(searchRoutes);
    await secured.register(attachmentRoutes, { publicUrl: opts.attachmentsPublicUrl });
  });
}
