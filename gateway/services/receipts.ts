// Delivery receipts: devices report the highest seq they received (`delivered` frames), which
// moves the member's delivered pointer; anyone in the conversation can ask how far a message
// got (delivered to and read by how many of the other members). In small conversations the
// other members hear a moved pointer as a `delivered` event, at most once a second per member
// and conversation from each gateway (the latest value at the end of the second).
import { DELIVERED_EVENT_MAX_MEMBERS, DELIVERED_REPORT_INTERVAL_MS } from '../../contract/index.ts';
import { notFound } from '../errors.ts';
import type { Access } from './access.ts';
import { Coalescer } from './coalescer.ts';
import type { EventPublisher } from './events.ts';
import { ConversationType, type MessageView } from './types.ts';

export interface ReceiptCounts {
  of: number;
  delivered: number;
  read: number;
  /** One of the counted members: the peer in a 1:1 conversation. */
  someMember: string | null;
}

export interface ReceiptsDeps {
  access: Access;
  events: EventPublisher;
  /** The new pointer when it moved, null when not (clamped to the last seq by the repo). */
  advanceDelivered(userId: string, conversationId: string, seq: number): Promise<number | null>;
  getMessage(messageId: string): Promise<MessageView | null>;
  receiptsOf(conversationId: string, seq: number, senderId: string, sentAt: number): Promise<ReceiptCounts>;
  memberIds(conversationId: string): Promise<string[]>;
  onError(err: unknown): void;
  /** Defaults: contract/receipts.ts. */
  eventMaxMembers?: number;
  coalesceMs?: number;
}

export interface Receipts {
  messageId: string;
  conversationId: string;
  seq: number;
  senderId: string;
  of: number;
  delivered: number;
  read: number;
  /** 1:1 conversations: the other member than the sender, and whether it reached them. */
  peer?: { userId: string; delivered: boolean; read: boolean };
}

export function createReceiptsService(deps: ReceiptsDeps) {
  const maxMembers = deps.eventMaxMembers ?? DELIVERED_EVENT_MAX_MEMBERS;
  const coalescer = new Coalescer(deps.coalesceMs ?? DELIVERED_REPORT_INTERVAL_MS, (err) => deps.onError(err));

  return {
    /** A device received messages up to `seq`. A pointer that does not move is ignored silently. */
    async delivered(userId: string, conversationId: string, seq: number): Promise<void> {
      const { conversation } = await deps.access.requireMember(conversationId, userId);
      const moved = await deps.advanceDelivered(userId, conversationId, seq);
      if (moved === null || conversation.type === ConversationType.world || conversation.memberCount > maxMembers) return;
      coalescer.run(`${conversationId}:${userId}`, async () => {
        const others = (await deps.memberIds(conversationId)).filter((id) => id !== userId);
        await deps.events.publish('message', others, { type: 'delivered', conversationId, userId, seq: moved });
      });
    },

    /** Any member may ask: the members' pointers are visible to them anyway (members list, read events). */
    async receipts(userId: string, conversationId: string, messageId: string): Promise<Receipts> {
      const { conversation } = await deps.access.requireMember(conversationId, userId);
      const message = await deps.getMessage(messageId);
      if (!message || message.conversationId !== conversationId) throw notFound(`message ${messageId}`);
      const counts = await deps.receiptsOf(conversationId, message.seq, message.senderId, message.createdAt);
      const peer = conversation.type === ConversationType.single && counts.someMember !== null
        ? { peer: { userId: counts.someMember, delivered: counts.delivered > 0, read: counts.read > 0 } }
        : {};
      return { messageId, conversationId, seq: message.seq, senderId: message.senderId, of: counts.of, delivered: counts.delivered, read: counts.read, ...peer };
    },

    /** Shutting down: announcements still waiting are dropped (the pointers are stored). */
    close(): void {
      coalescer.close();
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
