// Two people chat through the SDK on the real processes (two gateways, the logic worker, the
// Temporal worker): they become friends over REST and talk both ways; every message arrives
// once and in seq order, unread counts are exact, a read on one device reaches the other, a
// refusal rejects its send without blocking the next ones, sends made offline go out on
// connect, and a new device counts more unread messages than a page exactly at once, from the
// conversation list alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoChatError } from '../../sdk/src/index.ts';
import { startCluster, waitFor, type Cluster } from '../realtime/harness.ts';
import { befriend, closeAll, delivered, newClient, PASSWORD, recorded, secondDevice, signedUp, waitForConversation, type Recorded } from './clients.ts';

let cluster: Cluster;
let gw1: string;
let gw2: string;

beforeAll(async () => {
  cluster = await startCluster({ gateways: 2 });
  [gw1, gw2] = cluster.gateways.map((g) => g.url) as [string, string];
}, 180_000);

afterAll(async () => {
  await closeAll();
  await cluster?.stop();
});

/** Seqs strictly increasing from 1, one message per id: delivered once each, in order. */
function expectInOrder(list: { seq: number; message_id: string }[], n: number): void {
  expect(list.map((m) => m.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(new Set(list.map((m) => m.message_id)).size).toBe(n);
}

describe('the SDK against the real stack', () => {
  let alice: Recorded;
  let bob: Recorded;
  let bob2: Recorded;
  let conv: string;

  it('makes two users friends and lets them chat both ways, each message once and in order', { timeout: 60_000 }, async () => {
    alice = await signedUp(gw1, 'sdk_a');
    bob = await signedUp(gw2, 'sdk_b');
    await Promise.all([alice.client.connect(), bob.client.connect()]);
    expect(alice.client.state).toBe('online');
    conv = await befriend(alice.client, bob.client);
    await waitForConversation(alice, conv, () => true, 'alice learns of the conversation');
    await waitForConversation(bob, conv, () => true, 'bob learns of the conversation');

    // Both write at once, without waiting for each other.
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      sends.push(alice.client.send(conv, `a${i}`));
      sends.push(bob.client.send(conv, `b${i}`));
    }
    const stored = await Promise.all(sends);
    expect(stored).toHaveLength(12);
    for (const r of [alice, bob]) {
      await waitFor(`${r.username} holds all 12`, () => delivered(r, conv).length >= 12, 20_000);
      expectInOrder(delivered(r, conv), 12);
      expect(r.client.messages(conv).map((m) => m.message_id)).toEqual(delivered(r, conv).map((m) => m.message_id));
      expect(r.client.pending(conv)).toEqual([]);
    }
    // Both hold the same messages, with the same contents.
    expect(delivered(alice, conv).map((m) => [m.seq, m.content])).toEqual(delivered(bob, conv).map((m) => [m.seq, m.content]));
    expect(delivered(alice, conv).map((m) => m.content).sort()).toEqual([...Array.from({ length: 6 }, (_, i) => `a${i}`), ...Array.from({ length: 6 }, (_, i) => `b${i}`)].sort());
  });

  it('counts unread exactly; markRead clears it, and the other device of the same user sees the read', { timeout: 60_000 }, async () => {
    const a = await waitForConversation(alice, conv, (v) => v.lastSeq === 12, 'alice at seq 12');
    expect(a).toMatchObject({ unread: 6, readSeq: 0 });
    const b = await waitForConversation(bob, conv, (v) => v.lastSeq === 12, 'bob at seq 12');
    expect(b).toMatchObject({ unread: 6, readSeq: 0 });
    expect(b.lastMessage?.seq).toBe(12);

    // A second device of bob's, on the other gateway: it learns the count from the list.
    bob2 = await secondDevice(gw1, bob);
    await bob2.client.connect();
    expect(bob2.client.conversations().find((c) => c.id === conv)).toMatchObject({ unread: 6, lastSeq: 12 });

    await bob.client.markRead(conv);
    expect(bob.client.conversations().find((c) => c.id === conv)).toMatchObject({ unread: 0, readSeq: 12 });
    await waitForConversation(bob2, conv, (v) => v.unread === 0 && v.readSeq === 12, "bob's other device sees the read");
    expect(bob2.events.read).toContainEqual({ conversationId: conv, userId: bob.client.userId, seq: 12 });
    // Alice hears of bob's read receipt, and her own count is untouched.
    await waitFor('alice sees the read receipt', () => alice.events.read.some((r) => r.userId === bob.client.userId && r.seq === 12));
    expect(alice.client.conversations().find((c) => c.id === conv)?.unread).toBe(6);

    // New messages count again on every device; a recalled one stops counting.
    await alice.client.send(conv, 'one more');
    const last = await alice.client.send(conv, 'and a mistake');
    for (const r of [bob, bob2]) await waitForConversation(r, conv, (v) => v.unread === 2 && v.lastSeq === 14, `${r.username} counts 2 unread`);
    await alice.client.recall(last.message_id);
    for (const r of [bob, bob2]) {
      await waitForConversation(r, conv, (v) => v.unread === 1, `${r.username} drops the recalled one`);
      expect(r.events.recall).toContainEqual({ conversationId: conv, messageId: last.message_id, seq: 14, byUserId: alice.client.userId });
      expect(r.client.messages(conv).find((m) => m.seq === 14)).toMatchObject({ recalled: true, content: '' });
    }
    expect(alice.events.recall.filter((e) => e.messageId === last.message_id)).toHaveLength(1);
    await bob2.client.markRead(conv);
    await waitForConversation(bob, conv, (v) => v.unread === 0 && v.readSeq === 14, 'bob reads on the other device');
    // Alice's own messages never count as unread for her.
    expect(alice.client.conversations().find((c) => c.id === conv)?.unread).toBe(6);
    for (const r of [alice, bob]) expectInOrder(r.client.messages(conv), 14);
    // Bob's other device listed the conversation at seq 12 and loaded no history: it holds what came after.
    expect(bob2.client.messages(conv).map((m) => m.seq)).toEqual([13, 14]);
  });

  it('rejects a refused send with the contract code and keeps sending afterwards', { timeout: 60_000 }, async () => {
    const carol = await signedUp(gw1, 'sdk_c');
    await carol.client.connect();
    const refused = carol.client.send(conv, 'let me in');
    const err = await refused.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GoChatError);
    expect(err).toMatchObject({ code: 'NOT_CONVERSATION_MEMBER' });
    expect(carol.client.pending()).toEqual([]);
    expect(carol.events.error.some((e) => e.code === 'NOT_CONVERSATION_MEMBER' && e.clientMsgId !== undefined)).toBe(true);
    // The next sends, to a conversation carol is in, go through.
    const own = await carol.client.rest.GET('/conversations/world');
    const world = own.data!.conversation.id;
    const [m1, m2] = await Promise.all([carol.client.send(world, 'hello world'), carol.client.send(world, 'hello again')]);
    expect(m2.seq).toBeGreaterThan(0);
    expect(m1.message_id).not.toBe(m2.message_id);
    // Delivered in seq order among whatever else the world conversation is saying meanwhile.
    await waitFor('both held', () => [m1, m2].every((m) => carol.client.messages(world).some((h) => h.message_id === m.message_id)));
    expect(carol.events.message.filter((m) => m.message_id === m1.message_id || m.message_id === m2.message_id)).toHaveLength(2);
  });

  it('queues sends made while closed and sends them once on connect', { timeout: 60_000 }, async () => {
    await bob.client.close();
    expect(bob.client.state).toBe('closed');
    const later = [bob.client.send(conv, 'offline 1'), bob.client.send(conv, 'offline 2')];
    expect(bob.client.pending(conv).map((p) => p.content)).toEqual(['offline 1', 'offline 2']);
    await bob.client.connect();
    const stored = await Promise.all(later);
    expect(stored.map((m) => m.seq)).toEqual([15, 16]);
    await waitFor('alice gets both', () => delivered(alice, conv).length === 16);
    expectInOrder(delivered(alice, conv), 16);
    expectInOrder(bob.client.messages(conv), 16);
    expect(bob.client.pending()).toEqual([]);
  });

  it('counts many unread messages exactly on a new device from the list alone, and keeps counting', { timeout: 90_000 }, async () => {
    const dave = await signedUp(gw1, 'sdk_d');
    const erin = await signedUp(gw2, 'sdk_e');
    await Promise.all([dave.client.connect(), erin.client.connect()]);
    const chat = await befriend(dave.client, erin.client);
    await waitForConversation(erin, chat, () => true, 'erin learns of the conversation');
    await dave.client.send(chat, 'ready when you are');
    // More than a sync or history page (200) of Erin's, one of them recalled, and Dave reads up to seq 21.
    const total = 260;
    const sent = await Promise.all(Array.from({ length: total }, (_, i) => erin.client.send(chat, `note ${i + 1}`)));
    await dave.client.markRead(chat, 21);
    const [recalled, later] = [sent[99]!, sent[200]!];
    expect(Math.min(recalled.seq, later.seq)).toBeGreaterThan(21);
    await erin.client.recall(recalled.message_id);
    const unreadNow = sent.filter((m) => m.seq > 21).length - 1;

    // A new device of Dave's: every REST call it makes is seen.
    const calls: string[] = [];
    const seen: typeof fetch = (input, init) => {
      const req = input instanceof Request ? input : new Request(input, init);
      calls.push(`${req.method} ${new URL(req.url).pathname}`);
      return fetch(req);
    };
    const device = recorded(newClient(gw2, { fetch: seen }), dave.username);
    await device.client.login(dave.username, PASSWORD);
    await device.client.connect();
    expect(device.client.conversations().find((c) => c.id === chat)).toMatchObject({ lastSeq: total + 1, readSeq: 21, unread: unreadNow });
    expect(calls.filter((c) => c.endsWith('/messages'))).toEqual([]);
    expect(device.client.messages(chat)).toEqual([]);

    // A new message counts, a recall of one not held uncounts, a reconnect changes nothing.
    await erin.client.send(chat, 'one more');
    await waitForConversation(device, chat, (v) => v.unread === unreadNow + 1, 'the new message counts');
    await erin.client.recall(later.message_id);
    await waitForConversation(device, chat, (v) => v.unread === unreadNow, 'the recalled one leaves the count');
    await device.client.close();
    await device.client.connect();
    expect(device.client.conversations().find((c) => c.id === chat)?.unread).toBe(unreadNow);
    await device.client.markRead(chat);
    expect(device.client.conversations().find((c) => c.id === chat)).toMatchObject({ readSeq: total + 2, unread: 0 });
    await waitForConversation(dave, chat, (v) => v.unread === 0 && v.readSeq === total + 2, 'the other device sees the read');
    expect(calls.filter((c) => c.endsWith('/messages'))).toEqual([]);
  });
});
