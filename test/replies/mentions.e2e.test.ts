// Mentions end to end (and replies through the large-group fan-out): sockets on two gateway
// processes, the logic worker, and the Temporal worker for groups above FANOUT_THRESHOLD, set
// to 3 here so a five-member group takes the workflow path. The conversation list counts a
// member's unread mentions and drops them as they read; refused mentions store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsClient} from '../realtime/clients.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { waitFor } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { closeAll, newClient } from '../sdk/clients.ts';
import { uniqueName } from '../helpers/config.ts';
import { history, listItem, pushed, sent, wsSend } from './helpers.ts';

const suite = clusterForSuite({ gateways: 2, env: { FANOUT_THRESHOLD: '3' } });
let rest: string;

const connect = (user: User, gateway = 0): Promise<WsClient> => suite.connect(suite.ws[gateway]!, user);

/** A group of `size` members (owner first), at or under the threshold of 3 when size <= 3. */
async function group(size: number) {
  const users = await Promise.all(Array.from({ length: size }, (_, i) => registerUser(rest, `mn${i}`)));
  const id = await createGroup(rest, users[0]!, users.slice(1));
  const conns = await Promise.all(users.map((u, i) => connect(u, i % 2)));
  return { id, users, conns };
}

beforeAll(() => {
  rest = suite.rest[0]!;
});

afterAll(() => closeAll());

describe('mentions', () => {
  it('are counted in the conversation list for the mentioned member only, and reset when they read', async () => {
    const { id, users: [owner, a, b], conns: [co, ca] } = await group(3);
    expect(await listItem(rest, a!, id)).toMatchObject({ unread_count: 0, mention_count: 0 });
    const m1 = await sent(co!, id, 'hey @a', { mentions: [a!.id] });
    expect(await pushed(ca!, m1)).toMatchObject({ mentions: [a!.id] });
    await sent(co!, id, 'no mention');
    expect(await listItem(rest, a!, id)).toMatchObject({ unread_count: 2, mention_count: 1 });
    expect(await listItem(rest, b!, id)).toMatchObject({ unread_count: 2, mention_count: 0 });
    // Your own mentions of yourself are not news.
    await sent(ca!, id, 'note to self', { mentions: [a!.id] });
    expect(await listItem(rest, a!, id)).toMatchObject({ mention_count: 1 });

    expect((await api(rest, 'POST', `/conversations/${id}/read`, a!.token, { seq: 3 })).status).toBe(200);
    expect(await listItem(rest, a!, id)).toMatchObject({ unread_count: 0, mention_count: 0 });
    expect(await listItem(rest, owner!, id)).toMatchObject({ mention_count: 0 });
  });

  it('of a non-member, and @all by a plain member, are refused with nothing stored; @all by the owner counts for everyone', async () => {
    const { id, users: [owner, a, b], conns: [co, ca, cb] } = await group(3);
    const outsider = await registerUser(rest, 'mnx');
    expect(await wsSend(co!, id, 'hello stranger', { mentions: [a!.id, outsider.id] })).toMatchObject({ type: 'error', code: 'MENTION_NOT_MEMBER' });
    expect(await wsSend(ca!, id, 'everyone!', { mention_all: true })).toMatchObject({ type: 'error', code: 'MENTION_ALL_FORBIDDEN' });
    expect(await history(rest, a!, id)).toEqual([]);
    const over = await api<{ code: string }>(rest, 'POST', `/conversations/${id}/messages`, a!.token, { client_msg_id: `mn-${Date.now()}`, content: 'x', mention_all: true });
    expect(over).toMatchObject({ status: 403, body: { code: 'MENTION_ALL_FORBIDDEN' } });

    const all = await sent(co!, id, 'meeting now', { mention_all: true });
    expect(await pushed(cb!, all)).toMatchObject({ seq: 1, mention_all: true });
    expect(await listItem(rest, a!, id)).toMatchObject({ mention_count: 1 });
    expect(await listItem(rest, b!, id)).toMatchObject({ mention_count: 1 });
    expect(await listItem(rest, owner!, id)).toMatchObject({ mention_count: 0 });
    // The refused senders' next sends go through.
    expect(await wsSend(ca!, id, 'ok', { mentions: [b!.id] })).toMatchObject({ type: 'ack', seq: 2 });
    expect((await history(rest, b!, id)).map((m) => [m.content, m.mentions ?? null, m.mention_all ?? false])).toEqual([['meeting now', null, true], ['ok', [b!.id], false]]);
  });

  it('and replies reach a large group through the fan-out workflow', async () => {
    const { id, users, conns } = await group(5);
    const [co, c1, c2, c3, c4] = conns;
    const original = await sent(c1!, id, 'question for the room');
    for (const c of [co, c2, c3, c4]) await pushed(c!, original);
    const reply = await sent(co!, id, 'answer', { reply_to: original, mentions: [users[1]!.id, users[2]!.id], mention_all: true });
    for (const c of [c1, c2, c3, c4]) {
      expect(await pushed(c!, reply)).toMatchObject({
        reply_to: { message_id: original, sender_id: users[1]!.id, preview: 'question for the room', recalled: false },
        mentions: [users[1]!.id, users[2]!.id],
        mention_all: true,
      });
    }
    expect(await listItem(rest, users[3]!, id)).toMatchObject({ unread_count: 2, mention_count: 1 });
  });
});

describe('the SDK', () => {
  it('sends replies and mentions and keeps the mention count of the local view', async () => {
    const [alice, bob] = [newClient(rest), newClient(suite.rest[1]!)];
    await Promise.all([alice.register(uniqueName('mna').slice(0, 32), 'correct-horse-9'), bob.register(uniqueName('mnb').slice(0, 32), 'correct-horse-9')]);
    const { data } = await alice.rest.POST('/conversations', { body: { name: 'mentions', member_ids: [bob.userId!] } });
    const conversationId = data!.id;
    await Promise.all([alice.connect(), bob.connect()]);
    await Promise.all([alice.refreshConversations(), bob.refreshConversations()]);
    const first = await alice.send(conversationId, 'first');
    const second = await alice.send(conversationId, 'look', { replyTo: first.message_id, mentions: [bob.userId!] });
    expect(second).toMatchObject({ mentions: [bob.userId], reply_to: { message_id: first.message_id, preview: 'first' } });
    const bobsView = () => bob.conversations().find((c) => c.id === conversationId);
    await waitFor('bob counts the mention', () => bobsView()?.mentions === 1 && bobsView()?.unread === 2);
    expect(bob.messages(conversationId).at(-1)).toMatchObject({ reply_to: { message_id: first.message_id, sender_id: alice.userId }, mentions: [bob.userId] });
    await bob.markRead(conversationId);
    expect(bobsView()).toMatchObject({ unread: 0, mentions: 0 });
    await expect(alice.send(conversationId, 'bad', { replyTo: '18446744073709551615' })).rejects.toMatchObject({ code: 'REPLY_TARGET_NOT_FOUND' });
    // From the server's list too, after a fresh listing.
    const third = await alice.send(conversationId, 'all of you', { mentionAll: true });
    await waitFor('bob holds it', () => bob.messages(conversationId).some((m) => m.message_id === third.message_id));
    await bob.refreshConversations();
    expect(bobsView()).toMatchObject({ mentions: 1 });
  });
});
