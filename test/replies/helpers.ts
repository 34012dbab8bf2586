// What the reply and mention suites share: sends over a socket that wait for their answer, and
// reading history, sync and the conversation list through the gateway.
import { randomUUID } from 'node:crypto';
import type { WireMessage } from '../../contract/index.ts';
import { api, type Frame, type User, type WsClient } from '../realtime/clients.ts';

export const cmid = (): string => `rp-${randomUUID()}`;

/** Sends a frame (with any references) and waits for its ack or error. */
export async function wsSend(c: WsClient, conversationId: string, content: string, refs: Record<string, unknown> = {}): Promise<Frame> {
  const id = cmid();
  c.send({ type: 'send', client_msg_id: id, conversation_id: conversationId, content, ...refs });
  return c.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_msg_id === id);
}

/** Sends and expects the ack: the stored message id. */
export async function sent(c: WsClient, conversationId: string, content: string, refs: Record<string, unknown> = {}): Promise<string> {
  const answer = await wsSend(c, conversationId, content, refs);
  if (answer.type !== 'ack') throw new Error(`send refused: ${JSON.stringify(answer)}`);
  return answer.message_id as string;
}

export function pushed(c: WsClient, messageId: string): Promise<WireMessage> {
  return c.next((f) => f.type === 'message' && (f.message as WireMessage).message_id === messageId).then((f) => f.message as WireMessage);
}

export async function history(rest: string, user: User, conversationId: string): Promise<WireMessage[]> {
  const r = await api<{ messages: WireMessage[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, user.token);
  if (r.status !== 200) throw new Error(`history: ${r.status}`);
  return r.body.messages;
}

/** The messages a `sync` from seq 0 returns on this socket. */
export async function synced(c: WsClient, conversationId: string): Promise<WireMessage[]> {
  const before = c.all((f) => f.type === 'sync').length;
  c.send({ type: 'sync', conversations: { [conversationId]: 0 } });
  await c.next(() => c.all((f) => f.type === 'sync').length > before);
  return c.all((f) => f.type === 'sync' && f.conversation_id === conversationId).at(-1)!.messages as WireMessage[];
}

export async function listItem(rest: string, user: User, conversationId: string): Promise<{ unread_count: number; mention_count: number; conversation: { last_seq: number } }> {
  const r = await api<{ conversations: { conversation: { id: string; last_seq: number }; unread_count: number; mention_count: number }[] }>(rest, 'GET', '/conversations?limit=100', user.token);
  const item = r.body.conversations.find((i) => i.conversation.id === conversationId);
  if (!item) throw new Error(`conversation ${conversationId} not listed`);
  return item;
}
