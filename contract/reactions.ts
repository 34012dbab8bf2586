// Reactions: a member's emoji on a message (docs/protocol.md, "Reactions"). A reaction is one
// emoji as Unicode recommends it for general interchange (an RGI emoji: "👍", "❤️", "👍🏽", "🇫🇷",
// a ZWJ sequence such as "👩🏻‍❤️‍💋‍👨🏼"), never free text or a short name: clients render it as
// it is, and two spellings of the same emoji cannot make two kinds.
import Type, { type Static } from 'typebox';
import type { WireMessage } from './messages.ts';

/** Distinct emoji one message may carry; a new kind beyond them is refused (REACTION_LIMIT). */
export const MAX_REACTION_KINDS = 20;

/** The longest RGI emoji is 15 UTF-16 units (35 bytes of UTF-8); this bounds the input before the pattern runs. */
export const REACTION_EMOJI_MAX_LENGTH = 32;

// The `v` flag gives \p{RGI_Emoji}: exactly one fully-qualified emoji (sequences included).
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

export const isReactionEmoji = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= REACTION_EMOJI_MAX_LENGTH && RGI_EMOJI.test(value);

/** What a refused emoji is told: the rule, not the pattern. */
export const REACTION_EMOJI_RULE = 'must be exactly one emoji of the RGI set, fully qualified (e.g. "👍", "❤️", "👍🏽"), not text or a :short_name:';

export const ReactionEmoji = Type.String({
  minLength: 1,
  maxLength: REACTION_EMOJI_MAX_LENGTH,
  description: 'one fully-qualified RGI emoji (percent-encoded in a path), e.g. 👍 or ❤️',
});

/** One kind of reaction on a message, as the viewer sees it. */
export const ReactionCount = Type.Object(
  {
    emoji: Type.String(),
    count: Type.Integer({ minimum: 1 }),
    /** Whether the viewer is among those who reacted with it. */
    me: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReactionCount = Static<typeof ReactionCount>;

/** A kind and its count, the same for every viewer (what a `reaction` event carries). */
export const ReactionTally = Type.Object({ emoji: Type.String(), count: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type ReactionTally = Static<typeof ReactionTally>;

export const ReactionOp = Type.Union([Type.Literal('add'), Type.Literal('remove')]);
export type ReactionOp = Static<typeof ReactionOp>;

/**
 * A message with the viewer's reactions attached (history and sync): absent when it has none,
 * and never on a recalled message.
 */
export function withReactions(m: WireMessage, byMessage: ReadonlyMap<string, ReactionCount[]> | undefined): WireMessage {
  const reactions = m.recalled ? undefined : byMessage?.get(m.message_id);
  return reactions && reactions.length > 0 ? { ...m, reactions } : m;
}
