// The checks of a REST send's reply and mentions, made before the message enters the pipeline so
// an HTTP client hears the refusal with its code (a refusal by the logic worker reaches only
// sockets). The logic worker checks again, authoritatively, in the store's transaction.
import { uniqueMentions, type Id } from '../../contract/index.ts';
import { DomainError } from '../errors.ts';
import type { MessageView, MemberView } from './types.ts';

export interface SendReferenceDeps {
  getMessage(messageId: Id): Promise<MessageView | null>;
  /** Which of these users are members of the conversation. */
  membersAmong(conversationId: Id, userIds: Id[]): Promise<Set<Id>>;
}

export async function checkSendReferences(
  deps: SendReferenceDeps,
  conversationId: Id,
  sender: MemberView,
  refs: { reply_to?: Id; mentions?: Id[]; mention_all?: boolean },
): Promise<void> {
  if (refs.reply_to !== undefined) {
    const target = await deps.getMessage(refs.reply_to);
    if (!target || target.conversationId !== conversationId) {
      throw new DomainError('REPLY_TARGET_NOT_FOUND', `message ${refs.reply_to} is not a message of conversation ${conversationId}`, { field: 'body.reply_to' });
    }
  }
  const mentions = uniqueMentions(refs.mentions);
  if (mentions.length > 0) {
    const members = await deps.membersAmong(conversationId, mentions);
    const outsider = mentions.find((id) => !members.has(id));
    if (outsider) throw new DomainError('MENTION_NOT_MEMBER', `user ${outsider} is not a member of conversation ${conversationId}`, { field: 'body.mentions' });
  }
  if (refs.mention_all && sender.role !== 'owner' && sender.role !== 'admin') {
    throw new DomainError('MENTION_ALL_FORBIDDEN', `only the owner and admins of conversation ${conversationId} may mention everyone`, { field: 'body.mention_all' });
  }
}
