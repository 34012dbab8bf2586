// Kafka topic and consumer-group names. A suffix (KAFKA_TOPIC_SUFFIX) is appended to every
// name so environments and test runs never read each other's traffic.

export interface TopicNames {
  upstream: string;
  downstream(gatewayId: string): string;
  fanoutTasks: string;
  userEvents: string;
  messageEvents: string;
  friendEvents: string;
  conversationEvents: string;
  deadLetter: string;
  /** Control records every gateway reads (token revocations). */
  sessionEvents: string;
  /** Messages for members who are offline (contract/push.ts PushRecord), when push is on. */
  push: string;
  /** Consumer group of the worker processes on the push topic. */
  pushGroup: string;
  /** Consumer group of the logic workers on the upstream topic. */
  logicGroup: string;
  /** Consumer group of one gateway on its own downstream topic. */
  gatewayGroup(gatewayId: string): string;
  /** Event topics every gateway reads (each gateway in a group of its own). */
  eventTopics: string[];
}

export function topicNames(suffix = ''): TopicNames {
  const t = (name: string) => `${name}${suffix}`;
  const userEvents = t('gochat.user-events');
  const messageEvents = t('gochat.message-events');
  const friendEvents = t('gochat.friend-events');
  const conversationEvents = t('gochat.conversation-events');
  return {
    upstream: t('gochat.messages.upstream'),
    downstream: (gatewayId) => t(`gochat.messages.downstream.${gatewayId}`),
    fanoutTasks: t('gochat.tasks.fanout'),
    userEvents,
    messageEvents,
    friendEvents,
    conversationEvents,
    deadLetter: t('gochat.messages.dead-letter'),
    sessionEvents: t('gochat.session-events'),
    push: t('gochat.push'),
    pushGroup: t('push.signal.group'),
    logicGroup: t('logic.upstream.group'),
    gatewayGroup: (gatewayId) => t(`gateway.${gatewayId}.group`),
    eventTopics: [userEvents, messageEvents, friendEvents, conversationEvents],
  };
}
