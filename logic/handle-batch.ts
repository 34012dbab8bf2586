// The messages of one conversation from one Kafka batch: authorise and persist them together
// (one transaction, gap-free seqs, idempotent per client_msg_id), then ack each sender and fan
// out. Nothing reaches anyone before it is stored; the records go to the batch's outbox.
import type { ChatMessage, DownstreamBatch, Id, UpstreamMessage } from '../bus/payloads.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { LogicDeps, SaveResult } from './deps.ts';
import { groupByGateway, usesLargeFanout } from './fanout-plan.ts';
import type { Outbox } from './outbox.ts';

export type SendOutcome =
  | { status: 'delivered'; message: ChatMessage; duplicate: boolean; fanout: 'direct' | 'workflow' }
  | { status: 'rejected'; code: string; reason: string; upstream: UpstreamMessage };

export interface BatchContext {
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
}

const REFUSAL_CODES: Record<string, string> = {
  not_member: 'NOT_CONVERSATION_MEMBER',
  muted: 'MUTED',
  not_found: 'NOT_FOUND',
  invalid_input: 'VALIDATION_ERROR',
  client_msg_id_reused: 'CONFLICT',
};

/** Acks and errors go to the sender's gateway, addressed to the connection that sent the frame. */
function toSender(msg: UpstreamMessage): { connectionId?: string } {
  return msg.connectionId ? { connectionId: msg.connectionId } : {};
}

export async function handleConversationBatch(ctx: BatchContext, conversationId: Id, msgs: UpstreamMessage[], outbox: Outbox): Promise<SendOutcome[]> {
  const { deps, topics } = ctx;
  const reject = (msg: UpstreamMessage, code: string, reason: string): SendOutcome => {
    const err: DownstreamBatch = { kind: 'error', userId: msg.userId, clientMsgId: msg.clientMsgId, code, message: reason, ...toSender(msg) };
    outbox.add(topics.downstream(msg.gatewayId), { key: msg.userId, value: err });
    return { status: 'rejected', code, reason, upstream: msg };
  };

  const conversation = await deps.getConversation(conversationId);
  if (!conversation) return msgs.map((m) => reject(m, 'NOT_FOUND', `conversation ${conversationId} does not exist`));

  const results: SaveResult[] = await deps.saveBatch(
    conversationId,
    msgs.map((m) => ({ conversationId, senderId: m.userId, clientMsgId: m.clientMsgId, messageType: m.messageType, content: m.content })),
  );
  const senders = await deps.getSenders([...new Set(msgs.filter((_, i) => results[i]?.ok).map((m) => m.userId))]);

  const outcomes: SendOutcome[] = [];
  const delivered: { msg: UpstreamMessage; message: ChatMessage; duplicate: boolean }[] = [];
  msgs.forEach((msg, i) => {
    const r = results[i]!;
    if (!r.ok) {
      outcomes.push(reject(msg, REFUSAL_CODES[r.code] ?? 'VALIDATION_ERROR', r.message));
      return;
    }
    const sender = senders.get(msg.userId);
    const message: ChatMessage = {
      messageId: r.saved.messageId,
      conversationId,
      seq: r.saved.seq,
      senderId: msg.userId,
      clientMsgId: msg.clientMsgId,
      messageType: msg.messageType,
      content: msg.content,
      createdAt: r.saved.createdAt,
      ...(sender ? { sender } : {}),
    };
    delivered.push({ msg, message, duplicate: r.saved.duplicate });
  });
  if (delivered.length === 0) return outcomes;

  // A repeat fans out again (a recipient may have missed the first delivery if a worker died
  // after storing it); clients drop what they already have by id. Once per message per batch.
  const unique = [...new Map(delivered.map((d) => [d.message.messageId, d.message])).values()].sort((a, b) => a.seq - b.seq);
  const large = usesLargeFanout(conversation, ctx.fanoutThreshold);
  if (large) {
    await Promise.all(unique.map((m) => deps.startLargeFanout(m, conversation.memberCount)));
  }
  for (const d of delivered) {
    const ack: DownstreamBatch = {
      kind: 'ack',
      userId: d.msg.userId,
      clientMsgId: d.msg.clientMsgId,
      messageId: d.message.messageId,
      conversationId,
      seq: d.message.seq,
      ts: d.message.createdAt,
      ...toSender(d.msg),
    };
    outbox.add(topics.downstream(d.msg.gatewayId), { key: d.msg.userId, value: ack });
    outcomes.push({ status: 'delivered', message: d.message, duplicate: d.duplicate, fanout: large ? 'workflow' : 'direct' });
  }
  if (!large) {
    const members = await deps.getMemberIds(conversationId);
    const byGateway = groupByGateway(members, await deps.getOnlineGateways(members));
    for (const message of unique) {
      for (const [gatewayId, userIds] of byGateway) {
        outbox.add(topics.downstream(gatewayId), { key: conversationId, value: { kind: 'message', userIds, message } satisfies DownstreamBatch });
      }
    }
  }
  return outcomes;
}
