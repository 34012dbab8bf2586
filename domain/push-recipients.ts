// The offline-push rule: who of a stored message's members is notified.
import type { ChatMessage, Id } from '../contract/index.ts';

/**
 * Who of a stored message's members gets a push record, given who is online: every offline
 * member but the sender; in a group above `groupMaxMembers` (or one the fan-out workflow
 * serves) only offline members the message mentions by id. @all there pushes nobody: a large
 * group's broadcast must not start a workflow per member.
 */
export function pushRecipients(
  message: Pick<ChatMessage, 'senderId' | 'mentions'>,
  members: readonly Id[],
  isOnline: (userId: Id) => boolean,
  large: boolean,
): Id[] {
  const candidates = large ? (message.mentions ?? []) : members;
  return candidates.filter((u) => u !== message.senderId && !isOnline(u));
}
