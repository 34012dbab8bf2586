// The SDK in one page: two new accounts become friends, chat, count and clear unread messages,
// and one of them sends while offline. Run it against a running GoChat (`npm start`):
//   node sdk/examples/two-users.ts [--url http://127.0.0.1:3000]
import { parseArgs } from 'node:util';
import { GoChat, GoChatError, type WireMessage } from '../src/index.ts';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3000' } } });
const baseUrl = values.url;
const log = (line: string) => process.stdout.write(`${line}\n`);
const suffix = Date.now().toString(36);

// 1. Two clients, two new accounts.
const alice = new GoChat({ baseUrl });
const bob = new GoChat({ baseUrl });
await alice.register(`alice_${suffix}`, 'correct-horse-9');
await bob.register(`bob_${suffix}`, 'correct-horse-9');

// 2. Events: every stored message once, in seq order per conversation; connection states.
bob.on('message', (m: WireMessage) => log(`bob   ← [${m.seq}] ${m.sender_id === bob.userId ? 'me' : 'alice'}: ${m.content}`));
bob.on('state', (s) => log(`bob   connection: ${s}`));
await Promise.all([alice.connect(), bob.connect()]);

// 3. Friends over REST (typed from the OpenAPI document); accepting opens a 1:1 conversation.
const { data: request } = await alice.rest.POST('/friends/requests', { body: { target_user_id: bob.userId! } });
const { data: answer } = await bob.rest.PUT('/friends/requests/{id}', { params: { path: { id: request!.id } }, body: { action: 1 } });
const conversationId = answer!.conversation_id!;

// 4. Sends resolve once stored; a refusal rejects with the contract's code.
const stored = await alice.send(conversationId, 'hi bob');
await alice.send(conversationId, 'are you there?');
log(`alice → stored as message ${stored.message_id}, seq ${stored.seq}`);
try {
  await bob.send('1234567890', 'to a conversation I am not in');
} catch (err) {
  if (err instanceof GoChatError) log(`bob   refused: ${err.code}`);
}

// 5. Unread counts are exact; markRead clears them (and bob's other devices hear of it).
await until(() => view(bob)?.unread === 2);
log(`bob   unread: ${view(bob)?.unread}`);
await bob.markRead(conversationId);
log(`bob   unread after markRead: ${view(bob)?.unread}`);

// 6. Offline: sends queue and go out, once, on the next connect.
await bob.close();
const later = bob.send(conversationId, 'sent while offline');
log(`bob   pending while offline: ${bob.pending().map((p) => p.content).join(', ')}`);
await bob.connect();
log(`bob   → stored at seq ${(await later).seq}`);
await until(() => alice.messages(conversationId).length === 3);
log(`alice holds: ${alice.messages(conversationId).map((m) => `[${m.seq}] ${m.content}`).join(' · ')}`);

await Promise.all([alice.close(), bob.close()]);

function view(client: GoChat) {
  return client.conversations().find((c) => c.id === conversationId);
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
}
