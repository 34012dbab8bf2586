// How a stored message reaches its recipients, shared by the logic worker (small groups) and the
// fan-out activities (large groups): one downstream record per gateway, carrying every recipient
// on it, so a message costs one produce per gateway, not per user.
import type { Id } from '../contract/index.ts';
import { CONVERSATION_TYPES } from '../repo/types.ts';

export function groupByGateway(recipients: Id[], gateways: Map<Id, string[]>): Map<string, Id[]> {
  const byGateway = new Map<string, Id[]>();
  for (const userId of recipients) {
    for (const gw of gateways.get(userId) ?? []) {
      let list = byGateway.get(gw);
      if (!list) byGateway.set(gw, (list = []));
      list.push(userId);
    }
  }
  return byGateway;
}

/**
 * Whether a conversation is a large group: its messages go through the Temporal fan-out and its
 * read receipts reach only the reader's own devices.
 */
export function usesLargeFanout(conversation: { type: number; memberCount: number }, threshold: number): boolean {
  return conversation.type === CONVERSATION_TYPES.world || conversation.memberCount > threshold;
}
