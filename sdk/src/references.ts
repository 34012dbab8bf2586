// Replies and mentions on the client side: the contract's limits (typed by the contract's own
// numbers, so they cannot drift; the SDK loads no contract code) and whether a message mentions you.
import type { MAX_MENTIONS as ContractMaxMentions, REPLY_PREVIEW_CHARS as ContractPreviewChars, WireMessage } from '../../contract/index.ts';

export const MAX_MENTIONS: typeof ContractMaxMentions = 50;
const REPLY_PREVIEW_CHARS: typeof ContractPreviewChars = 100;

/** The quote's preview as the server cuts it: the first 100 code points. */
export function replyPreview(content: string): string {
  return content.length <= REPLY_PREVIEW_CHARS ? content : Array.from(content).slice(0, REPLY_PREVIEW_CHARS).join('');
}

/** Whether a message mentions `me`, by id or by mentioning everyone. */
export function mentionsMe(m: WireMessage, me: string | undefined): boolean {
  return m.mention_all === true || (me !== undefined && (m.mentions?.includes(me) ?? false));
}
