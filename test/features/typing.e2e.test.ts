// Typing indicators end to end: two gateway processes, real sockets. A member's typing reaches
// every connection of the other members on both gateways, never the typist's own connections,
// and never MariaDB; non-members are refused; starts are rate-limited per connection; an
// indicator not refreshed ends with a stop from the server, as does a closing connection.
import { beforeAll, describe, expect, it } from 'vitest';
import { TYPING_MIN_INTERVAL_MS, TYPING_TTL_MS } from '../../contract/index.ts';
import type { GoChatEvents } from '../../sdk/src/index.ts';
import { uniqueName } from '../helpers/config.ts';
import type { WsClient} from '../realtime/clients.ts';
import { api, createGroup, registerUser } from '../realtime/clients.ts';
import { waitFor } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { newClient } from '../sdk/clients.ts';

const suite = clusterForSuite({ gateways: 2 });
const { connect } = suite;
let gw1: string;
let gw2: string;
let rest: string;

interface TypingEvent {
  type: 'typing';
  conversationId: string;
  userId: string;
  state: 'start' | 'stop';
}
const typingOf = (c: WsClient, conversationId: string): TypingEvent[] =>
  c.all((f) => f.type === 'event' && (f.event as { type: string }).type === 'typing' && (f.event as TypingEvent).conversationId === conversationId)
    .map((f) => f.event as TypingEvent);
const typing = (c: WsClient, conversationId: string, state: 'start' | 'stop') => c.send({ type: 'typing', conversation_id: conversationId, state });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A frame round trip on each socket: whatever the gateway pushed before it has arrived. */
async function settle(...clients: WsClient[]): Promise<void> {
  await sleep(300);
  await Promise.all(clients.map(async (c) => {
    const n = c.all((f) => f.type === 'pong').length;
    c.send({ type: 'ping' });
    await c.next(() => c.all((f) => f.type === 'pong').length > n);
  }));
}

beforeAll(() => {
  [gw1, gw2] = suite.ws as [string, string];
  rest = suite.rest[0]!;
});

describe('typing indicators across two gateways', () => {
  it("reaches the other member's devices on both gateways, not the typist's own, and stores nothing", async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ta'), registerUser(rest, 'tb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [a1, a2, b1, b2] = await Promise.all([connect(gw1, a), connect(gw2, a), connect(gw1, b), connect(gw2, b)]);

    typing(a1, conversationId, 'start');
    for (const c of [b1, b2]) {
      await waitFor('start', () => typingOf(c, conversationId).length === 1);
      expect(typingOf(c, conversationId)).toEqual([{ type: 'typing', conversationId, userId: a.id, state: 'start' }]);
    }
    typing(a1, conversationId, 'stop');
    for (const c of [b1, b2]) await waitFor('stop', () => typingOf(c, conversationId).at(-1)?.state === 'stop');
    await settle(a1, a2, b1, b2);
    expect(typingOf(a1, conversationId)).toEqual([]);
    expect(typingOf(a2, conversationId)).toEqual([]);
    expect(a1.all((f) => f.type === 'error')).toEqual([]);
    expect(typingOf(b1, conversationId)).toHaveLength(2);

    // Ephemeral: no message, no seq, nothing a sync or the history could show.
    const history = await api<{ messages: unknown[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, b.token);
    expect(history.body.messages).toEqual([]);
    const conv = await api<{ conversation: { last_seq: number } }>(rest, 'GET', `/conversations/${conversationId}`, b.token);
    expect(conv.body.conversation.last_seq).toBe(0);
  });

  it('refuses a non-member with NOT_CONVERSATION_MEMBER, marked as the answer to typing, and tells no one', async () => {
    const [a, outsider] = await Promise.all([registerUser(rest, 'tna'), registerUser(rest, 'tno')]);
    const conversationId = await createGroup(rest, a, []);
    const [ca, co] = await Promise.all([connect(gw1, a), connect(gw2, outsider)]);
    typing(co, conversationId, 'start');
    const err = await co.next((f) => f.type === 'error');
    expect(err).toMatchObject({ code: 'NOT_CONVERSATION_MEMBER', reply_to: 'typing' });
    typing(co, '18446744073709551615', 'start');
    await waitFor('second refusal', () => co.all((f) => f.type === 'error').length === 2);
    expect(co.all((f) => f.type === 'error')[1]).toMatchObject({ code: 'NOT_FOUND', reply_to: 'typing' });
    await settle(ca);
    expect(typingOf(ca, conversationId)).toEqual([]);
  });

  it('forwards one start per connection and conversation every 2 s, dropping the rest silently', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'tra'), registerUser(rest, 'trb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    const first = Date.now();
    for (let i = 0; i < 10; i++) typing(ca, conversationId, 'start');
    await waitFor('first start', () => typingOf(cb, conversationId).length === 1);
    await settle(ca, cb);
    expect(typingOf(cb, conversationId)).toHaveLength(1);
    expect(ca.all((f) => f.type === 'error')).toEqual([]);

    await sleep(Math.max(0, first + TYPING_MIN_INTERVAL_MS + 200 - Date.now()));
    for (let i = 0; i < 10; i++) typing(ca, conversationId, 'start');
    await waitFor('refreshed start', () => typingOf(cb, conversationId).length === 2);
    await settle(ca, cb);
    expect(typingOf(cb, conversationId).map((e) => e.state)).toEqual(['start', 'start']);
  });

  it('ends a start that is not refreshed with a stop from the server after the TTL', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'tea'), registerUser(rest, 'teb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    typing(ca, conversationId, 'start');
    await waitFor('start', () => typingOf(cb, conversationId).length === 1);
    const shownAt = Date.now();
    await waitFor('stop', () => typingOf(cb, conversationId).length === 2, TYPING_TTL_MS + 5000);
    const shownFor = Date.now() - shownAt;
    expect(typingOf(cb, conversationId).map((e) => e.state)).toEqual(['start', 'stop']);
    expect(shownFor).toBeGreaterThan(TYPING_TTL_MS - 1000);
    expect(shownFor).toBeLessThan(TYPING_TTL_MS + 3000);
  });

  it('stops the indicators of a connection that closes', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'tca'), registerUser(rest, 'tcb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    typing(ca, conversationId, 'start');
    await waitFor('start', () => typingOf(cb, conversationId).length === 1);
    const closedAt = Date.now();
    await ca.close();
    await waitFor('stop', () => typingOf(cb, conversationId).length === 2, 5000);
    expect(Date.now() - closedAt).toBeLessThan(TYPING_TTL_MS - 1000);
  });

  it('is sent, paced and shown by the SDK', async () => {
    const [alice, bob] = [newClient(rest), newClient(suite.rest[1]!)];
    try {
      const [a] = await Promise.all([alice.register(uniqueName('sdkta').slice(0, 32), 'correct-horse-9'), bob.register(uniqueName('sdktb').slice(0, 32), 'correct-horse-9')]);
      const { data } = await alice.rest.POST('/conversations', { body: { name: 'typing', member_ids: [bob.userId!] } });
      const conversationId = data!.id;
      await Promise.all([alice.connect(), bob.connect()]);
      const seen: GoChatEvents['typing'][] = [];
      bob.on('typing', (e) => seen.push(e));
      expect(alice.sendTyping(conversationId, 'start')).toBe(true);
      // Sooner than the gateway would forward: not written at all.
      expect(alice.sendTyping(conversationId, 'start')).toBe(false);
      await waitFor('shown', () => bob.typing(conversationId).length === 1);
      expect(bob.typing(conversationId)).toEqual([a.user.id]);
      expect(alice.sendTyping(conversationId, 'stop')).toBe(true);
      expect(alice.sendTyping(conversationId, 'stop')).toBe(false);
      await waitFor('hidden', () => bob.typing(conversationId).length === 0);
      expect(seen).toEqual([
        { conversationId, userId: a.user.id, state: 'start' },
        { conversationId, userId: a.user.id, state: 'stop' },
      ]);
      expect(alice.typing(conversationId)).toEqual([]);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });
});
