// What the reaction and receipt suites share: sending over REST, reacting, reading events off
// recorded sockets, and a round trip that proves every earlier push has arrived.
import { randomUUID } from 'node:crypto';
import { api, type Frame, type User, type WsClient } from '../realtime/clients.ts';

export interface Sent {
  message_id: string;
  seq: number;
}

/** Stores a message through the gateway's REST send (201 once stored). */
export async function post(rest: string, user: User, conversationId: string, content = 'hello'): Promise<Sent> {
  const r = await api<Sent>(rest, 'POST', `/conversations/${conversationId}/messages`, user.token, { client_msg_id: `rx-${randomUUID()}`, content });
  if (r.status !== 201) throw new Error(`send failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function reactionPath(conversationId: string, messageId: string, emoji: string): string {
  return `/conversations/${conversationId}/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`;
}

export interface ReactionEvent {
  type: 'reaction';
  conversationId: string;
  messageId: string;
  seq: number;
  userId: string;
  emoji: string;
  op: 'add' | 'remove';
  counts: { emoji: string; count: number }[];
  version: number;
}

export function eventsOf<T extends { type: string; conversationId: string }>(c: WsClient, type: T['type'], conversationId: string): T[] {
  return c.all((f) => f.type === 'event' && (f.event as T).type === type && (f.event as T).conversationId === conversationId).map((f) => f.event as T);
}

/** A ping round trip on each socket after a pause: whatever the gateways pushed before has arrived. */
export async function settle(...clients: WsClient[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
  await Promise.all(clients.map(async (c) => {
    const n = c.all((f) => f.type === 'pong').length;
    c.send({ type: 'ping' });
    await c.next(() => c.all((f) => f.type === 'pong').length > n);
  }));
}

export const errorsOf = (c: WsClient): Frame[] => c.all((f) => f.type === 'error');
