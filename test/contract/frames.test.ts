import { describe, expect, it } from 'vitest';
import { parseClientFrame } from '../../contract/index.ts';

const limits = { maxContentBytes: 1000, maxSyncConversations: 3 };
const send = { type: 'send', client_msg_id: 'c-1', conversation_id: '12', msg_type: 1, content: 'hi' };
const j = (v: unknown) => JSON.stringify(v);

describe('client frame parsing', () => {
  it.each([
    [{ type: 'ping' }],
    [{ type: 'auth', token: 'abc' }],
    [send],
    [{ type: 'read', conversation_id: '12', seq: 0 }],
    [{ type: 'sync', conversations: { '12': 3, '13': 0 } }],
    [{ type: 'sync', conversations: { '12': 3 }, limit: 1000 }],
    [{ ...send, conversation_id: '18446744073709551615' }],
  ])('accepts %o', (frame) => {
    expect(parseClientFrame(j(frame), limits).ok).toBe(true);
  });

  it('defaults msg_type to text and sync limit to 200', () => {
    const { msg_type: _m, ...noType } = send;
    expect(parseClientFrame(j(noType), limits)).toMatchObject({ ok: true, frame: { msg_type: 1 } });
    expect(parseClientFrame(j({ type: 'sync', conversations: {} }), limits)).toMatchObject({ ok: true, frame: { limit: 200 } });
  });

  it.each([
    ['bad JSON', '{"type":', 'BAD_FRAME', undefined],
    ['array', '[1,2]', 'BAD_FRAME', undefined],
    ['string', '"ping"', 'BAD_FRAME', undefined],
    ['null', 'null', 'BAD_FRAME', undefined],
    ['unknown type', j({ type: 'shout' }), 'UNKNOWN_FRAME_TYPE', undefined],
    ['missing type', j({ content: 'x' }), 'UNKNOWN_FRAME_TYPE', undefined],
    ['unknown field', j({ ...send, admin: true }), 'VALIDATION_ERROR', 'admin'],
    ['numeric conversation id', j({ ...send, conversation_id: 12 }), 'VALIDATION_ERROR', 'conversation_id'],
    ['conversation id 2^64', j({ ...send, conversation_id: '18446744073709551616' }), 'VALIDATION_ERROR', '18446744073709551615'],
    ['conversation id of 20 nines', j({ ...send, conversation_id: '99999999999999999999' }), 'VALIDATION_ERROR', 'conversation_id'],
    ['conversation id 0', j({ ...send, conversation_id: '0' }), 'VALIDATION_ERROR', 'conversation_id'],
    ['sync key 2^64', j({ type: 'sync', conversations: { '18446744073709551616': 0 } }), 'VALIDATION_ERROR', '18446744073709551616'],
    ['missing client_msg_id', j({ ...send, client_msg_id: undefined }), 'VALIDATION_ERROR', 'client_msg_id'],
    ['long client_msg_id', j({ ...send, client_msg_id: 'x'.repeat(65) }), 'VALIDATION_ERROR', 'client_msg_id'],
    ['empty content', j({ ...send, content: '' }), 'VALIDATION_ERROR', 'content'],
    ['object content', j({ ...send, content: { a: 1 } }), 'VALIDATION_ERROR', 'content'],
    ['huge content', j({ ...send, content: 'x'.repeat(1001) }), 'VALIDATION_ERROR', 'exceeds'],
    ['fractional msg_type', j({ ...send, msg_type: 1.5 }), 'VALIDATION_ERROR', 'msg_type'],
    ['negative seq', j({ type: 'read', conversation_id: '1', seq: -1 }), 'VALIDATION_ERROR', 'seq'],
    ['string seq', j({ type: 'read', conversation_id: '1', seq: '3' }), 'VALIDATION_ERROR', 'seq'],
    ['sync not object', j({ type: 'sync', conversations: [1] }), 'VALIDATION_ERROR', 'conversations'],
    ['sync bad key', j({ type: 'sync', conversations: { abc: 1 } }), 'VALIDATION_ERROR', 'abc'],
    ['sync too many', j({ type: 'sync', conversations: { '1': 0, '2': 0, '3': 0, '4': 0 } }), 'VALIDATION_ERROR', 'at most'],
    ['sync bad limit', j({ type: 'sync', conversations: {}, limit: 5000 }), 'VALIDATION_ERROR', 'limit'],
    ['sync bad since', j({ type: 'sync', conversations: {}, since: 'yesterday' }), 'VALIDATION_ERROR', 'since'],
    ['empty token', j({ type: 'auth', token: '' }), 'VALIDATION_ERROR', 'token'],
  ])('refuses %s with %s naming the problem', (_name, text, code, mentions) => {
    const r = parseClientFrame(text, limits);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      if (mentions) expect(r.message).toContain(mentions);
    }
  });

  it('keeps the client_msg_id on a refused send so the client can match the error', () => {
    const r = parseClientFrame(j({ ...send, content: '' }), limits);
    expect(r).toMatchObject({ ok: false, clientMsgId: 'c-1' });
  });
});
