// Full-text search over messages: in one conversation (members only, refused like history) or
// across every conversation the caller is a member of. The repo checks membership and leaves out
// recalled and deleted messages in the statement that matches; this layer validates and pages.
import { validationError } from '../errors.ts';
import type { Access } from './access.ts';
import type { MessageView } from './types.ts';

export interface SearchDeps {
  access: Access;
  /** Characters the trimmed text may have. */
  maxTextChars: number;
  /**
   * Messages matching `text`, newest first, in the conversations `userId` is a member of (or in
   * the one given); null when the text has nothing to search for (no letter or digit).
   */
  search(userId: string, text: string, opts: { conversationId?: string; beforeId?: string; limit: number }): Promise<MessageView[] | null>;
}

export interface SearchPage {
  messages: MessageView[];
  hasMore: boolean;
  /** The last message's id when there is more: the next page's `beforeId`. */
  nextBeforeId: string | null;
}

export function createSearchService(deps: SearchDeps) {
  function textOf(q: string): string {
    const text = q.trim();
    const chars = [...text].length;
    if (chars < 1 || chars > deps.maxTextChars) throw validationError('querystring.q', `must have 1 to ${deps.maxTextChars} characters once trimmed, got ${chars}`);
    return text;
  }

  async function page(userId: string, text: string, opts: { conversationId?: string; beforeId?: string }, limit: number): Promise<SearchPage> {
    // One extra row tells whether there is more.
    const found = await deps.search(userId, text, { ...opts, limit: limit + 1 });
    if (found === null) throw validationError('querystring.q', 'must contain a letter or digit to search for');
    const messages = found.slice(0, limit);
    const hasMore = found.length > limit;
    return { messages, hasMore, nextBeforeId: hasMore ? messages.at(-1)!.id : null };
  }

  return {
    async inConversation(userId: string, conversationId: string, q: string, opts: { beforeId?: string; limit: number }): Promise<SearchPage> {
      const text = textOf(q);
      await deps.access.requireMember(conversationId, userId);
      return page(userId, text, { conversationId, ...(opts.beforeId ? { beforeId: opts.beforeId } : {}) }, opts.limit);
    },

    async everywhere(userId: string, q: string, opts: { beforeId?: string; limit: number }): Promise<SearchPage> {
      return page(userId, textOf(q), opts.beforeId ? { beforeId: opts.beforeId } : {}, opts.limit);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
