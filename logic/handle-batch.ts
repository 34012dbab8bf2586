// One Kafka batch of upstream sends, grouped by conversation. The batch's messages are authorised
// and stored together (one transaction, gap-free seqs per conversation, idempotent per client_msg_id);
// then, once for the whole batch, senders, members and presence are looked up and every ack
// and per-gateway message record goes to the outbox. Nothing reaches anyone before it is stored.
// With tracing on, `traces` places the store, the records and the fan-out start in each
// message's trace.
import type { Context } from '@opentelemetry/api';
import type { ChatMessage, DownstreamBatch, ErrorCode, Id, UpstreamMessage } from '../contract/index.ts';
import type { TopicNames } from '../bus/topics.ts';
import type { ConversationInfo, LogicDeps, SaveInput, SaveResult } from './deps.ts';
import { groupByGateway, usesLargeFanout } from '../domain/fanout-plan.ts';
import { SEND_REFUSAL_CODES } from '../domain/send-refusals.ts';
import type { SendOutcome } from '../domain/send-outcome.ts';
import type { Outbox } from './outbox.ts';
import { mentionedInLarge, pushRecordsFor, type PushRule } from './push-records.ts';
import type { BatchTraces } from '../telemetry/batch-traces.ts';
import { inContext } from '../telemetry/spans.ts';

export type { SendOutcome };

export interface BatchContext {
  deps: LogicDeps;
  topics: TopicNames;
  fanoutThreshold: number;
  /** Most messages stored in one transaction. */
  maxPerTransaction?: number;
  /** The batch's traced messages; absent when tracing is off. */
  traces?: BatchTraces;
  /** Offline push (config.push); absent when it is off, and then nothing of it runs. */
  push?: PushRule;
}

/** The repo's refusals in the contract's codes (the same a REST send gets). */
const REFUSAL_CODES: Record<string, ErrorCode> = {
  ...SEND_REFUSAL_CODES,
  not_found: 'NOT_FOUND',
  invalid_input: 'VALIDATION_ERROR',
  client_msg_id_reused: 'CONFLICT',
  reply_not_found: 'REPLY_TARGET_NOT_FOUND',
  mention_not_member: 'MENTION_NOT_MEMBER',
  mention_all_forbidden: 'MENTION_ALL_FORBIDDEN',
};

/** A record as the repo stores it; references only when the record has them (older gateways send none). */
function toInput(conversationId: Id, m: UpstreamMessage): SaveInput {
  return {
    conversationId,
    senderId: m.userId,
    clientMsgId: m.clientMsgId,
    messageType: m.messageType,
    content: m.content,
    ...(m.replyTo ? { replyToId: m.replyTo } : {}),
    ...(m.mentions && m.mentions.length > 0 ? { mentions: m.mentions } : {}),
    ...(m.mentionAll ? { mentionAll: true } : {}),
  };
}

/** Acks and errors go to the sender's gateway, addressed to the connection that sent the frame. */
function toSender(msg: UpstreamMessage): { connectionId?: string } {
  return msg.connectionId ? { connectionId: msg.connectionId } : {};
}

interface Stored {
  conversationId: Id;
  conversation: ConversationInfo | null;
  msgs: UpstreamMessage[];
  results: SaveResult[];
}

/**
 * Phase 1: the whole batch stored in one transaction (a few statements however many
 * conversations it holds), in chunks of at most `maxPerTransaction` messages; a conversation
 * larger than what is left of a chunk continues in the next one, so its order holds.
 */
async function store(ctx: BatchContext, groups: Map<Id, UpstreamMessage[]>): Promise<Stored[]> {
  const max = ctx.maxPerTransaction ?? 1000;
  const stored = new Map<Id, Stored>([...groups].map(([conversationId, msgs]) => [conversationId, { conversationId, conversation: null, msgs, results: [] }]));
  for (const chunk of chunksOf(groups, max)) {
    const inputs = new Map([...chunk].map(([conversationId, msgs]) => [conversationId, msgs.map((m) => toInput(conversationId, m))]));
    const save = () => ctx.deps.saveAll(inputs);
    const saved = await (ctx.traces ? ctx.traces.dbStore([...chunk.values()].flat(), save) : save());
    for (const [conversationId, { conversation, results }] of saved) {
      const s = stored.get(conversationId)!;
      s.conversation = conversation;
      s.results.push(...results);
    }
  }
  return [...stored.values()];
}

function* chunksOf(groups: Map<Id, UpstreamMessage[]>, max: number): Generator<Map<Id, UpstreamMessage[]>> {
  let chunk = new Map<Id, UpstreamMessage[]>();
  let size = 0;
  for (const [conversationId, msgs] of groups) {
    for (let i = 0; i < msgs.length;) {
      const take = Math.min(max - size, msgs.length - i);
      chunk.set(conversationId, msgs.slice(i, i + take));
      size += take;
      i += take;
      if (size >= max) {
        yield chunk;
        chunk = new Map();
        size = 0;
      }
    }
  }
  if (size > 0) yield chunk;
}

export async function handleBatch(ctx: BatchContext, groups: Map<Id, UpstreamMessage[]>, outbox: Outbox): Promise<SendOutcome[]> {
  const { deps, topics, traces } = ctx;
  // The senders' profiles do not depend on the store: looked up while it runs.
  const senderIds = new Set<Id>();
  for (const msgs of groups.values()) for (const m of msgs) senderIds.add(m.userId);
  const sendersLookup = deps.getSenders([...senderIds]);
  sendersLookup.catch(() => undefined); // awaited below; a store failure must not leave it unhandled
  const stored = await store(ctx, groups);
  // The versions the store committed, published beside the lookups below and before any record
  // leaves (the outbox is sent after this returns).
  const bumps = stored.flatMap((s) => (s.conversation?.version !== undefined ? [{ id: s.conversationId, version: s.conversation.version }] : []));
  const published = bumps.length > 0 ? deps.publishVersions(bumps) : Promise.resolve();
  published.catch(() => undefined); // awaited below; a failed lookup must not leave it unhandled

  // Phase 2, once for the whole batch: members (read by the store where it could), then presence.
  const direct = stored.filter((s) => s.conversation && !usesLargeFanout(s.conversation, ctx.fanoutThreshold) && s.results.some((r) => r.ok));
  const members = new Map<Id, Id[]>();
  for (const s of direct) if (s.conversation?.memberIds) members.set(s.conversationId, s.conversation.memberIds);
  const unread = direct.filter((s) => !members.has(s.conversationId)).map((s) => s.conversationId);
  if (unread.length > 0) for (const [id, ids] of await deps.getMembersOf(unread)) members.set(id, ids);
  const lookup = new Set([...members.values()].flat());
  // With push on, the members a large group's message mentions are looked up in the same trip.
  if (ctx.push) for (const id of mentionedInLarge(stored, ctx.fanoutThreshold)) lookup.add(id);
  const [senders, online] = await Promise.all([sendersLookup, deps.getOnlineGateways([...lookup]), published]);

  const outcomes: SendOutcome[] = [];
  const reject = (msg: UpstreamMessage, code: ErrorCode, reason: string) => {
    const err: DownstreamBatch = { kind: 'error', userId: msg.userId, clientMsgId: msg.clientMsgId, code, message: reason, ...toSender(msg) };
    outbox.add(topics.downstream(msg.gatewayId), { key: msg.userId, value: err }, traces?.context(msg));
    outcomes.push({ status: 'rejected', code, reason, upstream: msg });
  };
  const fanouts: Promise<void>[] = [];
  /** A stored message's trace: that of the first traced send of it in this batch. */
  const traceOf = traces && new Map<Id, Context | undefined>();
  const sentFrom = new Map<Id, { gatewayId: string; connectionId: string }>();

  for (const { conversationId, conversation, msgs, results } of stored) {
    if (!conversation) {
      msgs.forEach((m) => reject(m, 'NOT_FOUND', `conversation ${conversationId} does not exist`));
      continue;
    }
    const large = usesLargeFanout(conversation, ctx.fanoutThreshold);
    const unique = new Map<Id, ChatMessage>();
    msgs.forEach((msg, i) => {
      const r = results[i]!;
      if (!r.ok) return reject(msg, REFUSAL_CODES[r.code] ?? 'VALIDATION_ERROR', r.message);
      const sender = senders.get(msg.userId);
      const message: ChatMessage = {
        messageId: r.saved.messageId,
        conversationId,
        seq: r.saved.seq,
        senderId: msg.userId,
        clientMsgId: msg.clientMsgId,
        // What was stored, never what this record carries: a resend may differ from the original.
        messageType: r.saved.messageType,
        content: r.saved.content,
        createdAt: r.saved.createdAt,
        ...(r.saved.recalled ? { recalled: true } : {}),
        ...(sender ? { sender } : {}),
        // As stored too: the quote the store read when it checked the reference.
        ...(r.saved.replyTo ? { replyTo: r.saved.replyTo } : {}),
        ...(r.saved.mentions && r.saved.mentions.length > 0 ? { mentions: r.saved.mentions } : {}),
        ...(r.saved.mentionAll ? { mentionAll: true } : {}),
      };
      // A repeat fans out again (a recipient may have missed the first delivery if a worker
      // died after storing it); clients drop what they already have by id. Once per batch.
      unique.set(message.messageId, message);
      // The first connection that sent it gets the ack and not the message frame too.
      if (msg.connectionId && !sentFrom.has(message.messageId)) sentFrom.set(message.messageId, { gatewayId: msg.gatewayId, connectionId: msg.connectionId });
      if (traceOf && !traceOf.get(message.messageId)) traceOf.set(message.messageId, traces?.context(msg));
      const ack: DownstreamBatch = {
        kind: 'ack',
        userId: msg.userId,
        clientMsgId: msg.clientMsgId,
        messageId: message.messageId,
        conversationId,
        seq: message.seq,
        ts: message.createdAt,
        ...toSender(msg),
      };
      outbox.add(topics.downstream(msg.gatewayId), { key: msg.userId, value: ack }, traces?.context(msg));
      outcomes.push({ status: 'delivered', message, duplicate: r.saved.duplicate, fanout: large ? 'workflow' : 'direct' });
    });
    const inOrder = [...unique.values()].sort((a, b) => a.seq - b.seq);
    if (ctx.push) {
      for (const [i, record] of pushRecordsFor(ctx.push, conversation, large, inOrder, members.get(conversationId) ?? [], online)) {
        outbox.add(topics.push, { key: conversationId, value: record }, traceOf?.get(inOrder[i]!.messageId));
      }
    }
    if (large) {
      // Started inside the message's trace, the workflow's spans join it.
      fanouts.push(...inOrder.map((m) => inContext(traceOf?.get(m.messageId), () => deps.startLargeFanout(m, conversation.memberCount))));
      continue;
    }
    const byGateway = groupByGateway(members.get(conversationId) ?? [], online);
    for (const message of inOrder) {
      const from = sentFrom.get(message.messageId);
      for (const [gatewayId, userIds] of byGateway) {
        const except = from?.gatewayId === gatewayId ? { exceptConnectionId: from.connectionId } : {};
        outbox.add(topics.downstream(gatewayId), { key: conversationId, value: { kind: 'message', userIds, message, ...except } satisfies DownstreamBatch }, traceOf?.get(message.messageId));
      }
    }
  }
  await Promise.all(fanouts);
  return outcomes;
}
