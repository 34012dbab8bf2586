// A scripted GoChat server for the SDK's unit tests: a WebSocket class and a fetch function the
// SDK is given instead of the real ones. The test sees every frame the SDK writes and decides
// every frame it receives, so orderings the real stack rarely produces (a gap, a duplicate, a
// refusal in the middle of a sync) are played on purpose.
import type { ClientFrame, ServerFrame, WireMessage } from '../../contract/index.ts';

export interface FakeSocket {
  url: string;
  readyState: number;
  sent: ClientFrame[];
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: string }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  /** Server side: push a frame to the SDK. */
  push(frame: ServerFrame): void;
  /** Server side: close with a code. */
  drop(code: number, reason?: string): void;
}

export interface ListedConversation {
  id: string;
  type?: number;
  lastSeq: number;
  /** Your read pointer (default 0). */
  readSeq?: number;
  /** Default: counted from the history, as the server does. */
  unread?: number;
}

export class FakeServer {
  readonly sockets: FakeSocket[] = [];
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  conversations: ListedConversation[] = [];
  /** History of each conversation, by id. */
  readonly history = new Map<string, WireMessage[]>();
  userId = '7';
  heartbeatMs = 30_000;
  /** Answer `auth` with `ready` by itself. */
  autoReady = true;

  get socket(): FakeSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error('no socket yet');
    return s;
  }

  readonly WebSocket = ((server: FakeServer) =>
    class implements FakeSocket {
      url: string;
      readyState = 0;
      sent: ClientFrame[] = [];
      onopen: FakeSocket['onopen'] = null;
      onmessage: FakeSocket['onmessage'] = null;
      onclose: FakeSocket['onclose'] = null;
      onerror: FakeSocket['onerror'] = null;
      constructor(url: string) {
        this.url = url;
        server.sockets.push(this);
        setTimeout(() => {
          if (this.readyState !== 0) return;
          this.readyState = 1;
          this.onopen?.({});
        }, 1);
      }
      send(text: string): void {
        if (this.readyState !== 1) throw new Error('send on a socket that is not open');
        const frame = JSON.parse(text) as ClientFrame;
        this.sent.push(frame);
        if (frame.type === 'auth' && server.autoReady) {
          this.push({ type: 'ready', user_id: server.userId, connection_id: `c${server.sockets.length}`, gateway_id: 'gw-fake', heartbeat_ms: server.heartbeatMs });
        }
        if (frame.type === 'ping') this.push({ type: 'pong', ts: Date.now() });
      }
      close(): void {
        this.readyState = 3;
      }
      push(frame: ServerFrame): void {
        if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(frame) });
      }
      drop(code: number, reason = ''): void {
        this.readyState = 3;
        this.onclose?.({ code, reason });
      }
    })(this) as unknown as typeof WebSocket;

  readonly fetch = (async (input: Request | string | URL): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input);
    const url = new URL(req.url);
    const text = await req.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method, path: url.pathname + url.search, body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (req.method === 'GET' && url.pathname === '/conversations') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = this.conversations.slice(offset, offset + Number(url.searchParams.get('limit') ?? 20));
      return json(200, { conversations: page.map((c) => this.listItem(c)) });
    }
    const history = /^\/conversations\/(\d+)\/messages$/.exec(url.pathname);
    if (req.method === 'GET' && history) {
      const all = this.history.get(history[1]!) ?? [];
      const before = url.searchParams.get('before_seq');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const below = before === null ? all : all.filter((m) => m.seq < Number(before));
      const page = below.slice(-limit);
      return json(200, { messages: page, has_more: below.length > page.length });
    }
    const read = /^\/conversations\/(\d+)\/read$/.exec(url.pathname);
    if (req.method === 'POST' && read) return json(200, { conversation_id: read[1], last_read_seq: (body as { seq: number }).seq });
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${req.method} ${url.pathname}` });
  }) as typeof fetch;

  private listItem(c: ListedConversation) {
    const last = (this.history.get(c.id) ?? []).at(-1);
    return {
      conversation: { id: c.id, type: c.type ?? 2, name: `c${c.id}`, avatar_url: null, owner_id: null, member_count: 2, last_seq: c.lastSeq, created_at: 1 },
      membership: { role: 'member', muted: false, joined_at: 1 },
      last_message: last ? { message_id: last.message_id, seq: last.seq, sender: { id: last.sender_id, username: 'u', nickname: null, avatar_url: null }, content: last.content, msg_type: 1, recalled: last.recalled, created_at: last.created_at } : null,
      unread_count: c.unread ?? this.unreadOf(c),
      last_read_seq: c.readSeq ?? 0,
    };
  }

  /** Messages of others above the read pointer up to the listed seq that are not recalled. */
  private unreadOf(c: ListedConversation): number {
    return (this.history.get(c.id) ?? []).filter((m) => m.seq > (c.readSeq ?? 0) && m.seq <= c.lastSeq && m.sender_id !== this.userId && !m.recalled).length;
  }

  /** The frames of a type the SDK wrote on the current socket. */
  written<T extends ClientFrame['type']>(type: T): Extract<ClientFrame, { type: T }>[] {
    return this.socket.sent.filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type);
  }
}

/** A stored message of conversation `conv` at `seq` (ids derived from both). */
export function msg(conv: string, seq: number, sender = '8', extra: Partial<WireMessage> = {}): WireMessage {
  return {
    message_id: `${conv}0${seq}`,
    conversation_id: conv,
    seq,
    sender_id: sender,
    client_msg_id: `m${conv}-${seq}`,
    msg_type: 1,
    content: `message ${seq}`,
    created_at: 1_700_000_000_000 + seq,
    recalled: false,
    ...extra,
  };
}

/** A token whose `sub` is the user id (unsigned: only the fake server reads it). */
export function tokenFor(userId: string): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId })}.sig`;
}
