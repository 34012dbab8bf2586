// The conversation list, read into the local view: every page of it, and each item's
// last-message preview. Each item also carries your read pointer and the exact unread count,
// which the client takes as they are (conversations.ts).
import type { WireMessage } from '../../contract/index.ts';
import { data, type RestClient } from './rest/client.ts';

const LIST_PAGE = 100;

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
