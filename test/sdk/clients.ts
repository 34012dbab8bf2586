// SDK clients for the suites: signed up with unique names, every event recorded, closed after.
import { GoChat, type GoChatEvents, type GoChatOptions } from '../../sdk/src/index.ts';
import { uniqueName } from '../helpers/config.ts';
import { waitFor } from '../realtime/harness.ts';

export const PASSWORD = 'correct-horse-9';

export interface Recorded {
  client: GoChat;
  username: string;
  events: { [E in keyof GoChatEvents]: GoChatEvents[E][] };
}

const EVENT_NAMES: (keyof GoChatEvents)[] = [
  'state', 'message', 'recall', 'read', 'presence', 'friend_request', 'friend_request_result', 'members', 'conversation', 'outbox', 'error',
];

const open: GoChat[] = [];

/** A client that records every event it emits. */
export function recorded(client: GoChat, username = ''): Recorded {
  const events = Object.fromEntries(EVENT_NAMES.map((e) => [e, []])) as unknown as Recorded['events'];
  for (const name of EVENT_NAMES) {
    client.on(name, (payload) => {
      (events[name] as unknown[]).push(payload);
    });
  }
  open.push(client);
  return { client, username, events };
}

export function newClient(baseUrl: string, opts: Partial<GoChatOptions> = {}): GoChat {
  return new GoChat({ baseUrl, reconnect: { initialMs: 100, maxMs: 2000 }, ackTimeoutMs: 3000, ...opts });
}

/** A new account, signed in. */
export async function signedUp(baseUrl: string, prefix: string, opts: Partial<GoChatOptions> = {}): Promise<Recorded> {
  const client = newClient(baseUrl, opts);
  const username = uniqueName(prefix).slice(0, 32);
  const r = recorded(client, username);
  await client.register(username, PASSWORD);
  return r;
}

/** Another device of the same account. */
export async function secondDevice(baseUrl: string, of: Recorded, opts: Partial<GoChatOptions> = {}): Promise<Recorded> {
  const client = newClient(baseUrl, opts);
  const r = recorded(client, of.username);
  await client.login(of.username, PASSWORD);
  return r;
}

/** a asks b to be friends, b accepts: their 1:1 conversation id. */
export async function befriend(a: GoChat, b: GoChat): Promise<string> {
  const { data: request } = await a.rest.POST('/friends/requests', { body: { target_user_id: b.userId! } });
  const { data: answer } = await b.rest.PUT('/friends/requests/{id}', { params: { path: { id: request!.id } }, body: { action: 1 } });
  if (!answer?.conversation_id) throw new Error(`no conversation from accepting: ${JSON.stringify(answer)}`);
  return answer.conversation_id;
}

/** The messages a client delivered (the `message` events) in one conversation, in order. */
export function delivered(r: Recorded, conversationId: string): GoChatEvents['message'][] {
  return r.events.message.filter((m) => m.conversation_id === conversationId);
}

export function waitForConversation(r: Recorded, conversationId: string, pred: (v: NonNullable<ReturnType<GoChat['conversations']>[number]>) => boolean, what: string, timeoutMs = 20_000) {
  return waitFor(what, () => {
    const v = r.client.conversations().find((c) => c.id === conversationId);
    return v && pred(v) ? v : undefined;
  }, timeoutMs);
}

export async function closeAll(): Promise<void> {
  await Promise.allSettled(open.splice(0).map((c) => c.close()));
}
