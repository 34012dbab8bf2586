// Sends not yet acknowledged. Each keeps its client_msg_id for life: it is written again, the
// same, after every reconnect, after an ack timeout and after a retryable refusal, until the
// server acks it (the promise resolves with the stored message) or refuses it for good (the
// promise rejects). The server stores a client_msg_id once, so resending never duplicates.
import type { WireMessage } from '../../contract/index.ts';
import type { GoChatError } from './errors.ts';
import type { PendingSend } from './types.ts';

interface Entry {
  send: PendingSend;
  promise: Promise<WireMessage>;
  resolve(m: WireMessage): void;
  reject(err: GoChatError): void;
  /** When it was last written on the current socket; undefined: not written on it yet. */
  sentAt: number | undefined;
  /** Waiting in the socket's pacer: not written yet, and not to be queued twice. */
  queued: boolean;
  /** Not before this time (after a retryable refusal). */
  notBefore: number;
}

export class Outbox {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** Queues a send; the same client_msg_id while it is pending gets the same promise. */
  add(send: PendingSend): { promise: Promise<WireMessage>; added: boolean } {
    const existing = this.entries.get(send.clientMsgId);
    if (existing) return { promise: existing.promise, added: false };
    let resolve!: (m: WireMessage) => void;
    let reject!: (err: GoChatError) => void;
    const promise = new Promise<WireMessage>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.entries.set(send.clientMsgId, { send, promise, resolve, reject, sentAt: undefined, queued: false, notBefore: 0 });
    return { promise, added: true };
  }

  get(clientMsgId: string): PendingSend | undefined {
    return this.entries.get(clientMsgId)?.send;
  }

  list(conversationId?: string): PendingSend[] {
    const all = [...this.entries.values()].map((e) => ({ ...e.send }));
    return conversationId === undefined ? all : all.filter((s) => s.conversationId === conversationId);
  }

  /** Sends to write now: never written on this socket, overdue for an ack, or past their retry time. */
  due(now: number, ackTimeoutMs: number): PendingSend[] {
    const out: PendingSend[] = [];
    for (const e of this.entries.values()) {
      if (e.queued || now < e.notBefore) continue;
      if (e.sentAt === undefined || now - e.sentAt >= ackTimeoutMs) out.push(e.send);
    }
    return out;
  }

  /** Handed to the socket's pacer (or taken back when there is no socket). */
  queued(clientMsgId: string, queued: boolean): void {
    const e = this.entries.get(clientMsgId);
    if (e) e.queued = queued;
  }

  /** Actually written: the ack timeout runs from now. */
  written(clientMsgId: string, now: number): void {
    const e = this.entries.get(clientMsgId);
    if (!e) return;
    e.queued = false;
    e.sentAt = now;
    e.send.attempts++;
  }

  /** A retryable refusal: write it again at `at`. */
  retryAt(clientMsgId: string, at: number): void {
    const e = this.entries.get(clientMsgId);
    if (!e) return;
    e.sentAt = undefined;
    e.notBefore = at;
  }

  /** The socket is gone (and its pacer emptied): everything is written again on the next one. */
  socketLost(): void {
    for (const e of this.entries.values()) {
      e.sentAt = undefined;
      e.queued = false;
    }
  }

  /** Acked (or seen stored): resolves once; false when it was not pending. */
  settle(clientMsgId: string, stored: WireMessage): boolean {
    const e = this.entries.get(clientMsgId);
    if (!e) return false;
    this.entries.delete(clientMsgId);
    e.resolve(stored);
    return true;
  }

  fail(clientMsgId: string, err: GoChatError): boolean {
    const e = this.entries.get(clientMsgId);
    if (!e) return false;
    this.entries.delete(clientMsgId);
    e.reject(err);
    return true;
  }

  failAll(err: () => GoChatError): void {
    for (const id of [...this.entries.keys()]) this.fail(id, err());
  }
}
