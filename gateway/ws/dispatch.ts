// Turns downstream records into frames for local sockets. Each record is encoded once, to UTF-8
// bytes, and that one buffer is written to every connection it concerns: sockets that read
// slowly all hold references to the same bytes rather than a copy each.
import type { DownstreamBatch, EventEnvelope } from '../../contract/index.ts';
import { sendRaw, type ConnectionRegistry } from './connections.ts';
import { toWire, TYPING_TTL_MS, type ServerFrame } from '../../contract/index.ts';

const encode = (f: ServerFrame): Buffer => Buffer.from(JSON.stringify(f));

export function dispatchDownstream(registry: ConnectionRegistry, batch: DownstreamBatch): number {
  switch (batch.kind) {
    case 'message':
      return registry.sendToUsers(batch.userIds, encode({ type: 'message', message: toWire(batch.message) }), batch.exceptConnectionId);
    case 'event':
      return registry.sendToUsers(batch.userIds, encode({ type: 'event', event: batch.event }));
    case 'ack':
      return toConnectionOrUser(registry, batch.userId, batch.connectionId, encode({
        type: 'ack',
        client_msg_id: batch.clientMsgId,
        message_id: batch.messageId,
        conversation_id: batch.conversationId,
        seq: batch.seq,
        ts: batch.ts,
      }));
    case 'error':
      return toConnectionOrUser(registry, batch.userId, batch.connectionId, encode({
        type: 'error',
        code: batch.code,
        message: batch.message,
        ...(batch.clientMsgId ? { client_msg_id: batch.clientMsgId } : {}),
        ...(batch.requestId ? { request_id: batch.requestId } : {}),
      }));
  }
}

/** Acks and errors go to the connection that sent the frame; if it is gone, to the user's others. */
function toConnectionOrUser(registry: ConnectionRegistry, userId: string, connectionId: string | undefined, encoded: Buffer): number {
  const conn = connectionId ? registry.get(connectionId) : undefined;
  if (conn && conn.userId === userId) return sendRaw(conn, encoded, registry) ? 1 : 0;
  return registry.sendToUsers([userId], encoded);
}

export function dispatchEvent(registry: ConnectionRegistry, envelope: EventEnvelope, now = Date.now()): number {
  // A typing event that waited in the topic (a consumer behind) longer than it holds is over.
  if (envelope.event.type === 'typing' && now - envelope.at > TYPING_TTL_MS) return 0;
  const local = envelope.userIds.filter((u) => registry.hasUser(u));
  if (local.length === 0) return 0;
  return registry.sendToUsers(local, encode({ type: 'event', event: envelope.event }));
}
