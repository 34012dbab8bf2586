// Groups the online recipients of a message by gateway: one downstream record per gateway,
// carrying every recipient on it, so a message costs one produce per gateway, not per user.
import type { Id } from '../contract/index.ts';

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

export const CONVERSATION_WORLD = 3;

/** Whether a conversation's messages go through the large-group (Temporal) fan-out. */
export function usesLargeFanout(conversation: { type: number; memberCount: number }, threshold: number): boolean {
  return conversation.type === CONVERSATION_WORLD || conversation.memberCount > threshold;
}
