// In-memory stand-ins for the activities' deps: the real activity code runs against them in the
// time-skipping suite, and each records what it was asked to do.
import type { ActivityDeps } from '../../../activities/index.ts';
import type { JsonRecord } from '../../../bus/kafka.ts';
import type { Id } from '../../../contract/index.ts';
import { topicNames } from '../../../bus/topics.ts';

export interface Published {
  topic: string;
  record: JsonRecord;
}

export interface FakeWorld {
  deps: ActivityDeps;
  published: Published[];
  /** requestId → stored request */
  requests: Map<Id, { requesterId: Id; targetId: Id; status: 0 | 1 | 2 | 3 }>;
  /** sorted pair "a:b" → conversation id */
  conversations: Map<string, Id>;
  friends: Map<Id, Set<Id>>;
  /** conversation → member ids (kept sorted as the repo pages them) */
  members: Map<Id, Id[]>;
  /** user → gateways holding a live record */
  online: Map<Id, string[]>;
  /** presence records of dead gateways, as the cleanup finds them */
  stale: { userId: Id; gatewayId: string }[];
  deliveryLog: Map<string, Set<string>>;
  /** Called before each publish; throw to make it fail. */
  beforePublish: (topic: string, records: JsonRecord[]) => void;
  now: number;
}

export function fakeWorld(suffix = '.fake'): FakeWorld {
  const world: FakeWorld = {
    deps: undefined as unknown as ActivityDeps,
    published: [],
    requests: new Map(),
    conversations: new Map(),
    friends: new Map(),
    members: new Map(),
    online: new Map(),
    stale: [],
    deliveryLog: new Map(),
    beforePublish: () => {},
    now: Date.UTC(2026, 0, 1),
  };
  let nextConversation = 1000;
  const befriend = (a: Id, b: Id) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = world.friends.get(x) ?? new Set<Id>();
      set.add(y);
      world.friends.set(x, set);
    }
  };
  world.deps = {
    topics: topicNames(suffix),
    clock: { now: () => world.now },
    async publish(batch) {
      for (const { topic, records } of batch) {
        world.beforePublish(topic, records);
        for (const record of records) world.published.push({ topic, record: structuredClone(record) });
      }
    },
    friends: {
      async requestExists(r) {
        const stored = world.requests.get(r.requestId);
        return !!stored && stored.requesterId === r.requesterId && stored.targetId === r.targetId;
      },
      async accept(r) {
        const stored = world.requests.get(r.requestId);
        if (!stored) return 'not_found';
        if (stored.status === 2 || stored.status === 3) return 'closed';
        stored.status = 1;
        befriend(r.requesterId, r.targetId);
        const pair = [r.requesterId, r.targetId].sort().join(':');
        let conversationId = world.conversations.get(pair);
        if (!conversationId) world.conversations.set(pair, (conversationId = String(nextConversation++)));
        return { conversationId };
      },
      async close(requestId, status) {
        const stored = world.requests.get(requestId);
        if (stored?.status === 0) stored.status = status;
      },
      async friendIds(userId) {
        return [...(world.friends.get(userId) ?? [])];
      },
    },
    members: {
      async page(conversationId, afterUserId, limit) {
        const all = world.members.get(conversationId);
        if (!all) return null;
        const start = afterUserId === null ? 0 : all.findIndex((u) => BigInt(u) > BigInt(afterUserId));
        return start < 0 ? [] : all.slice(start, start + limit);
      },
      async range(conversationId, afterUserId, upToUserId, limit) {
        const all = world.members.get(conversationId);
        if (!all) return null;
        return all.filter((u) => (afterUserId === null || BigInt(u) > BigInt(afterUserId)) && BigInt(u) <= BigInt(upToUserId)).slice(0, limit);
      },
      async pageBounds(conversationId, afterUserId, every) {
        const above = (world.members.get(conversationId) ?? []).filter((u) => BigInt(u) > BigInt(afterUserId));
        return above.filter((_, i) => (i + 1) % every === 0 && i + 1 < above.length);
      },
    },
    presence: {
      async onlineGateways(userIds) {
        const out = new Map<Id, string[]>();
        for (const u of userIds) {
          const gws = world.online.get(u);
          if (gws?.length) out.set(u, [...gws]);
        }
        return out;
      },
      async isOnline(userId) {
        return (world.online.get(userId)?.length ?? 0) > 0 || world.stale.some((s) => s.userId === userId);
      },
      async expire(_olderThanMs, limit) {
        const batch = world.stale.splice(0, limit);
        const offlineUserIds = batch
          .map((s) => s.userId)
          .filter((u) => !world.stale.some((s) => s.userId === u) && !(world.online.get(u)?.length));
        return { found: batch.length, removed: batch.length, offlineUserIds };
      },
    },
    deliveries: {
      async delivered(key) {
        return new Set(world.deliveryLog.get(key) ?? []);
      },
      async record(key, entries) {
        const set = world.deliveryLog.get(key) ?? new Set<string>();
        for (const e of entries) set.add(e);
        world.deliveryLog.set(key, set);
      },
    },
  };
  return world;
}

/** Events published to a topic, as their envelopes. */
export function eventsOn(world: FakeWorld, topic: string): { userIds: Id[]; event: { type: string } & Record<string, unknown> }[] {
  return world.published.filter((p) => p.topic === topic).map((p) => p.record.value as never);
}
