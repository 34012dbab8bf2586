// What the clients saw, in one place: every send (first send, resends, ack, refusal), every
// delivery per recipient (live or by sync, how many times), and each client's connection
// intervals. The measurements and the checkpoints read only this and the database.

export interface SendRec {
  cmid: string;
  sender: string;
  /** Index of the gateway the sender is connected to. */
  gateway: number;
  conv: string;
  phase: string;
  firstAt: number;
  lastAt: number;
  tries: number;
  ackAt?: number;
  messageId?: string;
  seq?: number;
  /** Every message id the server tied to this client_msg_id (acks and deliveries): more than one is a duplicate. */
  ids: Set<string>;
  refused?: string;
}

export interface DeliveryRec {
  firstAt: number;
  firstVia: 'live' | 'sync';
  liveAt?: number;
  count: number;
}

export interface ConvInfo {
  id: string;
  kind: '1:1' | 'group' | 'large' | 'slow';
  members: string[];
}

export interface WireMessage {
  message_id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  client_msg_id: string;
}

export class Ledger {
  readonly sends = new Map<string, SendRec>();
  readonly byMessageId = new Map<string, SendRec>();
  /** message id → recipient user id → delivery. */
  readonly deliveries = new Map<string, Map<string, DeliveryRec>>();
  readonly convs = new Map<string, ConvInfo>();
  /** Users whose sockets never read: not expected to hold anything. */
  readonly silent = new Set<string>();
  /** user id → [ready at, closed at (undefined: still open)] of each connection. */
  readonly connections = new Map<string, [number, number | undefined][]>();
  /** (conversation, seq) seen with two different message ids, as clients received them. */
  readonly seqConflicts: { conv: string; seq: number; ids: string[] }[] = [];
  private readonly seqIds = new Map<string, string>();
  phase = 'setup';

  onSend(cmid: string, sender: string, gateway: number, conv: string, at: number): void {
    const rec = this.sends.get(cmid);
    if (rec) {
      rec.tries++;
      rec.lastAt = at;
      return;
    }
    this.sends.set(cmid, { cmid, sender, gateway, conv, phase: this.phase, firstAt: at, lastAt: at, tries: 1, ids: new Set() });
  }

  /** Resends only update lastAt/tries; the first send is what latency is measured from. */
  onResend(cmid: string, at: number): void {
    const rec = this.sends.get(cmid);
    if (rec) {
      rec.tries++;
      rec.lastAt = at;
    }
  }

  onAck(cmid: string, messageId: string, seq: number, at: number): void {
    const rec = this.sends.get(cmid);
    if (!rec) return;
    rec.ids.add(messageId);
    if (rec.ackAt === undefined) {
      rec.ackAt = at;
      rec.messageId = messageId;
      rec.seq = seq;
      this.byMessageId.set(messageId, rec);
    }
  }

  onRefused(cmid: string, code: string): void {
    const rec = this.sends.get(cmid);
    if (rec && rec.ackAt === undefined) rec.refused = code;
  }

  onDelivery(userId: string, m: WireMessage, via: 'live' | 'sync', at: number): void {
    let per = this.deliveries.get(m.message_id);
    if (!per) this.deliveries.set(m.message_id, (per = new Map<string, DeliveryRec>()));
    const d = per.get(userId);
    if (d) {
      d.count++;
      if (via === 'live' && d.liveAt === undefined) d.liveAt = at;
    } else {
      per.set(userId, { firstAt: at, firstVia: via, count: 1, ...(via === 'live' ? { liveAt: at } : {}) });
    }
    const key = `${m.conversation_id}:${m.seq}`;
    const known = this.seqIds.get(key);
    if (known === undefined) this.seqIds.set(key, m.message_id);
    else if (known !== m.message_id) this.seqConflicts.push({ conv: m.conversation_id, seq: m.seq, ids: [known, m.message_id] });
    // A stored message carrying one of our client_msg_ids under another id is a second row.
    const rec = this.sends.get(m.client_msg_id);
    if (rec && rec.sender === m.sender_id) rec.ids.add(m.message_id);
  }

  onConnected(userId: string, at: number): void {
    let list = this.connections.get(userId);
    if (!list) this.connections.set(userId, (list = []));
    list.push([at, undefined]);
  }

  onDisconnected(userId: string, at: number): void {
    const last = this.connections.get(userId)?.at(-1);
    if (last && last[1] === undefined) last[1] = at;
  }

  /** True when one connection of the user was ready for the whole of [from, to]. */
  connectedThroughout(userId: string, from: number, to: number): boolean {
    return (this.connections.get(userId) ?? []).some(([a, b]) => a <= from && (b === undefined || b >= to));
  }

  /** Number of (re)connections of the user's clients that became ready within [from, to]. */
  connectsWithin(from: number, to: number, users?: Set<string>): number {
    let n = 0;
    for (const [u, list] of this.connections) {
      if (users && !users.has(u)) continue;
      n += list.filter(([a]) => a >= from && a <= to).length;
    }
    return n;
  }

  /** Recipients a message of the conversation should reach (silent users excluded). */
  recipients(conv: string): string[] {
    return (this.convs.get(conv)?.members ?? []).filter((u) => !this.silent.has(u));
  }

  sendsOf(phase: string): SendRec[] {
    return [...this.sends.values()].filter((s) => s.phase === phase);
  }
}
