import { Type } from '@fastify/type-provider-typebox';
import { ReactionCount, ReactionEmoji } from '../../contract/index.ts';
import { Id, Strict } from './common.ts';
import type { ReactionChange } from '../services/reactions.ts';

export const ReactionParams = Strict({ id: Id, message_id: Id, emoji: ReactionEmoji });

export const ReactionsResponse = Strict({
  conversation_id: Id,
  message_id: Id,
  seq: Type.Integer(),
  changed: Type.Boolean({ description: 'false when it was already so (added twice, or taking back one never given)' }),
  version: Type.Integer({ description: "raised by every change of this message's reactions; `reaction` events carry it too" }),
  reactions: Type.Array(ReactionCount, { description: 'every kind now, in the order first given; `me` for yours' }),
});

export const toReactions = (conversationId: string, messageId: string, r: ReactionChange) => ({
  conversation_id: conversationId,
  message_id: messageId,
  seq: r.seq,
  changed: r.changed,
  version: r.version,
  reactions: r.reactions,
});
