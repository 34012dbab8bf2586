// Chat with GoChat from a terminal, on the SDK:
//   npm run chat -- --user alice [--password …] [--url http://127.0.0.1:3000]
// Signs in (or signs up when the name is free), lists your conversations with their unread
// counts, and takes commands (/help); any other line is sent to the open conversation.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { GoChat, GoChatError, type ConversationView, type WireMessage } from '../src/index.ts';

const HELP = `commands:
  /list                 your conversations, most recent first, with unread counts
  /open <id>            open a conversation (shows its last messages, marks them read)
  /world                open the world conversation everyone is in
  /history              older messages of the open conversation
  /friend <username>    ask someone to be your friend
  /requests             friend requests waiting for your answer
  /accept <requestId>   accept a friend request (a 1:1 conversation opens)
  /recall <seq>         recall a message of yours in the open conversation
  /quit                 leave
  anything else         is sent to the open conversation`;

const { values } = parseArgs({
  options: {
    user: { type: 'string', short: 'u' },
    password: { type: 'string', short: 'p' },
    url: { type: 'string', default: process.env.GOCHAT_URL ?? 'http://127.0.0.1:3000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || !values.user) {
  process.stdout.write(`usage: npm run chat -- --user NAME [--password PASSWORD] [--url ${values.url}]\n\n${HELP}\n`);
  process.exit(values.help ? 0 : 64);
}
const username = values.user;

const rl = createInterface({ input: process.stdin, output: process.stdout });
const client = new GoChat({ baseUrl: values.url });
const names = new Map<string, string>();
let current: string | undefined;
let leaving = false;

/** Prints above the prompt without breaking the line being typed. */
function say(line: string): void {
  process.stdout.write(`\r\x1b[K${line}\n`);
  if (!leaving) rl.prompt(true);
}

function fail(err: unknown): void {
  say(err instanceof GoChatError ? `! ${err.code}: ${err.message}` : `! ${err instanceof Error ? err.message : String(err)}`);
}

async function nameOf(userId: string): Promise<string> {
  const known = names.get(userId);
  if (known) return known;
  const { data } = await client.rest.GET('/users/{id}', { params: { path: { id: userId } } });
  const name = data?.username ?? userId;
  names.set(userId, name);
  return name;
}

async function titleOf(c: ConversationView): Promise<string> {
  if (c.name) return c.name;
  if (c.type === 1) {
    // A 1:1 conversation is named after the other person.
    const { data } = await client.rest.GET('/conversations/{id}/members', { params: { path: { id: c.id } } });
    const other = data?.members.find((m) => m.user_id !== client.userId);
    if (other?.user) names.set(other.user_id, other.user.username);
    return other ? `@${other.user?.username ?? other.user_id}` : `conversation ${c.id}`;
  }
  return `conversation ${c.id}`;
}

async function show(m: WireMessage): Promise<string> {
  if (m.sender) names.set(m.sender.id, m.sender.username);
  const who = m.sender_id === client.userId ? 'you' : await nameOf(m.sender_id);
  const time = new Date(m.created_at).toLocaleTimeString();
  return `  [${m.seq}] ${time} ${who}: ${m.recalled ? '(recalled)' : m.content}`;
}

async function list(): Promise<void> {
  const all = client.conversations();
  if (all.length === 0) return say('no conversations yet: /world, or /friend <username>');
  for (const c of all) {
    const unread = c.unread > 0 ? `  ${c.unread} unread` : '';
    say(`${c.id.padStart(6)}  ${await titleOf(c)}${unread}${c.lastMessage ? `  · ${c.lastMessage.content.slice(0, 40)}` : ''}`);
  }
}

async function open(id: string): Promise<void> {
  current = id;
  if (client.messages(id).length < 10) await client.loadHistory(id, { limit: 20 });
  const c = client.conversations().find((v) => v.id === id);
  say(`— ${c ? await titleOf(c) : `conversation ${id}`} —`);
  for (const m of client.messages(id).slice(-20)) say(await show(m));
  await client.markRead(id);
}

async function command(line: string): Promise<boolean> {
  const [cmd, arg] = line.split(/\s+/, 2);
  switch (cmd) {
    case '/help':
      say(HELP);
      return true;
    case '/list':
      await list();
      return true;
    case '/open':
      if (!arg) say('usage: /open <id>');
      else await open(arg);
      return true;
    case '/world': {
      const { data } = await client.rest.GET('/conversations/world');
      if (data) await open(data.conversation.id);
      return true;
    }
    case '/history': {
      if (!current) return (say('open a conversation first'), true);
      const oldest = client.messages(current)[0]?.seq;
      const page = await client.loadHistory(current, { limit: 20, ...(oldest !== undefined ? { beforeSeq: oldest } : {}) });
      for (const m of page.messages) say(await show(m));
      if (!page.hasMore) say('  (the beginning)');
      return true;
    }
    case '/friend': {
      if (!arg) return (say('usage: /friend <username>'), true);
      const { data } = await client.rest.GET('/users/search', { params: { query: { q: arg } } });
      const user = data?.users.find((u) => u.username.toLowerCase() === arg.toLowerCase());
      if (!user) return (say(`no user named ${arg}`), true);
      const { data: request } = await client.rest.POST('/friends/requests', { body: { target_user_id: user.id } });
      say(`friend request #${request?.id} sent to ${user.username}`);
      return true;
    }
    case '/requests': {
      const { data } = await client.rest.GET('/friends/requests', { params: { query: { direction: 'incoming', status: 'pending' } } });
      if (!data?.requests.length) say('no requests waiting');
      for (const r of data?.requests ?? []) say(`  #${r.id} from ${r.requester?.username ?? r.requester_id}${r.message ? `: ${r.message}` : ''}  → /accept ${r.id}`);
      return true;
    }
    case '/accept': {
      if (!arg) return (say('usage: /accept <requestId>'), true);
      const { data } = await client.rest.PUT('/friends/requests/{id}', { params: { path: { id: arg } }, body: { action: 1 } });
      say(`friends now${data?.conversation_id ? `: /open ${data.conversation_id}` : ''}`);
      return true;
    }
    case '/recall': {
      const m = current ? client.messages(current).find((x) => x.seq === Number(arg)) : undefined;
      if (!m) return (say('usage: /recall <seq> (of a message in the open conversation)'), true);
      await client.recall(m.message_id);
      return true;
    }
    case '/quit':
      return false;
    default:
      say(`unknown command ${cmd}; /help lists them`);
      return true;
  }
}

async function signIn(password: string): Promise<void> {
  try {
    await client.login(username, password);
    say(`signed in as ${username}`);
  } catch (err) {
    if (!(err instanceof GoChatError) || err.code !== 'UNAUTHORIZED') throw err;
    try {
      await client.register(username, password);
      say(`new account ${username} created`);
    } catch (e) {
      // Taken: the name exists, so it was the password that was wrong.
      if (e instanceof GoChatError && e.code === 'CONFLICT') throw new GoChatError('UNAUTHORIZED', 'wrong password');
      throw e;
    }
  }
}

client.on('message', (m) => {
  void (async () => {
    if (m.conversation_id === current) {
      say(await show(m));
      if (m.sender_id !== client.userId) await client.markRead(current);
    } else if (m.sender_id !== client.userId) {
      const c = client.conversations().find((v) => v.id === m.conversation_id);
      say(`(${c ? await titleOf(c) : m.conversation_id}: ${await nameOf(m.sender_id)}: ${m.content.slice(0, 60)}  → /open ${m.conversation_id})`);
    }
  })().catch(fail);
});
client.on('recall', (r) => {
  if (r.conversationId === current) say(`  [${r.seq}] (recalled)`);
});
client.on('friend_request', (e) => {
  void nameOf(e.fromUserId).then((n) => say(`friend request #${e.requestId} from ${n}${e.message ? `: ${e.message}` : ''}  → /accept ${e.requestId}`), fail);
});
client.on('friend_request_result', (e) => {
  if (e.fromUserId === client.userId) void nameOf(e.toUserId).then((n) => say(`${n} ${e.status} your friend request${e.conversationId ? `: /open ${e.conversationId}` : ''}`), fail);
});
client.on('state', (s) => {
  if (!leaving && s !== 'online' && s !== 'connecting') say(`(${s})`);
});
client.on('error', (e) => {
  if (!e.clientMsgId) say(`! ${e.code}: ${e.message}`);
});

try {
  const password = values.password ?? (await rl.question('password: '));
  rl.setPrompt('> ');
  await signIn(password);
  await client.connect();
  say(`connected to ${values.url}; /help lists the commands`);
  await list();
} catch (err) {
  leaving = true;
  fail(err);
  await client.close();
  rl.close();
  process.exit(1);
}

rl.prompt();
for await (const raw of rl) {
  const line = raw.trim();
  if (line.startsWith('/')) {
    const go = await command(line).catch((err: unknown) => (fail(err), true));
    if (!go) break;
  } else if (line) {
    if (!current) say('open a conversation first: /list, /open <id>, /world');
    else {
      const to = current;
      // Queued while offline: it goes out (once) when the connection is back.
      client.send(to, line).catch(fail);
      if (client.state !== 'online') say('  (queued: sent when the connection is back)');
    }
  }
  rl.prompt();
}
leaving = true;
await client.close();
rl.close();
process.exit(0);
