// The checkpoint at the end of each phase: traffic held, every send acked (clients keep
// resending), every client synced to the end, then the phase's messages are checked against
// the database and every recipient: lost, duplicated, seq gaps, missing recipients.
import type { ChatClient } from './client.ts';
import { seqSummary, storedRows, type DbTarget, type StoredRow } from './db.ts';
import type { Ledger } from './ledger.ts';
import { sleep } from './log.ts';

export interface Verdict {
  sends: number;
  acked: number;
  /** Sent, never acked nor refused, after the drain. */
  unacked: number;
  refused: Record<string, number>;
  /** Acked messages missing from the database or from at least one recipient. */
  lost: number;
  lostDb: number;
  /** (recipient, message) pairs missing after the final sync. */
  missingPairs: number;
  missingRecipients: number;
  /** client_msg_ids with two stored rows or two message ids. */
  dup: number;
  /** (conversation, seq) pairs clients received with two different message ids. */
  seqConflicts: number;
  /** Seq holes in the run's conversations that appeared during the phase. */
  gaps: number;
  /** Deliveries of a message id a client already had (client-side dedupe drops them). */
  redeliveries: number;
  /** Clients that could not sync to the end (not connected, or no answer). */
  syncFailed: string[];
  examples: string[];
}

export class Verifier {
  private readonly ledger: Ledger;
  private readonly db: DbTarget;
  readonly rows = new Map<string, StoredRow>();
  private readonly byCmid = new Map<string, string[]>();
  private maxId = '0';
  private gapsBefore = 0;
  private conflictsSeen = 0;

  constructor(ledger: Ledger, db: DbTarget) {
    this.ledger = ledger;
    this.db = db;
  }

  /** Reads the run's rows stored since the last call. */
  async refresh(): Promise<void> {
    const rows = await storedRows(this.db, [...this.ledger.convs.keys()], this.maxId);
    for (const r of rows) {
      this.rows.set(r.id, r);
      const key = `${r.sender}|${r.cmid}`;
      this.byCmid.set(key, [...(this.byCmid.get(key) ?? []), r.id]);
      if (BigInt(r.id) > BigInt(this.maxId)) this.maxId = r.id;
    }
  }

  async gapsNow(): Promise<number> {
    const summary = await seqSummary(this.db, [...this.ledger.convs.keys()]);
    let gaps = 0;
    // seq_id is unique per conversation, so every number in 1..MAX not stored is a hole.
    for (const s of summary.values()) gaps += s.max - s.count;
    return gaps;
  }

  /** Waits (≤ drainMs) for every send to be acked and every client to sync, then checks the phase. */
  async checkpoint(phase: string, clients: ChatClient[], drainMs: number): Promise<Verdict> {
    const deadline = Date.now() + drainMs;
    for (const c of clients) c.resendAll();
    while (Date.now() < deadline && clients.some((c) => c.unacked > 0)) await sleep(100);
    const synced = await Promise.all(clients.map((c) => c.syncAll(Math.max(5000, deadline - Date.now()))));
    await sleep(300);
    await this.refresh();
    const gapsTotal = await this.gapsNow();
    const v = this.verify(phase, gapsTotal - this.gapsBefore);
    this.gapsBefore = gapsTotal;
    v.syncFailed = clients.filter((_, i) => !synced[i]).map((c) => c.user.name);
    return v;
  }

  verify(phase: string, gaps: number): Verdict {
    const sends = this.ledger.sendsOf(phase);
    const v: Verdict = {
      sends: sends.length, acked: 0, unacked: 0, refused: {}, lost: 0, lostDb: 0, missingPairs: 0,
      missingRecipients: 0, dup: 0, seqConflicts: 0, gaps, redeliveries: 0, syncFailed: [], examples: [],
    };
    const missingUsers = new Set<string>();
    const example = (s: string) => v.examples.length < 8 && v.examples.push(s);
    for (const s of sends) {
      const stored = this.byCmid.get(`${s.sender}|${s.cmid}`) ?? [];
      if (s.ids.size > 1 || stored.length > 1) {
        v.dup++;
        example(`dup ${s.cmid}: acked/delivered ids [${[...s.ids].join(', ')}], stored rows [${stored.join(', ')}]`);
      }
      if (s.refused !== undefined) {
        v.refused[s.refused] = (v.refused[s.refused] ?? 0) + 1;
        continue;
      }
      if (s.ackAt === undefined || s.messageId === undefined) {
        v.unacked++;
        example(`unacked ${s.cmid} (conv ${s.conv}, ${s.tries} tries, stored rows [${stored.join(', ')}])`);
        continue;
      }
      v.acked++;
      let lost = false;
      const row = this.rows.get(s.messageId);
      if (!row || row.conv !== s.conv || row.seq !== s.seq || row.cmid !== s.cmid) {
        v.lostDb++;
        lost = true;
        example(`acked ${s.cmid} as ${s.messageId} seq ${s.seq}, database has ${row ? `conv ${row.conv} seq ${row.seq} cmid ${row.cmid}` : 'no such row'}`);
      }
      const per = this.ledger.deliveries.get(s.messageId);
      for (const u of this.ledger.recipients(s.conv)) {
        const d = per?.get(u);
        if (!d) {
          v.missingPairs++;
          missingUsers.add(u);
          lost = true;
          if (v.missingPairs <= 3) example(`message ${s.messageId} (conv ${s.conv} seq ${s.seq}) missing at user ${u} after the final sync`);
        } else if (d.count > 1) v.redeliveries += d.count - 1;
      }
      if (lost) v.lost++;
    }
    v.missingRecipients = missingUsers.size;
    const conflicts = this.ledger.seqConflicts.slice(this.conflictsSeen);
    this.conflictsSeen = this.ledger.seqConflicts.length;
    v.seqConflicts = conflicts.length;
    for (const c of conflicts.slice(0, 3)) example(`conversation ${c.conv} seq ${c.seq} delivered as two messages: ${c.ids.join(', ')}`);
    return v;
  }
}
