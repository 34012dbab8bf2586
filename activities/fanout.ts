// The fan-out batch: one page of members, one presence lookup, one produce per gateway.
// Each gateway's produce is followed by a delivery record of the (gateway, user) pairs it
// carried; a retried batch reads the record and leaves those pairs out, so a user is not
// pushed the message twice even when presence changed between the attempts.
//
// A page is either open-ended (the next `limit` members after `afterUserId`; with `plan`, it
// also reads where the pages after it end, so the workflow can push them side by side) or a key
// range (afterUserId, upToUserId] from such a plan, pushed whole, `limit` members at a time,
// even if members joined it since.
import type { ChatMessage, DownstreamBatch, Id } from '../contract/index.ts';
import { groupByGateway } from '../domain/fanout-plan.ts';
import { redisKeys } from '../repo/redis-keys.ts';
import type { ActivityDeps } from './deps.ts';
import { invalidArgument, notFound } from './errors.ts';

export interface FanoutBatchInput {
  message: ChatMessage;
  batchIndex: number;
  afterUserId: Id | null;
  limit: number;
  /** The page is the key range (afterUserId, upToUserId] of a plan. */
  upToUserId?: Id;
  /** An open-ended page also returns the bounds of the pages after it. */
  plan?: boolean;
}

export interface FanoutBatchResult {
  members: number;
  /** (gateway, user) pairs of this batch that have the message, whichever attempt pushed them. */
  recipients: number;
  /** Pairs left out because an earlier attempt of the batch pushed them. */
  skipped: number;
  gateways: number;
  lastUserId: Id | null;
  /** No members after this page (always false for a key range: the plan knows what follows). */
  last: boolean;
  /** With `plan` and more members: the last member id of each further page but the final one. */
  bounds?: Id[];
}

export function deliveryKey(messageId: Id, batchIndex: number): string {
  return redisKeys.fanoutDelivered(messageId, batchIndex);
}

export function fanoutActivities(deps: ActivityDeps) {
  /** Pushes the message to the `online` ones of `members`, skipping pairs in `done`; records what went out under `key`. */
  async function push(message: ChatMessage, members: Id[], online: Map<Id, string[]>, done: Set<string>, key: string): Promise<{ pushed: number; skipped: number; gateways: Set<string> }> {
    let pushed = 0;
    let skipped = 0;
    const byGateway = groupByGateway(members, online);
    await Promise.all(
      [...byGateway].map(async ([gatewayId, userIds]) => {
        const todo = userIds.filter((u) => !done.has(pair(gatewayId, u)));
        skipped += userIds.length - todo.length;
        if (todo.length > 0) {
          const out: DownstreamBatch = { kind: 'message', userIds: todo, message };
          await deps.publish([{ topic: deps.topics.downstream(gatewayId), records: [{ key: message.conversationId, value: out }] }]);
          await deps.deliveries.record(key, todo.map((u) => pair(gatewayId, u)));
          deps.onFanoutProduced?.(deps.clock.now() - message.createdAt);
          pushed += todo.length;
        }
      }),
    );
    return { pushed, skipped, gateways: new Set(byGateway.keys()) };
  }

  async function rangeBatch({ message, batchIndex, afterUserId, limit, upToUserId }: FanoutBatchInput & { upToUserId: Id }): Promise<FanoutBatchResult> {
    const key = deliveryKey(message.messageId, batchIndex);
    // Read while the first page is: the same set for every page of the range.
    const doneRead = deps.deliveries.delivered(key);
    doneRead.catch(() => undefined); // awaited below; a failed page read must not leave it unhandled
    let done = new Set<string>();
    let after = afterUserId;
    let members = 0;
    let pushed = 0;
    let skipped = 0;
    const gateways = new Set<string>();
    for (;;) {
      const page = await deps.members.range(message.conversationId, after, upToUserId, limit);
      if (!page) throw notFound(`conversation ${message.conversationId} does not exist`);
      if (page.length === 0) break;
      const [read, online] = await Promise.all([doneRead, deps.presence.onlineGateways(page)]);
      done = read;
      const r = await push(message, page, online, done, key);
      members += page.length;
      pushed += r.pushed;
      skipped += r.skipped;
      for (const g of r.gateways) gateways.add(g);
      after = page.at(-1)!;
      if (page.length < limit) break;
    }
    return { members, recipients: done.size + pushed, skipped, gateways: gateways.size, lastUserId: after, last: false };
  }

  return {
    async fanoutBatch(input: FanoutBatchInput): Promise<FanoutBatchResult> {
      const { message, batchIndex, afterUserId, limit } = input;
      if (!Number.isInteger(limit) || limit < 1) throw invalidArgument(`batch size must be a positive integer, got ${limit}`);
      if (input.upToUserId !== undefined) return rangeBatch({ ...input, upToUserId: input.upToUserId });
      // One member more than the batch tells whether another batch follows.
      const page = await deps.members.page(message.conversationId, afterUserId, limit + 1);
      if (!page) throw notFound(`conversation ${message.conversationId} does not exist`);
      const members = page.slice(0, limit);
      const lastUserId = members.at(-1) ?? afterUserId;
      const last = page.length <= limit;
      if (members.length === 0) return { members: 0, recipients: 0, skipped: 0, gateways: 0, lastUserId, last };

      const key = deliveryKey(message.messageId, batchIndex);
      const planned = input.plan && !last && lastUserId !== null ? deps.members.pageBounds(message.conversationId, lastUserId, limit) : undefined;
      planned?.catch(() => undefined); // awaited below; a failed push must not leave it unhandled
      const [done, online] = await Promise.all([deps.deliveries.delivered(key), deps.presence.onlineGateways(members)]);
      const r = await push(message, members, online, done, key);
      const bounds = await planned;
      return { members: members.length, recipients: done.size + r.pushed, skipped: r.skipped, gateways: r.gateways.size, lastUserId, last, ...(bounds ? { bounds } : {}) };
    },
  };
}

function pair(gatewayId: string, userId: Id): string {
  return `${gatewayId}|${userId}`;
}
