// One upstream send: authorise → persist (idempotent, assigns seq) → ack the sender → fan out.
// Nothing reaches anyone before the message is durably stored.
import type { JsonRecord } from '../bus/kafka.ts';
import type { ChatMessage, DownstreamBatch, UpstreamMessage } from '../bus/payloads.ts';
import type { TopicNames } from '../bus/topics.ts';
import { SendRefused, type LogicDeps } from './deps.ts';
import { groupByGateway, usesLargeFanout } from './fanout-plan.ts';

export type SendOutcome =
  | { status: 'delivered'; message: ChatMessage; duplicate: boolean; fanout: 'direct' | 'workflow'; gateways: number }
  | { status: 'rejected'; code: string; reason: string };

export interface HandleSendContext {
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
}


export async function handleSend(ctx: HandleSendContext, msg: UpstreamMessage): Promise<SendOutcome> {
  const { deps, topics } = ctx;
  const senderTopic = topics.downstream(msg.gatewayId);
  const reject = async (code: string, reason: string): Promise<SendOutcome> => {
    const err: DownstreamBatch = {
      kind: 'error',
      userId: msg.userId,
      clientMsgId: msg.clientMsgId,
      code,
      message: reason,
      ...(msg.connectionId ? { connectionId: msg.connectionId } : {}),
    };
    await deps.publish([{ topic: senderTopic, records: [{ key: msg.userId, value: err }] }]);
    return { status: 'rejected', code, reason };
  };

  const conversation = await deps.getConversation(msg.conversationId);
  if (!conversation) return reject('NOT_FOUND', `conversation ${msg.conversationId} does not exist`);
  const membership = await deps.getMembership(msg.conversationId, msg.userId);
  if (!membership) return reject('NOT_CONVERSATION_MEMBER', 'you are not a member of this conversation');
  if (membership.muted) return reject('MUTED', 'you are muted in this conversation');

  let saved;
  try {
    saved = await deps.saveMessage({
      conversationId: msg.conversationId,
      senderId: msg.userId,
      clientMsgId: msg.clientMsgId,
      messageType: msg.messageType,
      content: msg.content,
    });
  } catch (err) {
    if (err instanceof SendRefused) return reject(err.code, err.message);
    throw err;
  }
  const sender = await deps.getSenderInfo(msg.userId);
  const message: ChatMessage = {
    messageId: saved.messageId,
    conversationId: msg.conversationId,
    seq: saved.seq,
    senderId: msg.userId,
    clientMsgId: msg.clientMsgId,
    messageType: msg.messageType,
    content: msg.content,
    createdAt: saved.createdAt,
    ...(sender ? { sender } : {}),
  };
  const ack: DownstreamBatch = {
    kind: 'ack',
    userId: msg.userId,
    clientMsgId: msg.clientMsgId,
    messageId: saved.messageId,
    conversationId: msg.conversationId,
    seq: saved.seq,
    ts: saved.createdAt,
    ...(msg.connectionId ? { connectionId: msg.connectionId } : {}),
  };

  // A redelivered or resent message fans out again: a recipient may have missed the first
  // delivery if the worker died after storing it. Clients drop what they already have by id.
  if (usesLargeFanout(conversation, ctx.fanoutThreshold)) {
    await deps.startLargeFanout(message, conversation.memberCount);
    await deps.publish([{ topic: senderTopic, records: [{ key: msg.userId, value: ack }] }]);
    return { status: 'delivered', message, duplicate: saved.duplicate, fanout: 'workflow', gateways: 0 };
  }

  const members = await deps.getMemberIds(msg.conversationId);
  const online = await deps.getOnlineGateways(members);
  const byGateway = groupByGateway(members, online);
  // The ack goes first in the sender gateway's list so the sender sees ack before echo.
  const batch = new Map<string, JsonRecord[]>([[senderTopic, [{ key: msg.userId, value: ack }]]]);
  for (const [gatewayId, userIds] of byGateway) {
    const topic = topics.downstream(gatewayId);
    const out: DownstreamBatch = { kind: 'message', userIds, message };
    const records = batch.get(topic) ?? [];
    records.push({ key: msg.conversationId, value: out });
    batch.set(topic, records);
  }
  await deps.publish([...batch].map(([topic, records]) => ({ topic, records })));
  return { status: 'delivered', message, duplicate: saved.duplicate, fanout: 'direct', gateways: byGateway.size };
}
