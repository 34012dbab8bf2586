// Test clients: REST calls and real WebSocket connections that record every frame.
import WebSocket from 'ws';
import { uniqueName } from '../helpers/config.ts';
import { waitFor } from './harness.ts';

export interface User {
  id: string;
  username: string;
  token: string;
}

export async function api<T = unknown>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function registerUser(baseUrl: string, prefix = 'u'): Promise<User> {
  const username = uniqueName(prefix).slice(0, 32);
  const r = await api<{ token: string; user: { id: string } }>(baseUrl, 'POST', '/auth/register', undefined, { username, password: 'correct-horse-9' });
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.user.id, username, token: r.body.token };
}

export async function createGroup(baseUrl: string, owner: User, members: User[], name = 'group'): Promise<string> {
  const r = await api<{ id: string }>(baseUrl, 'POST', '/conversations', owner.token, { name, member_ids: members.map((m) => m.id) });
  if (r.status !== 201) throw new Error(`create group failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Friends through the request workflow (a asks, b accepts); returns their 1:1 conversation. */
export async function befriend(baseUrl: string, a: User, b: User): Promise<string> {
  const req = await api<{ id: string }>(baseUrl, 'POST', '/friends/requests', a.token, { target_user_id: b.id });
  if (req.status !== 201) throw new Error(`friend request failed: ${req.status} ${JSON.stringify(req.body)}`);
  const answer = await api<{ conversation_id: string }>(baseUrl, 'PUT', `/friends/requests/${req.body.id}`, b.token, { action: 1 });
  if (answer.status !== 200) throw new Error(`accepting the friend request failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.conversation_id;
}

export type Frame = Record<string, unknown> & { type: string };

export class WsClient {
  readonly frames: Frame[] = [];
  readonly socket: WebSocket;
  closeCode: number | undefined;
  private readonly opened: Promise<void>;

  constructor(url: string, token?: string) {
    this.socket = new WebSocket(token ? `${url}?token=${encodeURIComponent(token)}` : url);
    this.socket.on('message', (data: WebSocket.RawData) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      this.frames.push(JSON.parse(text) as Frame);
    });
    this.socket.on('close', (code) => {
      this.closeCode = code;
    });
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  private pinger: NodeJS.Timeout | undefined;

  /** Connects and, like a real client, pings at the interval the server names in `ready`. */
  static async connect(url: string, token: string): Promise<WsClient> {
    const c = new WsClient(url, token);
    await c.opened;
    const ready = await c.next((f) => f.type === 'ready');
    c.pinger = setInterval(() => {
      if (c.socket.readyState === WebSocket.OPEN) c.send({ type: 'ping' });
    }, Number(ready.heartbeat_ms));
    c.socket.once('close', () => clearInterval(c.pinger));
    return c;
  }

  open(): Promise<void> {
    return this.opened;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first recorded frame matching, waiting for it if needed. */
  next(pred: (f: Frame) => boolean, timeoutMs = 20_000): Promise<Frame> {
    return waitFor('frame', () => this.frames.find(pred), timeoutMs, 10);
  }

  all(pred: (f: Frame) => boolean): Frame[] {
    return this.frames.filter(pred);
  }

  /** Chat messages received live or by sync, deduplicated by message id. */
  messages(conversationId: string): { message_id: string; seq: number; content: string; recalled: boolean }[] {
    const seen = new Map<string, { message_id: string; seq: number; content: string; recalled: boolean }>();
    for (const f of this.frames) {
      const list = f.type === 'message' ? [f.message] : f.type === 'sync' && f.conversation_id === conversationId ? (f.messages as unknown[]) : [];
      for (const m of list as { message_id: string; conversation_id: string; seq: number; content: string; recalled: boolean }[]) {
        if (m.conversation_id === conversationId) seen.set(m.message_id, m);
      }
    }
    return [...seen.values()].sort((a, b) => a.seq - b.seq);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
