import { describe, expect, it } from 'vitest';
import { parseUpstream } from '../../logic/upstream-schema.ts';

const good = {
  kind: 'send',
  userId: '12',
  conversationId: '34',
  clientMsgId: 'c-1',
  messageType: 1,
  content: 'hi',
  gatewayId: 'gw-1',
  timestamp: 1,
};
const enc = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('parseUpstream', () => {
  it('accepts a well-formed send', () => {
    expect(parseUpstream(enc(good), 100)).toEqual({ ok: true, message: good });
  });

  it.each([
    ['empty', null, 'empty'],
    ['not JSON', Buffer.from('{nope'), 'not JSON'],
    ['array', enc([1]), 'not an object'],
    ['unknown kind', enc({ ...good, kind: 'x' }), 'unknown kind'],
    ['numeric user id', enc({ ...good, userId: 12 }), 'userId'],
    ['bad conversation id', enc({ ...good, conversationId: '0x1' }), 'conversationId'],
    ['long client id', enc({ ...good, clientMsgId: 'x'.repeat(65) }), 'clientMsgId'],
    ['content not string', enc({ ...good, content: 5 }), 'content'],
    ['content too big', enc({ ...good, content: 'é'.repeat(60) }), 'exceeds'],
    ['no gateway', enc({ ...good, gatewayId: undefined }), 'gatewayId'],
    ['bad type', enc({ ...good, messageType: 0 }), 'messageType'],
  ])('rejects %s with the reason', (_name, raw, reason) => {
    const r = parseUpstream(raw, 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
