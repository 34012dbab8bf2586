// History, read pointers, recall, edits and sends for clients without a socket. A send goes through
// the same Kafka pipeline as a WebSocket send (same idempotency by client_msg_id); the HTTP
// reply waits a bounded time for the message to be stored and returns it, or 202 if it is
// still on its way.
import { sendReferences, type Id, type UpstreamMessage } from '../../contract/index.ts';
import { usesLargeFanout } from '../../domain/fanout-plan.ts';
import { clientMsgIdReused, DomainError, forbidden, notFound, unavailable, validationError } from '../errors.ts';
import type { ErrorCode } from '../../contract/index.ts';
import type { Access } from './access.ts';
import type { EventPublisher } from './events.ts';
import type { MessageView } from './types.ts';
import { checkSendReferences } from './send-references.ts';

export interface MessagesDeps {
  access: Access;
  events: EventPublisher;
  gatewayId: string;
  recallWindowMs: number;
  editWindowMs: number;
  maxContentBytes: number;
  /** Conversations above this size hear read receipts only on the reader's own devices. */
  readReceiptMaxMembers: number;
  /** How long a send waits for the message to be stored before answering 202. */
  sendWaitMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Messages in seq order (ascending) strictly before or after a seq. */
  history(conversationId: string, range: { beforeSeq?: number; afterSeq?: number }, limit: number): Promise<MessageView[]>;
  /** Moves the pointer forward only; returns the pointer now stored. */
  markRead(userId: string, conversationId: string, seq: number): Promise<number>;
  getMessage(messageId: string): Promise<MessageView | null>;
  /** Marks it recalled (sender and window are checked again, atomically, by the repo). */
  recallMessage(messageId: string, byUserId: string, windowMs: number): Promise<MessageView>;
  /** Replaces the content; sender, state, type and window are checked atomically by the repo. */
  editMessage(messageId: string, byUserId: string, content: string, windowMs: number): Promise<{ message: MessageView; changed: boolean }>;
  findByClientMsgId(senderId: string, clientMsgId: string): Promise<MessageView | null>;
  memberIds(conversationId: string): Promise<string[]>;
  /** Messages at or below `maxSeq` recalled that were sent at or after `sentSince`. */
  recalledSince(conversationId: string, maxSeq: number, sentSince: number): Promise<{ messageId: string; seq: number }[]>;
  /** Messages at or below `maxSeq` edited at or after `since`, with their current content. */
  editedSince(conversationId: string, maxSeq: number, since: number): Promise<{ messageId: string; seq: number; content: string; editedAt: number }[]>;
  publishUpstream(msg: UpstreamMessage): Promise<void>;
  /** Why the user may not send there now (blocked, not friends, dissolved, muted), or null. */
  sendRefusal(conversationId: string, userId: string): Promise<{ code: ErrorCode; message: string } | null>;
  /** Which of these users are members of the conversation (the check of a send's mentions). */
  membersAmong(conversationId: string, userIds: string[]): Promise<Set<string>>;
  /**
   * The content a send stores: text as sent; for an image or file message the attachment it
   * names, checked, as metadata (attachment-content.ts). Throws the send's refusal.
   */
  attachmentContent(senderId: string, conversationId: string, messageType: number, content: string): string | Promise<string>;
}

export type SendResult = { stored: true; message: MessageView } | { stored: false; clientMsgId: string };

export function createMessagesService(deps: MessagesDeps) {
  const { access } = deps;

  async function history(userId: string, conversationId: string, range: { beforeSeq?: number; afterSeq?: number }, limit: number) {
    if (range.beforeSeq !== undefined && range.afterSeq !== undefined) {
      throw validationError('querystring.after_seq', 'use either before_seq or after_seq, not both');
    }
    await access.requireMember(conversationId, userId);
    // One extra row tells whether there is more in that direction.
    const rows = await deps.history(conversationId, range, limit + 1);
    const hasMore = rows.length > limit;
    const messages = range.afterSeq !== undefined ? rows.slice(0, limit) : rows.slice(rows.length - Math.min(rows.length, limit));
    return { messages, hasMore };
  }

  return {
    history,

    /**
     * Messages after a seq, for a client catching up; with `since` (when the client last had a
     * connection) also the messages at or below the seq recalled or edited meanwhile.
     */
    async catchUp(userId: string, conversationId: string, afterSeq: number, limit: number, since?: number) {
      // history() checks membership first, so the lookups below are for members only.
      const page = await history(userId, conversationId, { afterSeq }, limit);
      if (since === undefined) return page;
      const [recalled, edited] = await Promise.all([
        deps.recalledSince(conversationId, afterSeq, Math.max(0, since - deps.recallWindowMs)),
        deps.editedSince(conversationId, afterSeq, since),
      ]);
      return { ...page, recalled, edited };
    },

    async markRead(userId: string, conversationId: string, seq: number): Promise<number> {
      const { conversation } = await access.requireMember(conversationId, userId);
      if (seq > conversation.lastSeq) throw validationError('body.seq', `must not exceed the conversation's last seq (${conversation.lastSeq})`);
      const stored = await deps.markRead(userId, conversationId, seq);
      const large = usesLargeFanout(conversation, deps.readReceiptMaxMembers);
      const recipients = large ? [userId] : await deps.memberIds(conversationId);
      await deps.events.publish('message', recipients, { type: 'read', conversationId, userId, seq: stored });
      return stored;
    },

    async recall(userId: string, messageId: string): Promise<MessageView> {
      const message = await deps.getMessage(messageId);
      if (!message) throw notFound(`message ${messageId}`);
      await access.requireMember(message.conversationId, userId);
      if (message.senderId !== userId) throw forbidden('only the sender can recall a message');
      if (message.recalled) return message;
      if (deps.now() - message.createdAt > deps.recallWindowMs) {
        throw forbidden(`messages can only be recalled within ${Math.round(deps.recallWindowMs / 1000)} s of sending`);
      }
      const recalled = await deps.recallMessage(messageId, userId, deps.recallWindowMs);
      const recipients = await deps.memberIds(message.conversationId);
      await deps.events.publish('message', recipients, {
        type: 'recall',
        conversationId: message.conversationId,
        messageId,
        seq: message.seq,
        byUserId: userId,
      });
      return recalled;
    },

    async edit(userId: string, messageId: string, content: string): Promise<MessageView> {
      const message = await deps.getMessage(messageId);
      if (!message) throw notFound(`message ${messageId}`);
      await access.requireMember(message.conversationId, userId);
      if (Buffer.byteLength(content, 'utf8') > deps.maxContentBytes) {
        throw validationError('body.content', `must not exceed ${deps.maxContentBytes} bytes`);
      }
      const { message: stored } = await deps.editMessage(messageId, userId, content, deps.editWindowMs);
      // Announced again when the same content comes again: a retry after a lost answer (or a
      // lost event) reaches every device all the same. A never-edited message has nothing to say.
      if (stored.editedAt != null) {
        await deps.events.publish('message', await deps.memberIds(stored.conversationId), {
          type: 'edited',
          conversationId: stored.conversationId,
          messageId,
          seq: stored.seq,
          content: stored.content,
          editedAt: stored.editedAt,
        });
      }
      return stored;
    },

    async send(userId: string, conversationId: string, input: { clientMsgId: string; messageType: number; content: string; reply_to?: Id; mentions?: Id[]; mention_all?: boolean }): Promise<SendResult> {
      if (Buffer.byteLength(input.content, 'utf8') > deps.maxContentBytes) {
        throw validationError('body.content', `must not exceed ${deps.maxContentBytes} bytes`);
      }
      const { membership } = await access.requireMember(conversationId, userId);
      // The rules the store applies (blocks, friendship, dissolved, mutes), checked early: a
      // refused REST send answers its code instead of waiting out `sendWaitMs`.
      const refused = await deps.sendRefusal(conversationId, userId);
      if (refused) throw new DomainError(refused.code, refused.message);
      function sameConversation(stored: MessageView): SendResult {
        if (stored.conversationId !== conversationId) throw clientMsgIdReused(input.clientMsgId);
        return { stored: true, message: stored };
      }
      const earlier = await deps.findByClientMsgId(userId, input.clientMsgId);
      if (earlier) return sameConversation(earlier);
      await checkSendReferences(deps, conversationId, membership, input);
      // Last of the checks: it records the attachment as sent.
      const content = await deps.attachmentContent(userId, conversationId, input.messageType, input.content);
      try {
        await deps.publishUpstream({
          kind: 'send',
          userId,
          conversationId,
          clientMsgId: input.clientMsgId,
          messageType: input.messageType,
          content,
          gatewayId: deps.gatewayId,
          timestamp: deps.now(),
          // Checked by the logic worker when storing; a refusal stores nothing, and this wait answers 202.
          ...sendReferences(input),
        });
      } catch (err) {
        throw unavailable('could not accept the message; resend it with the same client_msg_id', err);
      }
      const deadline = deps.now() + deps.sendWaitMs;
      for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
        const stored = await deps.findByClientMsgId(userId, input.clientMsgId);
        if (stored) return sameConversation(stored);
        if (deps.now() + delay > deadline) return { stored: false, clientMsgId: input.clientMsgId };
        await deps.sleep(delay);
      }
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
