// Editing messages end to end: two gateway processes, a logic worker, real sockets. An edit over
// REST reaches every device of every member live (the editor's other devices too), history and
// sync show the current content with edited_at, and a device that was away learns of the edit
// from its sync with `since`; the SDK applies edits to its local view.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../contract/index.ts';
import type { GoChatEvents } from '../../sdk/src/index.ts';
import { uniqueName } from '../helpers/config.ts';
import type { WsClient} from '../realtime/clients.ts';
import { api, createGroup, registerUser, type Frame, type User } from '../realtime/clients.ts';
import { waitFor } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { newClient } from '../sdk/clients.ts';

const suite = clusterForSuite({ gateways: 2 });
const { connect } = suite;
let gw1: string;
let gw2: string;
let rest: string;

const isAck = (cmid: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === cmid;
const isEdited = (messageId: string) => (f: Frame) => f.type === 'event' && (f.event as { type: string; messageId?: string }).type === 'edited' && (f.event as { messageId: string }).messageId === messageId;

async function sendAndAck(c: WsClient, conversationId: string, cmid: string, content: string): Promise<Frame> {
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, content });
  return c.next(isAck(cmid));
}

const edit = (user: User, messageId: string, content: string) => api<WireMessage & { code?: string }>(rest, 'PATCH', `/messages/${messageId}`, user.token, { content });

beforeAll(() => {
  [gw1, gw2] = suite.ws as [string, string];
  rest = suite.rest[0]!;
});

describe('editing a message', () => {
  it("reaches every member's devices on both gateways live, and history shows the edited content", async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'ea'), registerUser(rest, 'eb')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [a1, a2, b1, b2] = await Promise.all([connect(gw1, a), connect(gw2, a), connect(gw1, b), connect(gw2, b)]);
    const ack = await sendAndAck(a1, conversationId, 'to-edit', 'helo');
    const messageId = String(ack.message_id);

    const answer = await edit(a, messageId, 'hello, edited');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ message_id: messageId, seq: 1, content: 'hello, edited', recalled: false, edited_at: expect.any(Number) as unknown });
    const editedAt = answer.body.edited_at!;
    expect(editedAt).toBeGreaterThanOrEqual(Number(ack.ts));

    for (const c of [a1, a2, b1, b2]) {
      const ev = await c.next(isEdited(messageId));
      expect(ev.event).toEqual({ type: 'edited', conversationId, messageId, seq: 1, content: 'hello, edited', editedAt });
    }

    const history = await api<{ messages: WireMessage[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, b.token);
    expect(history.body.messages).toEqual([expect.objectContaining({ message_id: messageId, content: 'hello, edited', edited_at: editedAt })]);
    // The conversation list's preview is the edited text too (its cache entry was invalidated).
    const list = await api<{ conversations: { conversation: { id: string }; last_message: { content: string } | null }[] }>(rest, 'GET', '/conversations', b.token);
    expect(list.body.conversations.find((c) => c.conversation.id === conversationId)?.last_message?.content).toBe('hello, edited');
    // A message never edited has no edited_at.
    await sendAndAck(a1, conversationId, 'not-edited', 'plain');
    const page = await api<{ messages: WireMessage[] }>(rest, 'GET', `/conversations/${conversationId}/messages`, b.token);
    expect(page.body.messages[1]).not.toHaveProperty('edited_at');
  });

  it('tells a device that was away, on reconnect and sync, about the edit of a message it already held', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'eoa'), registerUser(rest, 'eob')]);
    const conversationId = await createGroup(rest, a, [b]);
    const [ca, cb] = await Promise.all([connect(gw1, a), connect(gw2, b)]);
    const ack1 = await sendAndAck(ca, conversationId, 'held-1', 'first');
    const ack2 = await sendAndAck(ca, conversationId, 'held-2', 'second');
    await waitFor('both held', () => cb.messages(conversationId).length === 2);
    const lastSeen = Date.now();
    await cb.close();

    const answer = await edit(a, String(ack1.message_id), 'first, edited while b was away');
    expect(answer.status).toBe(200);
    const editedAt = answer.body.edited_at!;

    const back = await connect(gw1, b);
    back.send({ type: 'sync', conversations: { [conversationId]: 2 }, since: lastSeen });
    const sync = await back.next((f) => f.type === 'sync');
    expect(sync).toMatchObject({
      conversation_id: conversationId,
      messages: [],
      recalled: [],
      edited: [{ message_id: ack1.message_id, seq: 1, content: 'first, edited while b was away', edited_at: editedAt }],
    });
    // A device that had nothing gets the current content, edited_at with it.
    back.send({ type: 'sync', conversations: { [conversationId]: 0 } });
    await waitFor('full sync', () => back.all((f) => f.type === 'sync').length === 2);
    const full = back.all((f) => f.type === 'sync')[1]!;
    expect(full.messages).toEqual([
      expect.objectContaining({ message_id: ack1.message_id, content: 'first, edited while b was away', edited_at: editedAt }),
      expect.objectContaining({ message_id: ack2.message_id, content: 'second' }),
    ]);
    expect((full.messages as WireMessage[])[1]).not.toHaveProperty('edited_at');
    // Edits from before `since` are not repeated.
    back.send({ type: 'sync', conversations: { [conversationId]: 2 }, since: editedAt + 1 });
    await waitFor('later sync', () => back.all((f) => f.type === 'sync').length === 3);
    expect(back.all((f) => f.type === 'sync')[2]).toMatchObject({ edited: [] });
  });

  it('is applied by the SDK: the edited event once, the held copy replaced, on the other side too', async () => {
    const [alice, bob] = [newClient(rest), newClient(suite.rest[1]!)];
    try {
      await Promise.all([alice.register(uniqueName('sdkea').slice(0, 32), 'correct-horse-9'), bob.register(uniqueName('sdkeb').slice(0, 32), 'correct-horse-9')]);
      const { data } = await alice.rest.POST('/conversations', { body: { name: 'edits', member_ids: [bob.userId!] } });
      const conversationId = data!.id;
      await Promise.all([alice.connect(), bob.connect()]);
      const seen: GoChatEvents['edited'][] = [];
      bob.on('edited', (e) => seen.push(e));
      const sent = await alice.send(conversationId, 'draft');
      await waitFor('bob holds it', () => bob.messages(conversationId).length === 1);

      const stored = await alice.editMessage(sent.message_id, 'final');
      expect(stored).toMatchObject({ message_id: sent.message_id, content: 'final', edited_at: expect.any(Number) as unknown });
      expect(alice.messages(conversationId)).toEqual([expect.objectContaining({ content: 'final', edited_at: stored.edited_at })]);
      await waitFor('bob sees the edit', () => bob.messages(conversationId)[0]?.content === 'final');
      expect(bob.messages(conversationId)[0]).toMatchObject({ edited_at: stored.edited_at });
      expect(bob.conversations().find((c) => c.id === conversationId)?.lastMessage?.content).toBe('final');
      expect(seen).toEqual([{ conversationId, messageId: sent.message_id, seq: 1, content: 'final', editedAt: stored.edited_at }]);

      // A refusal comes as a GoChatError with the contract's code.
      await expect(bob.editMessage(sent.message_id, 'not mine')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });
});
