// The SDK's delivery rules against a scripted server (fake-server.ts): gaps held and filled by
// sync, sync looped on has_more, duplicates dropped, a refusal inside a sync frame pinned on its
// conversation, sends resent with the same client_msg_id until acked or refused, frames paced,
// unread counts exact, and the close codes of the contract obeyed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GoChat, GoChatError, type GoChatEvents, type WireMessage } from '../../sdk/src/index.ts';
import { waitFor } from '../realtime/harness.ts';
import { FakeServer, msg, tokenFor } from './fake-server.ts';

const clients: GoChat[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function setup(server: FakeServer, opts: Partial<ConstructorParameters<typeof GoChat>[0]> = {}) {
  const client = new GoChat({ baseUrl: 'http://gochat.test', token: tokenFor(server.userId), WebSocket: server.WebSocket, fetch: server.fetch, ...opts });
  clients.push(client);
  const events = { message: [] as WireMessage[], state: [] as string[], error: [] as GoChatEvents['error'][], conversation: [] as GoChatEvents['conversation'][] };
  client.on('message', (m) => events.message.push(m));
  client.on('state', (s) => events.state.push(s));
  client.on('error', (e) => events.error.push(e));
  client.on('conversation', (c) => events.conversation.push(c));
  return { client, events };
}

const seqs = (list: WireMessage[], conv = '10') => list.filter((m) => m.conversation_id === conv).map((m) => m.seq);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('delivery order', () => {
  it('holds a message above a gap until sync fills it, then delivers in seq order, once each', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 2 }];
    const { client, events } = setup(server);
    await client.connect();
    // Caught up from the seq the list gave.
    await waitFor('first sync', () => server.written('sync').length === 1);
    expect(server.written('sync')[0]).toMatchObject({ conversations: { 10: 2 } });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false });

    server.socket.push({ type: 'message', message: msg('10', 3) });
    expect(seqs(events.message)).toEqual([3]);
    server.socket.push({ type: 'message', message: msg('10', 5) });
    server.socket.push({ type: 'message', message: msg('10', 6) });
    expect(seqs(events.message)).toEqual([3]);
    await waitFor('gap sync', () => server.written('sync').length === 2);
    expect(server.written('sync')[1]).toMatchObject({ conversations: { 10: 3 } });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 4), msg('10', 5)], has_more: false });
    expect(seqs(events.message)).toEqual([3, 4, 5, 6]);

    // The same message again, live or by sync: nothing new.
    server.socket.push({ type: 'message', message: msg('10', 5) });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 6)], has_more: false });
    expect(seqs(events.message)).toEqual([3, 4, 5, 6]);
    expect(client.messages('10').map((m) => m.seq)).toEqual([3, 4, 5, 6]);
  });

  it('asks again when a sync page leaves the gap open', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 3 }];
    const { client, events } = setup(server);
    await client.connect();
    await waitFor('first sync', () => server.written('sync').length === 1);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false });
    server.socket.push({ type: 'message', message: msg('10', 5) });
    await waitFor('gap sync', () => server.written('sync').length === 2);
    // Not there yet (say, a replica behind): the SDK asks again rather than deliver 5 early.
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false });
    await waitFor('asked again', () => server.written('sync').length === 3, 3000);
    expect(server.written('sync')[2]).toMatchObject({ conversations: { 10: 3 } });
    expect(events.message).toEqual([]);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 4)], has_more: false });
    expect(seqs(events.message)).toEqual([4, 5]);
  });

  it('loops sync while has_more', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = setup(server);
    await client.connect();
    await waitFor('first sync', () => server.written('sync').length === 1);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 1), msg('10', 2)], has_more: true });
    await waitFor('second page asked', () => server.written('sync').length === 2);
    expect(server.written('sync')[1]).toMatchObject({ conversations: { 10: 2 } });
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 3)], has_more: false });
    expect(seqs(events.message)).toEqual([1, 2, 3]);
    await sleep(50);
    expect(server.written('sync')).toHaveLength(2);
  });

  it('pins a refusal inside a sync frame on the conversation it stopped at and syncs the rest again', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '30', lastSeq: 1 }, { id: '20', lastSeq: 1 }, { id: '10', lastSeq: 1 }];
    const { client } = setup(server);
    await client.connect();
    await waitFor('sync', () => server.written('sync').length === 1);
    // Walked in key order: 10, 20, 30; 20 is refused and the gateway stops there.
    expect(Object.keys(server.written('sync')[0]!.conversations)).toEqual(['10', '20', '30']);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [], has_more: false });
    server.socket.push({ type: 'error', code: 'NOT_CONVERSATION_MEMBER', message: 'not a member of 20' });
    await waitFor('the rest synced again', () => server.written('sync').length === 2);
    expect(server.written('sync')[1]!.conversations).toEqual({ 30: 1 });
    expect(client.conversations().map((c) => c.id).sort()).toEqual(['10', '30']);
  });
});

describe('sends', () => {
  it('resends with the same client_msg_id after a retryable refusal and after the ack timeout, resolving once', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = setup(server, { ackTimeoutMs: 300 });
    await client.connect();
    const sent = client.send('10', 'hi', { clientMsgId: 'fixed-1' });
    // The same id while it is pending is the same send.
    expect(client.send('10', 'hi', { clientMsgId: 'fixed-1' })).toBe(sent);
    await waitFor('written', () => server.written('send').length === 1);
    server.socket.push({ type: 'error', code: 'SERVICE_UNAVAILABLE', message: 'try again', client_msg_id: 'fixed-1' });
    await waitFor('written again', () => server.written('send').length === 2, 5000);
    // No answer at all: written a third time once the ack is overdue.
    await waitFor('written a third time', () => server.written('send').length === 3, 5000);
    expect(server.written('send').map((f) => f.client_msg_id)).toEqual(['fixed-1', 'fixed-1', 'fixed-1']);
    expect(client.pending()[0]).toMatchObject({ clientMsgId: 'fixed-1', attempts: 3 });
    const ack = { type: 'ack', client_msg_id: 'fixed-1', message_id: '99', conversation_id: '10', seq: 1, ts: 5 } as const;
    server.socket.push(ack);
    server.socket.push(ack);
    await expect(sent).resolves.toMatchObject({ message_id: '99', seq: 1, content: 'hi', sender_id: server.userId, client_msg_id: 'fixed-1' });
    expect(seqs(events.message)).toEqual([1]);
    expect(client.pending()).toEqual([]);
    expect(events.error).toEqual([]);
  });

  it('rejects a refused send with its code and keeps sending the others', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = setup(server);
    await client.connect();
    const refused = client.send('11', 'no', { clientMsgId: 'r-1' });
    const ok = client.send('10', 'yes', { clientMsgId: 'r-2' });
    await waitFor('both written', () => server.written('send').length === 2);
    server.socket.push({ type: 'error', code: 'NOT_CONVERSATION_MEMBER', message: 'not a member', client_msg_id: 'r-1' });
    const err = await refused.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoChatError);
    expect(err).toMatchObject({ code: 'NOT_CONVERSATION_MEMBER', message: 'not a member' });
    expect(events.error).toEqual([{ code: 'NOT_CONVERSATION_MEMBER', message: 'not a member', clientMsgId: 'r-1' }]);
    server.socket.push({ type: 'ack', client_msg_id: 'r-2', message_id: '50', conversation_id: '10', seq: 1, ts: 1 });
    await expect(ok).resolves.toMatchObject({ message_id: '50' });
  });

  it('settles a send from its stored copy when the ack was lost with the socket', async () => {
    const server = new FakeServer();
    server.conversations = [{ id: '10', lastSeq: 0 }];
    const { client, events } = setup(server, { reconnect: { initialMs: 1, maxMs: 5 } });
    await client.connect();
    const sent = client.send('10', 'hi', { clientMsgId: 'lost-ack' });
    await waitFor('written', () => server.written('send').length === 1);
    const first = server.socket;
    first.drop(1006);
    await waitFor('reconnected', () => server.sockets.length === 2 && client.state === 'online');
    await waitFor('sync', () => server.written('sync').length === 1);
    server.socket.push({ type: 'sync', conversation_id: '10', messages: [msg('10', 1, server.userId, { client_msg_id: 'lost-ack', content: 'hi' })], has_more: false });
    await expect(sent).resolves.toMatchObject({ seq: 1, client_msg_id: 'lost-ack' });
    // The resend's ack comes too, and changes nothing.
    server.socket.push({ type: 'ack', client_msg_id: 'lost-ack', message_id: msg('10', 1).message_id, conversation_id: '10', seq: 1, ts: 1 });
    expect(seqs(events.message)).toEqual([1]);
    expect(events.state).toEqual(['connecting', 'online', 'reconnecting', 'online']);
  });

  it('paces frames under the gateway limit', async () => {
    const server = new FakeServer();
    const { client } = setup(server, { maxFramesPerSecond: 10 });
    await client.connect();
    for (let i = 0; i < 25; i++) void client.send('10', `m${i}`).catch(() => undefined);
    await sleep(300);
    expect(server.written('send')).toHaveLength(10);
    // Attempts (and the ack timeout) count frames written, not frames waiting their turn.
    expect(client.pending().map((p) => p.attempts)).toEqual([...Array<number>(10).fill(1), ...Array<number>(15).fill(0)]);
    await waitFor('the next second', () => server.written('send').length === 20, 2000);
    expect(server.written('send').map((f) => f.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });
});

describe('unread counts', () => {
  const historyAsked = (server: FakeServer) => server.requests.filter((r) => r.method === 'GET' && /\/messages/.test(r.path));

  it('takes the read pointer and the count from the list and keeps the count exact', async () => {
    const server = new FakeServer();
    const me = server.userId;
    server.history.set('10', [msg('10', 1), msg('10', 2), msg('10', 3, me), msg('10', 4), msg('10', 5)]);
    server.conversations = [{ id: '10', lastSeq: 5, readSeq: 3, unread: 2 }];
    const { client } = setup(server);
    const view = () => client.conversations().find((c) => c.id === '10')!;
    await client.connect();
    expect(view()).toMatchObject({ lastSeq: 5, readSeq: 3, unread: 2 });
    expect(view().lastMessage?.seq).toBe(5);
    expect(historyAsked(server)).toEqual([]);
    server.socket.push({ type: 'message', message: msg('10', 6) });
    server.socket.push({ type: 'message', message: msg('10', 7, me) });
    expect(view()).toMatchObject({ lastSeq: 7, unread: 3 });
    // Read on another device up to 5: 6 is left.
    server.socket.push({ type: 'event', event: { type: 'read', conversationId: '10', userId: me, seq: 5 } });
    expect(view()).toMatchObject({ readSeq: 5, unread: 1 });
    // Someone else's read changes nothing here.
    server.socket.push({ type: 'event', event: { type: 'read', conversationId: '10', userId: '8', seq: 7 } });
    expect(view()).toMatchObject({ readSeq: 5, unread: 1 });
    // Recalled: no longer unread.
    server.socket.push({ type: 'event', event: { type: 'recall', conversationId: '10', messageId: msg('10', 6).message_id, seq: 6, byUserId: '8' } });
    expect(view()).toMatchObject({ unread: 0 });
    expect(client.messages('10').find((m) => m.seq === 6)).toMatchObject({ recalled: true, content: '' });
    await client.markRead('10');
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', path: '/conversations/10/read', body: { seq: 7 } });
    expect(view()).toMatchObject({ readSeq: 7, unread: 0 });
  });

  it('counts unread messages it does not hold: once each through recalls, history pages and reads', async () => {
    const server = new FakeServer();
    const me = server.userId;
    // 300 messages, every tenth one yours; you read up to 50.
    const history = Array.from({ length: 300 }, (_, i) => msg('10', i + 1, (i + 1) % 10 === 0 ? me : '8'));
    server.history.set('10', history);
    const listed = { id: '10', lastSeq: 300, readSeq: 50 };
    server.conversations = [listed];
    const { client } = setup(server);
    const view = () => client.conversations().find((c) => c.id === '10')!;
    /** What the server counts above the pointer, from the same history. */
    const expected = (readSeq: number) => history.filter((m) => m.seq > readSeq && m.sender_id !== me && !m.recalled).length;
    const recallEvent = (seq: number) => {
      history[seq - 1] = { ...history[seq - 1]!, recalled: true, content: '' };
      server.socket.push({ type: 'event', event: { type: 'recall', conversationId: '10', messageId: msg('10', seq).message_id, seq, byUserId: '8' } });
    };
    await client.connect();
    expect(view()).toMatchObject({ readSeq: 50, lastSeq: 300, unread: 225 });
    expect(expected(50)).toBe(225);
    expect(client.messages('10')).toEqual([]);
    expect(historyAsked(server)).toEqual([]);

    // A recall of an unread message not held counts once, however often it is heard of.
    recallEvent(99);
    recallEvent(99);
    expect(view().unread).toBe(expected(50));
    // Neither is a message counted again when history brings it, nor a recall of one held then.
    await client.loadHistory('10', { limit: 50 });
    expect(client.messages('10')).toHaveLength(50);
    expect(view().unread).toBe(expected(50));
    recallEvent(281);
    expect(view().unread).toBe(expected(50));
    // Yours and recalled ones below the pointer change nothing.
    server.socket.push({ type: 'event', event: { type: 'recall', conversationId: '10', messageId: msg('10', 30).message_id, seq: 30, byUserId: me } });
    server.socket.push({ type: 'event', event: { type: 'recall', conversationId: '10', messageId: msg('10', 21).message_id, seq: 21, byUserId: '8' } });
    expect(view().unread).toBe(expected(50));
    const next = msg('10', 301);
    history.push(next);
    server.socket.push({ type: 'message', message: next });
    expect(view()).toMatchObject({ lastSeq: 301, unread: expected(50) });

    // Read elsewhere up to 270: the messages between 50 and 250 are not held, so the list recounts.
    const lists = server.requests.filter((r) => r.path.startsWith('/conversations?')).length;
    Object.assign(listed, { lastSeq: 301, readSeq: 270 });
    server.socket.push({ type: 'event', event: { type: 'read', conversationId: '10', userId: me, seq: 270 } });
    await waitFor('the list asked again', () => server.requests.filter((r) => r.path.startsWith('/conversations?')).length > lists);
    await waitFor('the recount', () => view().unread === expected(270));
    expect(view().readSeq).toBe(270);
    // Read up to 290, all of it held: counted here, no list needed.
    const asked = server.requests.length;
    server.socket.push({ type: 'event', event: { type: 'read', conversationId: '10', userId: me, seq: 290 } });
    expect(view()).toMatchObject({ readSeq: 290, unread: expected(290) });
    await sleep(20);
    expect(server.requests.length).toBe(asked);
    await client.markRead('10');
    expect(view()).toMatchObject({ readSeq: 301, unread: 0 });
    expect(historyAsked(server)).toHaveLength(1);
  });

  it('takes reads and recalls it missed while away from the list at the next listing', async () => {
    const server = new FakeServer();
    const history = Array.from({ length: 20 }, (_, i) => msg('10', i + 1));
    server.history.set('10', history);
    const listed = { id: '10', lastSeq: 20, readSeq: 5 };
    server.conversations = [listed];
    const { client } = setup(server);
    const view = () => client.conversations().find((c) => c.id === '10')!;
    await client.connect();
    expect(view()).toMatchObject({ readSeq: 5, unread: 15 });
    // Another device read up to 12 and message 15 was recalled while this one was not listening.
    listed.readSeq = 12;
    history[14] = { ...history[14]!, recalled: true, content: '' };
    await client.refreshConversations();
    expect(view()).toMatchObject({ readSeq: 12, unread: 7 });
    // A list older than a read made here (the fake's still says 12) does not bring the pointer back.
    await client.markRead('10', 20);
    await client.refreshConversations();
    expect(view()).toMatchObject({ readSeq: 20, unread: 0 });
  });
});

describe('close codes', () => {
  it('stops on 4001: state closed, an error event, no reconnect', async () => {
    const server = new FakeServer();
    const { client, events } = setup(server, { reconnect: { initialMs: 1, maxMs: 5 } });
    await client.connect();
    server.socket.drop(4001, 'token expired');
    expect(client.state).toBe('closed');
    expect(events.error).toEqual([{ code: 'UNAUTHORIZED', message: 'token expired' }]);
    await sleep(100);
    expect(server.sockets).toHaveLength(1);
  });

  it('rejects connect() when the token is refused at once', async () => {
    const server = new FakeServer();
    server.autoReady = false;
    const { client } = setup(server);
    const connecting = client.connect();
    await waitFor('auth written', () => server.sockets[0]?.sent.length === 1);
    server.socket.drop(4003, 'token revoked');
    await expect(connecting).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(client.state).toBe('closed');
  });

  it('reconnects at once after 1012 (service restart), with backoff after other closes', async () => {
    // The jitter draws the middle of the range: 30 s with these settings.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const server = new FakeServer();
    const { client, events } = setup(server, { reconnect: { initialMs: 60_000, maxMs: 60_000 } });
    await client.connect();
    server.socket.drop(1012, 'service restart');
    await waitFor('reconnected at once', () => server.sockets.length === 2 && client.state === 'online', 500);
    server.socket.drop(1006);
    await sleep(200);
    expect(server.sockets).toHaveLength(2);
    expect(events.state).toEqual(['connecting', 'online', 'reconnecting', 'online', 'reconnecting']);
  });

  it('gives up on a silent socket after a heartbeat and a grace period', async () => {
    const server = new FakeServer();
    server.heartbeatMs = 1000;
    const { client, events } = setup(server, { reconnect: { initialMs: 1, maxMs: 5 } });
    await client.connect();
    // Stop answering anything, pings included: a half-open connection.
    const silent = server.socket;
    silent.push = () => undefined;
    const ping = silent.send.bind(silent);
    silent.send = (text: string) => {
      if (!text.includes('"ping"')) ping(text);
    };
    await waitFor('a new socket', () => server.sockets.length === 2 && client.state === 'online', 5000);
    expect(events.state).toEqual(['connecting', 'online', 'reconnecting', 'online']);
  });
});
