// Replies end to end: real sockets on two gateway processes, the logic worker storing through
// Kafka. A reply carries its quote live, in history and in sync; history and sync show the quoted
// message as it is now (edited, recalled); a reply to a message that is not in the conversation
// is refused with its code, stores nothing and holds nothing up.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WsClient} from '../realtime/clients.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { history, pushed, sent, synced, wsSend } from './helpers.ts';

const suite = clusterForSuite({ gateways: 2 });
let rest: string;

const connect = (user: User, gateway = 0): Promise<WsClient> => suite.connect(suite.ws[gateway]!, user);

async function trio() {
  const [owner, a, b] = await Promise.all([registerUser(rest, 'rpo'), registerUser(rest, 'rpa'), registerUser(rest, 'rpb')]);
  const id = await createGroup(rest, owner, [a, b]);
  const [co, ca, cb] = await Promise.all([connect(owner, 0), connect(a, 1), connect(b, 0)]);
  return { id, owner, a, b, co, ca, cb };
}

beforeAll(() => {
  rest = suite.rest[0]!;
});

describe('replies', () => {
  it('carry the quote live, in history and in sync; history and sync follow an edit of the quoted message', async () => {
    const g = await trio();
    const long = `${'quoted '.repeat(20)}tail`;
    const original = await sent(g.co, g.id, long);
    const reply = await sent(g.ca, g.id, 'my answer', { reply_to: original });
    const quote = { message_id: original, sender_id: g.owner.id, preview: long.slice(0, 100), recalled: false };
    expect((await pushed(g.co, reply)).reply_to).toEqual(quote);
    expect((await pushed(g.cb, reply)).reply_to).toEqual(quote);
    expect((await history(rest, g.b, g.id)).find((m) => m.message_id === reply)?.reply_to).toEqual(quote);
    expect((await synced(g.cb, g.id)).find((m) => m.message_id === reply)?.reply_to).toEqual(quote);
    // The quoted message itself quotes nothing.
    expect((await history(rest, g.b, g.id)).find((m) => m.message_id === original)?.reply_to).toBeUndefined();

    const edit = await api(rest, 'PATCH', `/messages/${original}`, g.owner.token, { content: 'said better' });
    expect(edit.status).toBe(200);
    const edited = { ...quote, preview: 'said better' };
    expect((await history(rest, g.b, g.id)).find((m) => m.message_id === reply)?.reply_to).toEqual(edited);
    expect((await synced(g.cb, g.id)).find((m) => m.message_id === reply)?.reply_to).toEqual(edited);
  });

  it('to a recalled message show it recalled, without a preview', async () => {
    const g = await trio();
    const original = await sent(g.co, g.id, 'oops');
    const recall = await api(rest, 'DELETE', `/messages/${original}`, g.owner.token);
    expect(recall.status).toBe(200);
    const reply = await sent(g.ca, g.id, 'what was that?', { reply_to: original });
    const quote = { message_id: original, sender_id: g.owner.id, preview: '', recalled: true };
    expect((await pushed(g.cb, reply)).reply_to).toEqual(quote);
    expect((await history(rest, g.b, g.id)).find((m) => m.message_id === reply)?.reply_to).toEqual(quote);

    // Recalled after the reply: history shows it so from then on.
    const second = await sent(g.co, g.id, 'second');
    const reply2 = await sent(g.ca, g.id, 'to the second', { reply_to: second });
    expect((await pushed(g.cb, reply2)).reply_to).toMatchObject({ preview: 'second', recalled: false });
    expect((await api(rest, 'DELETE', `/messages/${second}`, g.owner.token)).status).toBe(200);
    expect((await synced(g.cb, g.id)).find((m) => m.message_id === reply2)?.reply_to).toEqual({ message_id: second, sender_id: g.owner.id, preview: '', recalled: true });
  });

  it('to a message of another conversation, or to none, are refused with nothing stored; the next send goes through', async () => {
    const g = await trio();
    const elsewhere = await trio();
    const foreign = await sent(elsewhere.co, elsewhere.id, 'not yours to quote');
    await sent(g.co, g.id, 'first');

    for (const target of [foreign, '18446744073709551615']) {
      const refused = await wsSend(g.ca, g.id, 'quoting the void', { reply_to: target });
      expect(refused).toMatchObject({ type: 'error', code: 'REPLY_TARGET_NOT_FOUND' });
    }
    const next = await wsSend(g.ca, g.id, 'plain again');
    expect(next).toMatchObject({ type: 'ack', seq: 2 });
    const stored = await history(rest, g.a, g.id);
    expect(stored.map((m) => m.content)).toEqual(['first', 'plain again']);

    // Over REST the refusal comes as the status, before anything enters the pipeline.
    const r = await api<{ code: string }>(rest, 'POST', `/conversations/${g.id}/messages`, g.a.token, { client_msg_id: 'rp-rest-bad', content: 'x', reply_to: foreign });
    expect(r).toMatchObject({ status: 404, body: { code: 'REPLY_TARGET_NOT_FOUND' } });
    const ok = await api<{ reply_to?: unknown; seq: number }>(rest, 'POST', `/conversations/${g.id}/messages`, g.a.token, { client_msg_id: `rp-rest-${Date.now()}`, content: 'x', reply_to: stored[0]!.message_id });
    expect(ok).toMatchObject({ status: 201, body: { seq: 3, reply_to: { message_id: stored[0]!.message_id, preview: 'first' } } });
  });

  it('a malformed reply_to is a validation error of the frame', async () => {
    const g = await trio();
    expect(await wsSend(g.ca, g.id, 'x', { reply_to: 'not-an-id' })).toMatchObject({ type: 'error', code: 'VALIDATION_ERROR' });
  });
});
