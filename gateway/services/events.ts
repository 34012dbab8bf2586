// Publishing client events on the event topics. Every gateway reads them and pushes each event
// to its local sockets of the listed users; long recipient lists are split into envelopes of a
// bounded size so no record grows with the size of a group.
import type { JsonProducer } from '../../bus/kafka.ts';
import type { ClientEvent, EventEnvelope, SessionEvent } from '../../contract/index.ts';
import type { TopicNames } from '../../bus/topics.ts';

export type EventTopic = 'user' | 'message' | 'friend' | 'conversation';

export interface EventPublisher {
  publish(topic: EventTopic, userIds: string[], event: ClientEvent): Promise<void>;
}

const MAX_USERS_PER_ENVELOPE = 1000;

export function createEventPublisher(producer: Pick<JsonProducer, 'send'>, topics: TopicNames, now: () => number = Date.now): EventPublisher {
  const names: Record<EventTopic, string> = {
    user: topics.userEvents,
    message: topics.messageEvents,
    friend: topics.friendEvents,
    conversation: topics.conversationEvents,
  };
  return {
    async publish(topic, userIds, event) {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return;
      const at = now();
      const key = 'conversationId' in event ? event.conversationId : unique[0];
      const records = [];
      for (let i = 0; i < unique.length; i += MAX_USERS_PER_ENVELOPE) {
        const envelope: EventEnvelope = { userIds: unique.slice(i, i + MAX_USERS_PER_ENVELOPE), event, at };
        records.push({ key, value: envelope });
      }
      await producer.send(names[topic], records);
    },
  };
}

/** Tells every gateway to close the sockets opened with a token (the session-events topic). */
export function createRevocationAnnouncer(producer: Pick<JsonProducer, 'send'>, topics: TopicNames, now: () => number = Date.now) {
  return async (userId: string, tokenId: string): Promise<void> => {
    const record: SessionEvent = { kind: 'token_revoked', userId, tokenId, at: now() };
    await producer.send(topics.sessionEvents, [{ key: userId, value: record }]);
  };
}
