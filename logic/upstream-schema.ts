// Validates a record read from the upstream topic. Anything that fails is poison: it goes to
// the dead-letter topic with the reason instead of blocking its partition.
import type { UpstreamMessage } from '../bus/payloads.ts';

const ID = /^[1-9]\d{0,19}$/;

export type ParseResult = { ok: true; message: UpstreamMessage } | { ok: false; reason: string };

export function parseUpstream(raw: Buffer | null, maxContentBytes: number): ParseResult {
  if (!raw) return { ok: false, reason: 'empty record' };
  let v: unknown;
  try {
    v = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'not an object' };
  const m = v as Record<string, unknown>;
  const str = (k: string): string | undefined => {
    const x = m[k];
    return typeof x === 'string' ? x : undefined;
  };
  if (m.kind !== 'send') return { ok: false, reason: `unknown kind ${JSON.stringify(m.kind)}` };
  const userId = str('userId');
  const conversationId = str('conversationId');
  const clientMsgId = str('clientMsgId');
  const content = str('content');
  const gatewayId = str('gatewayId');
  if (!userId || !ID.test(userId)) return { ok: false, reason: 'userId must be a decimal id string' };
  if (!conversationId || !ID.test(conversationId)) return { ok: false, reason: 'conversationId must be a decimal id string' };
  if (!clientMsgId || clientMsgId.length > 64) return { ok: false, reason: 'clientMsgId must be 1-64 characters' };
  if (content === undefined) return { ok: false, reason: 'content must be a string' };
  if (Buffer.byteLength(content) > maxContentBytes) return { ok: false, reason: `content exceeds ${maxContentBytes} bytes` };
  if (!gatewayId) return { ok: false, reason: 'gatewayId missing' };
  if (!Number.isInteger(m.messageType) || (m.messageType as number) < 1 || (m.messageType as number) > 255) {
    return { ok: false, reason: 'messageType must be an integer 1-255' };
  }
  const connectionId = str('connectionId');
  return {
    ok: true,
    message: {
      kind: 'send',
      userId,
      conversationId,
      clientMsgId,
      content,
      gatewayId,
      messageType: m.messageType as number,
      timestamp: typeof m.timestamp === 'number' ? m.timestamp : Date.now(),
      ...(connectionId ? { connectionId } : {}),
    },
  };
}
