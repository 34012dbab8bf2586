// Events for users' sockets go on an event topic; every gateway reads the event topics and
// pushes an event to the listed users connected to it. Keyed by the subject, so the events of
// one request or user stay in order.
import type { ClientEvent, EventEnvelope, Id } from '../contract/index.ts';
import type { ActivityDeps } from './deps.ts';
import { invalidArgument } from './errors.ts';

export type EventTopic = 'friend' | 'conversation' | 'user';

export function topicFor(deps: ActivityDeps, topic: EventTopic): string {
  switch (topic) {
    case 'friend': return deps.topics.friendEvents;
    case 'conversation': return deps.topics.conversationEvents;
    case 'user': return deps.topics.userEvents;
    default: throw invalidArgument(`unknown event topic ${String(topic)}`);
  }
}

function keyOf(event: ClientEvent): string {
  switch (event.type) {
    case 'friend_request':
    case 'friend_request_result': return event.requestId;
    case 'presence': return event.userId;
    default: return 'conversationId' in event ? event.conversationId : '';
  }
}

export async function publishEnvelope(deps: ActivityDeps, topic: EventTopic, userIds: Id[], event: ClientEvent): Promise<void> {
  if (userIds.length === 0) return;
  const envelope: EventEnvelope = { userIds, event, at: deps.clock.now() };
  await deps.publish([{ topic: topicFor(deps, topic), records: [{ key: keyOf(event), value: envelope }] }]);
}
