// Replies and mentions (docs/protocol.md, "Replies and mentions"). A reply quotes one message of
// the same conversation; the quote a reader sees is built from the quoted message as stored now
// (its current content, after edits; nothing once it is recalled). A mention names members by
// id (explicit ids, never parsed `@name` text: names change and can be ambiguous); `mention_all`
// is the owner's or an admin's.
import Type, { type Static } from 'typebox';
import { Id } from './ids.ts';

/** Characters (code points) of the quoted message's content a reply carries. */
export const REPLY_PREVIEW_CHARS = 100;

/** Most users one message may mention. */
export const MAX_MENTIONS = 50;

/** The first REPLY_PREVIEW_CHARS code points (the same cut as SQL LEFT() on utf8mb4). */
export function replyPreview(content: string): string {
  if (content.length <= REPLY_PREVIEW_CHARS) return content;
  return Array.from(content).slice(0, REPLY_PREVIEW_CHARS).join('');
}

/** The quoted message inside (records, workflow inputs). */
export const ReplyRef = Type.Object(
  {
    messageId: Id,
    senderId: Id,
    /** Empty once the quoted message is recalled or deleted. */
    preview: Type.String(),
    recalled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReplyRef = Static<typeof ReplyRef>;

/** The quoted message as clients see it. */
export const WireReplyRef = Type.Object(
  {
    message_id: Id,
    sender_id: Id,
    preview: Type.String({ description: `the first ${REPLY_PREVIEW_CHARS} characters of the quoted message's current content (edits included); empty once it is recalled` }),
    recalled: Type.Boolean(),
  },
  { additionalProperties: false, description: 'The message this one replies to' },
);
export type WireReplyRef = Static<typeof WireReplyRef>;

export const toWireReply = (r: ReplyRef): WireReplyRef => ({
  message_id: r.messageId,
  sender_id: r.senderId,
  preview: r.recalled ? '' : r.preview,
  recalled: r.recalled,
});

/** The mention list of a send: member ids, at most MAX_MENTIONS (repeats count once). */
export const Mentions = Type.Array(Id, { maxItems: MAX_MENTIONS, description: `user ids mentioned (members of the conversation), at most ${MAX_MENTIONS}` });

/** Mentions without repeats, in the order first given. */
export const uniqueMentions = (ids: readonly Id[] | undefined): Id[] => [...new Set(ids ?? [])];

/** A send's references (frame or REST body, snake_case) as the upstream record carries them: only those given. */
export function sendReferences(f: { reply_to?: Id; mentions?: Id[]; mention_all?: boolean }): { replyTo?: Id; mentions?: Id[]; mentionAll?: boolean } {
  const mentions = uniqueMentions(f.mentions);
  return { ...(f.reply_to ? { replyTo: f.reply_to } : {}), ...(mentions.length > 0 ? { mentions } : {}), ...(f.mention_all ? { mentionAll: true } : {}) };
}
