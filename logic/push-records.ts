// Offline push on the message path: with the presence the batch looked up anyway, one push
// record per stored message that has members to notify (contract/push.ts), produced with the
// message's downstream records. Nothing here waits on anything: the worker process turns the
// records into notifications off the send's path.
import type { ChatMessage, Id, PushRecord } from '../contract/index.ts';
import { toPushRecord } from '../contract/index.ts';
import { usesLargeFanout } from '../domain/fanout-plan.ts';
import { pushRecipients } from '../domain/push-recipients.ts';
import type { ConversationInfo } from './deps.ts';

export interface PushRule {
  /** Above this many members only mentioned members are pushed. */
  groupMaxMembers: number;
  previewChars: number;
}

/** Ids a large group's stored messages mention: the only members of it that may be pushed. */
export function mentionedInLarge(stored: { conversation: ConversationInfo | null; results: { ok: boolean; saved?: { mentions?: Id[] } }[] }[], fanoutThreshold: number): Id[] {
  const ids: Id[] = [];
  for (const s of stored) {
    if (!s.conversation || !usesLargeFanout(s.conversation, fanoutThreshold)) continue;
    for (const r of s.results) if (r.ok && r.saved?.mentions) ids.push(...r.saved.mentions);
  }
  return ids;
}

/** [index in `messages`, record] for each message with someone to push to. */
export function pushRecordsFor(
  rule: PushRule,
  conversation: ConversationInfo,
  fanout: boolean,
  messages: ChatMessage[],
  members: Id[],
  online: Map<Id, string[]>,
): [number, PushRecord][] {
  const large = fanout || conversation.memberCount > rule.groupMaxMembers;
  const isOnline = (u: Id) => (online.get(u)?.length ?? 0) > 0;
  const out: [number, PushRecord][] = [];
  messages.forEach((message, i) => {
    const record = toPushRecord(message, pushRecipients(message, members, isOnline, large), rule.previewChars);
    if (record) out.push([i, record]);
  });
  return out;
}
