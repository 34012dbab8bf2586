// The SDK's handling of edits and typing indicators against a scripted server
// (test/sdk/fake-server.ts): edits replace held copies once and in order, from events, sync and
// history alike; typing events build the `typing()` view, which a message or the TTL ends; the
// SDK paces its own typing frames; a refused typing frame is not taken for a sync's refusal.
import { afterEach, describe, expect, it } from 'vitest';
import { GoChat, type GoChatEvents } from '../../sdk/src/index.ts';
import { Typists } from '../../sdk/src/typing.ts';
import { TYPING_TTL_MS } from '../../contract/index.ts';
import { waitFor } from '../realtime/harness.ts';
import { FakeServer, msg, tokenFor } from '../sdk/fake-server.ts';

const clients: GoChat[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function connected(server: FakeServer) {
  const client = new GoChat({ baseUrl: 'http://gochat.test', token: tokenFor(server.userId), WebSocket: server.WebSocket, fetch: server.fetch });
  clients.push(client);
  const events = { edited: [] as GoChatEvents['edited'][], typing: [] as GoChatEvents['typing'][], error: [] as GoChatEvents['error'][] };
  client.on('edited', (e) => events.edited.push(e));
  client.on('typing', (e) => events.typing.push(e));
  client.on('error', (e) => events.error.push(e));
  await client.connect();
  await waitFor('first sync', () => server.written('sync').length === 1);
  return { client, events };
}

describe('edits in the SDK', () => {
  it('replaces the held copy once per edit, ignores older ones, and applies those a sync lists', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = await connected(server);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 1), msg('10', 2)], has_more: false });
    await waitFor('held', () => client.messages('10').length === 2);

    const edited = { type: 'edited', conversationId: '10', messageId: '1001', seq: 1, content: 'v2', editedAt: 2000 } as const;
    server.socket.push({ type: 'event', event: edited });
    server.socket.push({ type: 'event', event: edited });
    server.socket.push({ type: 'event', event: { ...edited, content: 'v1', editedAt: 1500 } });
    expect(client.messages('10')[0]).toMatchObject({ content: 'v2', edited_at: 2000 });
    expect(events.edited).toEqual([{ conversationId: '10', messageId: '1001', seq: 1, content: 'v2', editedAt: 2000 }]);

    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false, recalled: [], edited: [{ message_id: '1002', seq: 2, content: 'two, edited', edited_at: 3000 }] });
    expect(client.messages('10')[1]).toMatchObject({ content: 'two, edited', edited_at: 3000 });
    expect(client.conversations()[0]?.lastMessage).toMatchObject({ content: 'two, edited' });
    // A later copy of the message itself (a history page) carries the edit too.
    server.history.set('10', [msg('10', 1, '8', { content: 'v3', edited_at: 4000 }), msg('10', 2, '8', { content: 'two, edited', edited_at: 3000 })]);
    await client.loadHistory('10');
    expect(client.messages('10').map((m) => m.content)).toEqual(['v3', 'two, edited']);
    expect(events.edited.map((e) => e.editedAt)).toEqual([2000, 3000, 4000]);
  });

  it('leaves a recalled message blank whatever edit comes late', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client } = await connected(server);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 1, '8', { recalled: true, content: '' })], has_more: false });
    await waitFor('held', () => client.messages('10').length === 1);
    server.socket.push({ type: 'event', event: { type: 'edited', conversationId: '10', messageId: '1001', seq: 1, content: 'back?', editedAt: 9 } });
    expect(client.messages('10')[0]).toMatchObject({ recalled: true, content: '' });
  });
});

describe('typing in the SDK', () => {
  it('shows who is typing from events, and hides them on stop or on their message', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = await connected(server);
    const start = (userId: string) => server.socket.push({ type: 'event', event: { type: 'typing', conversationId: '10', userId, state: 'start' } });
    start('8');
    start('8');
    start('9');
    expect(client.typing('10').sort()).toEqual(['8', '9']);
    server.socket.push({ type: 'event', event: { type: 'typing', conversationId: '10', userId: '9', state: 'stop' } });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 1, '8')], has_more: false });
    expect(client.typing('10')).toEqual([]);
    expect(events.typing.map((e) => `${e.userId}:${e.state}`)).toEqual(['8:start', '9:start', '9:stop', '8:stop']);
  });

  it('writes a start at most every 2 s and a stop only after a start', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client } = await connected(server);
    expect([client.sendTyping('10', 'stop'), client.sendTyping('10', 'start'), client.sendTyping('10', 'start'), client.sendTyping('11', 'start')]).toEqual([false, true, false, true]);
    expect([client.sendTyping('10', 'stop'), client.sendTyping('10', 'stop')]).toEqual([true, false]);
    await waitFor('written', () => server.written('typing').length === 3);
    expect(server.written('typing')).toEqual([
      { type: 'typing', conversation_id: '10', state: 'start' },
      { type: 'typing', conversation_id: '11', state: 'start' },
      { type: 'typing', conversation_id: '10', state: 'stop' },
    ]);
  });

  it('does not take a refused typing frame for the refusal of the sync it waits for', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 1 }, { id: '20', lastSeq: 1 }];
    const { client, events } = await connected(server);
    server.socket.push({ type: 'error', code: 'NOT_CONVERSATION_MEMBER', message: 'not a member of 30', reply_to: 'typing' });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false });
    server.socket.push({ type: 'sync', conversation_id: '20', messages: [], has_more: false });
    expect(client.conversations().map((c) => c.id).sort()).toEqual(['10', '20']);
    expect(events.error).toEqual([{ code: 'NOT_CONVERSATION_MEMBER', message: 'not a member of 30' }]);
  });

  it('drops an indicator its start did not refresh within the TTL', () => {
    const typists = new Typists();
    expect(typists.heard('10', '8', 'start', 0)).toEqual({ conversationId: '10', userId: '8', state: 'start' });
    expect(typists.heard('10', '8', 'start', 3000)).toBeUndefined();
    expect(typists.expire(3000 + TYPING_TTL_MS - 1)).toEqual([]);
    expect(typists.expire(3000 + TYPING_TTL_MS)).toEqual([{ conversationId: '10', userId: '8', state: 'stop' }]);
    expect(typists.of('10')).toEqual([]);
  });
});
