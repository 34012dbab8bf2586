// The conversation list, read into the local view: every page of it, each item's last-message
// preview, and the read pointer the list does not give.
import type { WireMessage } from '../../contract/index.ts';
import type { ConversationState } from './conversations.ts';
import { data, type RestClient } from './rest/client.ts';

const LIST_PAGE = 100;
const HISTORY_PAGE = 200;
/** Unread messages loaded when a conversation is first listed, to find its read pointer. */
const UNREAD_SCAN_MAX = 1000;

export type ListItem = Awaited<ReturnType<typeof listAll>>[number];

/** Every page of GET /conversations, most recent first. */
export async function listAll(rest: RestClient) {
  const items = [];
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = await data(rest.GET('/conversations', { params: { query: { limit: LIST_PAGE, offset } } }));
    items.push(...page.conversations);
    if (page.conversations.length < LIST_PAGE) return items;
  }
}

/** The list's last-message preview as a message (its content is cut at 256 characters, and it has no client_msg_id). */
export function previewOf(conversationId: string, m: NonNullable<ListItem['last_message']>): WireMessage {
  return {
    message_id: m.message_id,
    conversation_id: conversationId,
    seq: m.seq,
    sender_id: m.sender.id,
    sender: m.sender,
    client_msg_id: '',
    msg_type: m.msg_type,
    content: m.content,
    created_at: m.created_at,
    recalled: m.recalled,
  };
}

/**
 * The list gives an unread count, not the read pointer: the newest messages are loaded back to
 * the `unread`-th message of others (at or below `top`, the list's last seq), which puts the
 * pointer just below it and holds every unread message, so the count stays exact from then on.
 */
export async function findReadPointer(
  rest: RestClient,
  conv: ConversationState,
  opts: { unread: number; top: number; me: string | undefined; accept(m: WireMessage): void },
): Promise<void> {
  let counted = 0;
  let before: number | undefined;
  let scanned = 0;
  while (scanned < UNREAD_SCAN_MAX) {
    const page = await data(rest.GET('/conversations/{id}/messages', {
      params: { path: { id: conv.id }, query: { limit: HISTORY_PAGE, ...(before !== undefined ? { before_seq: before } : {}) } },
    }));
    for (const m of page.messages) opts.accept(m);
    scanned += page.messages.length;
    for (let i = page.messages.length - 1; i >= 0; i--) {
      const m = page.messages[i]!;
      if (m.seq > opts.top) continue;
      if (m.sender_id !== opts.me && !m.recalled && ++counted === opts.unread) {
        conv.readSeq = m.seq - 1;
        return;
      }
    }
    const oldest = page.messages[0];
    if (!page.has_more || !oldest) {
      conv.readSeq = 0;
      return;
    }
    before = oldest.seq;
  }
  // More unread than loaded: the rest is counted without being held.
  conv.readSeq = (before ?? 1) - 1;
  conv.unheldUnread = opts.unread - counted;
}

export async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
