import { defineEntity, p } from '@mikro-orm/core';
import { Conversation } from '../conversations/conversation.entity.ts';
import { User } from '../users/user.entity.ts';

/** `state`: the upload is stored only once `complete`; a message may reference only a complete one. */
export const ATTACHMENT_STATE = { pending: 0, complete: 1 } as const;

// One row per upload. Its objects in storage are named after the id (storage/keys.ts).
export const Attachment = defineEntity({
  name: 'Attachment',
  tableName: 'attachments',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    conversation: () => p.manyToOne(Conversation).mapToPk().index(false).fieldName('conversation_id'),
    uploader: () => p.manyToOne(User).mapToPk().index('idx_attachments_uploader').fieldName('uploader_id'),
    state: p.tinyint().unsigned().default(ATTACHMENT_STATE.pending),
    name: p.string().length(255),
    contentType: p.string().length(127),
    size: p.bigint('number').unsigned(),
    width: p.integer().unsigned().nullable(),
    height: p.integer().unsigned().nullable(),
    hasThumbnail: p.boolean().default(false),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    completedAt: p.datetime(3).nullable(),
    /** When its uploader first sent it in a message; until then only the uploader can download it. */
    sentAt: p.datetime(3).nullable(),
  },
  indexes: [{ name: 'idx_attachments_conversation', properties: ['conversation', 'id'] }],
});
