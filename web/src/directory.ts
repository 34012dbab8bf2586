// What the client knows about people beyond the SDK's conversation view: users by id (from
// search, friends, members and message senders), who is online (friends only: the friend list's
// snapshot, then presence events), the other member of each 1:1 conversation, and how far each
// member has read (the members list, then read events).
import type { GoChat, Session } from '../../sdk/src/index.ts';
import type { WireMessage } from '../../contract/index.ts';
import { displayName } from './format.ts';
import { must } from './rest.ts';

export type UserInfo = Session['user'];

/** Where a friend's presence came from: an event (`at`, server time) or the friend list (no time). */
interface Presence {
  online: boolean;
  at: number | undefined;
  /** Local time it was learned: a friend list asked for before an event is older than the event. */
  heardAt: number;
}

export class Directory {
  private readonly meId: string;
  private readonly client: GoChat;
  private readonly users = new Map<string, UserInfo>();
  private readonly loading = new Map<string, Promise<UserInfo | undefined>>();
  /** Presence of friends; unknown until the friend list or an event says. */
  private readonly online = new Map<string, Presence>();
  private readonly peers = new Map<string, string>();
  private readonly loadingMembers = new Map<string, Promise<string | undefined>>();
  /** conversation id → user id → the seq that user has read up to. */
  private readonly reads = new Map<string, Map<string, number>>();
  private readonly listeners = new Set<() => void>();

  constructor(client: GoChat, me: UserInfo) {
    this.client = client;
    this.meId = me.id;
    this.users.set(me.id, me);
  }

  /** The signed-in user, with the latest profile seen. */
  get me(): UserInfo {
    return this.users.get(this.meId)!;
  }

  /** Called after anything here changed; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  remember(user: UserInfo | null | undefined): void {
    if (!user) return;
    const known = this.users.get(user.id);
    if (known && known.username === user.username && known.nickname === user.nickname && known.avatar_url === user.avatar_url) return;
    this.users.set(user.id, { id: user.id, username: user.username, nickname: user.nickname, avatar_url: user.avatar_url });
    this.changed();
  }

  rememberSender(m: WireMessage): void {
    if (m.sender) this.remember(m.sender);
  }

  user(id: string): UserInfo | undefined {
    const known = this.users.get(id);
    if (!known) void this.load(id);
    return known;
  }

  name(id: string): string {
    return displayName(this.user(id), 'Loading…');
  }

  load(id: string): Promise<UserInfo | undefined> {
    const known = this.users.get(id);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = must(this.client.rest.GET('/users/{id}', { params: { path: { id } } }))
        .then((u) => {
          this.remember(u);
          return u;
        })
        .catch(() => undefined)
        .finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** true or false once the friend list or a presence event said so; undefined before (not a friend, or not loaded yet). */
  isOnline(userId: string): boolean | undefined {
    return this.online.get(userId)?.online;
  }

  /** When the user was seen going offline, if an event said so and that is what they did last. */
  lastSeen(userId: string): number | undefined {
    const p = this.online.get(userId);
    return p && !p.online ? p.at : undefined;
  }

  /** A presence event. */
  setPresence(userId: string, online: boolean, at: number): void {
    const known = this.online.get(userId);
    if (known?.at !== undefined && (known.at > at || (known.online === online && known.at === at))) return;
    this.online.set(userId, { online, at, heardAt: Date.now() });
    this.changed();
  }

  /**
   * A page of the friend list: who is online now, as of `askedAt` (local time the request went
   * out). An event heard since then is newer and stays; so does the time of an event that the
   * list agrees with ("last seen").
   */
  setFriendsPresence(friends: { user: UserInfo; online: boolean }[], askedAt: number): void {
    let changed = false;
    for (const f of friends) {
      const known = this.online.get(f.user.id);
      if (known && (known.heardAt > askedAt || known.online === f.online)) continue;
      this.online.set(f.user.id, { online: f.online, at: undefined, heardAt: askedAt });
      changed = true;
    }
    if (changed) this.changed();
  }

  /** The other member of a 1:1 conversation, once known (asked for in the background). */
  peerOf(conversationId: string): string | undefined {
    const peer = this.peers.get(conversationId);
    if (peer === undefined) void this.resolvePeer(conversationId);
    return peer;
  }

  setPeer(conversationId: string, userId: string): void {
    if (this.peers.get(conversationId) === userId) return;
    this.peers.set(conversationId, userId);
    this.changed();
  }

  resolvePeer(conversationId: string): Promise<string | undefined> {
    const known = this.peers.get(conversationId);
    return known ? Promise.resolve(known) : this.loadMembers(conversationId);
  }

  /**
   * A 1:1 conversation's members as the server has them now: who they are, the other one, and
   * how far each has read — the read receipts no `read` event brings after a reload or while
   * disconnected. Resolves to the other member.
   */
  loadMembers(conversationId: string): Promise<string | undefined> {
    let pending = this.loadingMembers.get(conversationId);
    if (!pending) {
      pending = must(this.client.rest.GET('/conversations/{id}/members', { params: { path: { id: conversationId }, query: { limit: 10 } } }))
        .then(({ members }) => {
          for (const m of members) {
            this.remember(m.user);
            this.setRead(conversationId, m.user_id, m.last_read_seq);
          }
          const other = members.find((m) => m.user_id !== this.me.id);
          if (other) this.setPeer(conversationId, other.user_id);
          return other?.user_id;
        })
        .catch(() => undefined)
        .finally(() => this.loadingMembers.delete(conversationId));
      this.loadingMembers.set(conversationId, pending);
    }
    return pending;
  }

  /** The 1:1 conversation with a user, if one is known. */
  conversationWith(userId: string): string | undefined {
    for (const [conversationId, peer] of this.peers) if (peer === userId) return conversationId;
    return undefined;
  }

  setRead(conversationId: string, userId: string, seq: number): void {
    let byUser = this.reads.get(conversationId);
    if (!byUser) {
      byUser = new Map<string, number>();
      this.reads.set(conversationId, byUser);
    }
    if ((byUser.get(userId) ?? 0) >= seq) return;
    byUser.set(userId, seq);
    this.changed();
  }

  readSeq(conversationId: string, userId: string): number {
    return this.reads.get(conversationId)?.get(userId) ?? 0;
  }
}
