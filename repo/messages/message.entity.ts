import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';
import { Conversation } from '../conversations/conversation.entity.ts';

export const CLIENT_MSG_ID_MAX = 64;
/** Column limit; the configured MAX_MESSAGE_BYTES is checked before insert. */
export const CONTENT_MAX_BYTES = 65_535;

export const Message = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    conversation: () => p.manyToOne(Conversation).mapToPk().index(false).fieldName('conversation_id'),
    sender: () => p.manyToOne(User).mapToPk().index(false).fieldName('sender_id'),
    seqId: p.bigint('number').unsigned(),
    type: p.smallint().unsigned().default(1),
    content: p.text(),
    // Byte for byte: 'abc' and 'ABC' are two different idempotency keys.
    clientMsgId: p.string().length(CLIENT_MSG_ID_MAX).collation('utf8mb4_bin'),
    deleted: p.boolean().default(false),
    recalled: p.boolean().default(false),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    /** Last edit by the sender; null: never edited. */
    editedAt: p.datetime(3).nullable(),
    /** The quoted message (same conversation); null: not a reply. */
    replyToId: p.bigint('string').unsigned().nullable(),
    /** Mentioned user ids (JSON array of decimal strings); null: none. */
    mentions: p.json<string[]>().nullable(),
    /** @all (owner or admin only). */
    mentionAll: p.boolean().default(false),
  },
  uniques: [
    { name: 'uq_messages_conv_seq', properties: ['conversation', 'seqId'] },
    { name: 'uq_messages_sender_client', properties: ['sender', 'clientMsgId'] },
  ],
  // Covers the unread count (seq range, minus own / deleted / recalled) without touching rows.
  indexes: [{ name: 'idx_messages_unread', properties: ['conversation', 'seqId', 'sender', 'deleted', 'recalled'] }],
});
