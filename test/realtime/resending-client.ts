// A client that follows the protocol across gateway restarts: on close 1012 (service restart) it
// reconnects to another gateway, syncs from the last seq it holds without a gap, and resends
// every send not acked with the same client_msg_id. It records every frame, ack and close code.
import WebSocket from 'ws';
import { CloseCode } from '../../contract/index.ts';
import type { Frame, User } from './clients.ts';

interface Known {
  message_id: string;
  seq: number;
}

export class ResendingClient {
  readonly user: User;
  readonly conversationId: string;
  /** Every frame received, on whichever socket. */
  readonly frames: Frame[] = [];
  /** Close codes of the sockets this client had, in order. */
  readonly closeCodes: number[] = [];
  /** The gateway id named by each `ready`. */
  readonly gatewaysSeen: string[] = [];
  /** Ack frames per client_msg_id. */
  readonly acks = new Map<string, Frame[]>();
  /** When each send was first written, and when its first ack came (ms). */
  readonly sentAt = new Map<string, number>();
  readonly ackedAt = new Map<string, number>();
  /** Messages of the conversation this client holds (received live or by sync, or its own acked), by id. */
  readonly known = new Map<string, Known>();
  private readonly unacked = new Map<string, string>();
  /** Sends written again after a reconnect. */
  readonly resent = new Set<string>();
  private readonly urls: string[];
  private socket: WebSocket | undefined;
  private url: string;
  private stopped = false;
  /** The current socket said `ready`: sends made before that are written by the resend on ready. */
  private ready = false;

  constructor(user: User, conversationId: string, urls: string[], first: number) {
    this.user = user;
    this.conversationId = conversationId;
    this.urls = urls;
    this.url = urls[first]!;
  }

  get connected(): boolean {
    return this.ready && this.socket?.readyState === WebSocket.OPEN;
  }

  get pending(): number {
    return this.unacked.size;
  }

  /** The client_msg_ids still waiting for their ack. */
  get pendingIds(): string[] {
    return [...this.unacked.keys()];
  }

  /** Connects and resolves on `ready`. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${this.url}?token=${encodeURIComponent(this.user.token)}`);
      this.socket = socket;
      this.ready = false;
      socket.on('error', reject);
      socket.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse((data as Buffer).toString('utf8')) as Frame;
        this.frames.push(frame);
        if (frame.type === 'ready') {
          this.gatewaysSeen.push(String(frame.gateway_id));
          this.ready = true;
          this.sync();
          for (const [cmid, content] of this.unacked) {
            this.resent.add(cmid);
            this.write(cmid, content);
          }
          resolve();
        } else {
          this.onFrame(frame);
        }
      });
      socket.on('close', (code) => {
        this.closeCodes.push(code);
        if (this.stopped || code !== CloseCode.serviceRestart) return;
        // Reconnect to the next gateway; the restarting one refuses new sockets anyway.
        this.url = this.urls[(this.urls.indexOf(this.url) + 1) % this.urls.length]!;
        void this.connect().catch(() => undefined);
      });
    });
  }

  send(cmid: string, content: string): void {
    this.unacked.set(cmid, content);
    this.sentAt.set(cmid, Date.now());
    this.write(cmid, content);
  }

  close(): Promise<void> {
    this.stopped = true;
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
    });
  }

  private write(cmid: string, content: string): void {
    if (!this.ready || this.socket?.readyState !== WebSocket.OPEN) return; // written on the next `ready`
    this.socket.send(JSON.stringify({ type: 'send', client_msg_id: cmid, conversation_id: this.conversationId, content }));
  }

  /** Asks for everything after the last seq held without a gap before it. */
  private sync(): void {
    const seqs = new Set([...this.known.values()].map((m) => m.seq));
    let last = 0;
    while (seqs.has(last + 1)) last++;
    this.socket?.send(JSON.stringify({ type: 'sync', conversations: { [this.conversationId]: last } }));
  }

  private onFrame(frame: Frame): void {
    switch (frame.type) {
      case 'ack': {
        const cmid = String(frame.client_msg_id);
        this.acks.set(cmid, [...(this.acks.get(cmid) ?? []), { ...frame, socket: this.gatewaysSeen.length, resent: this.resent.has(cmid) }]);
        if (!this.ackedAt.has(cmid)) this.ackedAt.set(cmid, Date.now());
        this.unacked.delete(cmid);
        this.known.set(String(frame.message_id), { message_id: String(frame.message_id), seq: Number(frame.seq) });
        return;
      }
      case 'message': {
        const m = frame.message as Known & { conversation_id: string };
        if (m.conversation_id === this.conversationId) this.known.set(m.message_id, { message_id: m.message_id, seq: m.seq });
        return;
      }
      case 'sync': {
        for (const m of frame.messages as Known[]) this.known.set(m.message_id, { message_id: m.message_id, seq: m.seq });
        if (frame.has_more === true) this.sync();
        return;
      }
      case 'error':
        // Refused by a gateway that is restarting: sent again on a later socket, or, if this one
        // stays open (a passing outage), shortly.
        if (frame.code === 'SERVICE_UNAVAILABLE' && typeof frame.client_msg_id === 'string') {
          const cmid = frame.client_msg_id;
          const refusedOn = this.socket;
          setTimeout(() => {
            const content = this.unacked.get(cmid);
            if (content !== undefined && this.socket === refusedOn) this.write(cmid, content);
          }, 300).unref();
        }
        return;
    }
  }
}
