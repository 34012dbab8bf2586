// The world conversation every account belongs to. Its identity is in MySQL (unique key), so
// every gateway finds the same one; the id is remembered per process after the first lookup.
import * as repo from '../../repo/index.ts';
import { NO_PASSWORD, SYSTEM_USERNAME } from './auth.ts';
import type { ConversationView, MemberView } from './types.ts';

export interface World {
  get: () => Promise<ConversationView>;
  /** Idempotent: makes the user a member of the world conversation. */
  join: (userId: string, conversationId: string) => Promise<MemberView>;
}

export function createWorld(ctx: () => repo.RepoCtx, maxMembers: number): World {
  let worldId: string | undefined;
  return {
    async get() {
      const found = worldId ? await repo.getConversation(ctx(), worldId) : null;
      if (found) return found;
      const view = await repo.ensureWorldConversation(ctx(), await systemUser(ctx));
      worldId = view.id;
      return view;
    },
    async join(userId, conversationId) {
      await repo.addMembers(ctx(), conversationId, [userId], { role: 'member', maxMembers });
      const membership = await repo.getMembership(ctx(), conversationId, userId);
      if (!membership) throw new Error(`joining world conversation ${conversationId} left no membership`);
      return membership;
    },
  };
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
