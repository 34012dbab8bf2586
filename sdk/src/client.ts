// GoChat: the client. REST for accounts and everything that is not real time (client.rest);
// one WebSocket connection for sends, messages and events, with the guarantees a chat client
// needs: sends survive disconnects (resent with the same client_msg_id until acked), every
// message is delivered once and in seq order per conversation (caught up by sync after every
// (re)connect, gaps filled before delivery), and unread counts are exact. Edits and typing
// indicators are applied to the same local view.
import type { AttachmentVariant, ClientEvent, ReactionCount, ReactionOp, ServerFrame, TypingState, WireAttachment, WireMessage } from '../../contract/index.ts';
import { attachmentSend, attachmentUrl, uploadAttachment, type AttachmentBytes } from './attachments.ts';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff.ts';
import { Connection } from './connection.ts';
import { DeliveryReports } from './delivery.ts';
import { ConversationState, compareIdsDesc } from './conversations.ts';
import { Emitter } from './emitter.ts';
import { listAll, previewOf } from './listing.ts';
import { CLIENT_CLOSED, GoChatError } from './errors.ts';
import { newClientMsgId, userIdOfToken } from './ids.ts';
import { Outbox } from './outbox.ts';
import { MAX_MENTIONS, mentionsMe, replyPreview } from './references.ts';
import { countsWithMe, ReactionVersions, sameReactions } from './reactions.ts';
import { createRestClient, data, type RestClient } from './rest/client.ts';
import { SyncQueue } from './sync.ts';
import { Typists, type TypingChange } from './typing.ts';
import type { ConnectionState, ConversationView, GoChatEvents, GoChatOptions, PendingSend, Session } from './types.ts';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

/** Codes after which the same send may succeed later (docs/protocol.md, "retry?"). */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_ERROR', 'RATE_LIMITED']);
/** Refusals of a sync frame that mean the conversation is not (or no longer) yours. */
const NOT_YOURS = new Set(['NOT_CONVERSATION_MEMBER', 'NOT_FOUND', 'FORBIDDEN']);
const HISTORY_PAGE = 200;
/** `since` is compared with server times: allow for clock skew. */
const SINCE_MARGIN_MS = 60_000;
/** Sync rounds that may leave a gap unfilled before the messages after it are delivered anyway. */
const MAX_GAP_TRIES = 10;

export class GoChat {
  readonly rest: RestClient;
  private readonly opts: GoChatOptions;
  private token: string | undefined;
  private me: string | undefined;
  private readonly emitter = new Emitter<GoChatEvents>();
  private readonly convs = new Map<string, ConversationState>();
  private readonly outbox = new Outbox();
  private readonly conn: Connection;
  private readonly syncs: SyncQueue;
  private readonly ackTimeoutMs: number;
  private waiters: { resolve(): void; reject(err: GoChatError): void }[] = [];
  /** The conversation list has been loaded once. */
  private listed = false;
  private listing: Promise<ConversationView[]> | undefined;
  private listedAt = 0;
  /** Live messages of conversations not known yet, held while the list is being loaded. */
  private unknown: WireMessage[] = [];
  /** Conversations being looked up (GET /conversations/{id}). */
  private describing = new Set<string>();
  private recalls = new Set<string>();
  /** The latest edit heard of per message (edited_at), so each is announced once. */
  private readonly edits = new Map<string, number>();
  private readonly typists = new Typists();
  /** Received seqs to report with `delivered` frames, batched per conversation. */
  private readonly deliveries = new DeliveryReports();
  private readonly reactionVersions = new ReactionVersions();
  /** Last time a frame came in, for `since` on the next sync. */
  private heardAt: number | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(opts: GoChatOptions) {
    this.opts = opts;
    this.token = opts.token;
    this.me = opts.token ? userIdOfToken(opts.token) : undefined;
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
    const fetchImpl = opts.fetch ?? globalThis.fetch;
    this.rest = createRestClient(opts.baseUrl, fetchImpl, () => this.token, opts.requestTimeoutMs);
    const WS = opts.WebSocket ?? globalThis.WebSocket;
    this.conn = new Connection({
      url: `${opts.baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/ws`,
      token: () => this.token,
      WebSocket: WS,
      backoff: { initialMs: opts.reconnect?.initialMs ?? DEFAULT_BACKOFF.initialMs, maxMs: opts.reconnect?.maxMs ?? DEFAULT_BACKOFF.maxMs },
      maxFramesPerSecond: opts.maxFramesPerSecond ?? 40,
      onState: (state) => this.emitter.emit('state', state),
      onReady: (frame) => this.onReady(frame),
      onFrame: (frame) => this.onFrame(frame),
      onDown: () => this.onDown(),
      onFatal: (code, message) => this.onFatal(code, message),
    });
    this.syncs = new SyncQueue({
      write: (frame) => this.conn.write(frame),
      frontier: (id) => this.convs.get(id)?.timeline.frontier,
      limit: Math.min(1000, Math.max(1, opts.syncLimit ?? 200)),
      since: () => (this.heardAt === undefined ? undefined : Math.max(0, this.heardAt - SINCE_MARGIN_MS)),
    });
  }

  get state(): ConnectionState {
    return this.conn.state;
  }

  get userId(): string | undefined {
    return this.me;
  }

  on<E extends keyof GoChatEvents>(event: E, fn: (payload: GoChatEvents[E]) => void): () => void {
    return this.emitter.on(event, fn);
  }

  // ---- accounts -------------------------------------------------------------------------

  async register(username: string, password: string): Promise<Session> {
    return this.signedIn(await data(this.rest.POST('/auth/register', { body: { username, password } })));
  }

  async login(username: string, password: string): Promise<Session> {
    return this.signedIn(await data(this.rest.POST('/auth/login', { body: { username, password } })));
  }

  async guest(): Promise<Session> {
    return this.signedIn(await data(this.rest.POST('/auth/guest')));
  }

  /** Revokes the token on the server (its sockets close everywhere), closes and forgets the local state. */
  async logout(): Promise<void> {
    // Closed first: the revocation closes the token's sockets (4003), which is no error here.
    await this.close();
    try {
      if (this.token) await this.rest.POST('/auth/logout');
    } finally {
      this.token = undefined;
      this.forget();
    }
  }

  /** Uses a token (e.g. one saved from an earlier session); another account's state is dropped. */
  setToken(token: string): void {
    const user = userIdOfToken(token);
    const switching = this.me !== undefined && user !== this.me;
    if (switching) this.forget();
    this.token = token;
    this.me = user;
    if (switching && this.conn.state !== 'idle' && this.conn.state !== 'closed') {
      // The open socket speaks for the previous account: start over as this one.
      this.conn.stop();
      this.conn.start();
    }
  }

  private signedIn(s: { token: string; user: { id: string; username: string; nickname: string | null; avatar_url: string | null } }): Session {
    this.setToken(s.token);
    this.me = s.user.id;
    return { token: s.token, user: { id: s.user.id, username: s.user.username, nickname: s.user.nickname, avatar_url: s.user.avatar_url } };
  }

  /** Another account: nothing of the previous one may show. */
  private forget(): void {
    if (this.outbox.size > 0) {
      this.outbox.failAll(() => new GoChatError(CLIENT_CLOSED, 'signed out before the message was acknowledged'));
      this.emitter.emit('outbox', []);
    }
    this.me = undefined;
    this.convs.clear();
    this.listed = false;
    this.unknown = [];
    this.recalls.clear();
    this.edits.clear();
    this.typists.clear();
    this.deliveries.clear();
    this.reactionVersions.clear();
    this.heardAt = undefined;
  }

  // ---- connection -----------------------------------------------------------------------

  /** Resolves at the first `ready`; from then on the client reconnects by itself until close(). */
  async connect(): Promise<void> {
    if (!this.token) throw new GoChatError('UNAUTHORIZED', 'no token: register, login, guest or setToken first');
    if (this.conn.isReady) return;
    const ready = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.conn.state === 'idle' || this.conn.state === 'closed') {
      // The list first: a conversation's messages are synced from the seq it was listed at.
      if (!this.listed) {
        try {
          await this.refreshConversations();
        } catch (err) {
          if (err instanceof GoChatError && err.code === 'UNAUTHORIZED') {
            this.settleWaiters(err);
            throw err;
          }
          // Unreachable for now: the socket retries, and the list is loaded once it is ready.
        }
      }
      this.conn.start();
      this.ticker ??= setInterval(() => this.tick(), 1000);
    }
    return ready;
  }

  async close(): Promise<void> {
    this.conn.stop();
    clearInterval(this.ticker);
    this.ticker = undefined;
    // Nothing expires them once the ticker is stopped.
    this.announceTyping(this.typists.clear());
    this.syncs.reset();
    this.settleWaiters(new GoChatError(CLIENT_CLOSED, 'the client was closed'));
    return Promise.resolve();
  }

  private settleWaiters(err?: GoChatError): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (err) w.reject(err);
      else w.resolve();
    }
  }

  private onReady(frame: Frame<'ready'>): void {
    this.me = frame.user_id;
    this.heardAt = Date.now();
    this.settleWaiters();
    this.flushOutbox();
    for (const id of this.convs.keys()) this.syncs.request(id);
    // Conversations created while this client was away are learned of from the list.
    if (!this.listed || Date.now() - this.listedAt > 5000) void this.refreshConversations().catch((err: unknown) => this.reportError(err));
  }

  private onDown(): void {
    this.outbox.socketLost();
    this.typists.socketLost();
    this.deliveries.socketLost();
    this.syncs.reset();
    this.gaps.clear();
  }

  private onFatal(code: string, message: string): void {
    this.emitter.emit('error', { code, message });
    this.settleWaiters(new GoChatError(code, message));
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private tick(): void {
    this.announceTyping(this.typists.expire(Date.now()));
    if (!this.conn.isReady) return;
    this.flushOutbox();
    this.retryGaps();
    this.syncs.tick(Date.now());
    this.deliveries.flush(Date.now(), (conversationId, seq, onSent) => this.conn.write({ type: 'delivered', conversation_id: conversationId, seq }, onSent));
  }

  private reportError(err: unknown): void {
    const e = err instanceof GoChatError ? err : new GoChatError('INTERNAL_ERROR', err instanceof Error ? err.message : String(err));
    this.emitter.emit('error', { code: e.code, message: e.message });
  }

  // ---- sends ----------------------------------------------------------------------------

  /**
   * Queued while offline and resent with the same client_msg_id; resolves with the stored message
   * once acked. `replyTo`: a message of the same conversation; `mentions`: member ids (at most
   * 50); `mentionAll`: owner and admins only. A refused reference rejects with its code.
   */
  send(conversationId: string, content: string, opts: { msgType?: number; clientMsgId?: string; replyTo?: string; mentions?: string[]; mentionAll?: boolean } = {}): Promise<WireMessage> {
    if (content.length === 0) return Promise.reject(new GoChatError('VALIDATION_ERROR', 'content must not be empty'));
    const clientMsgId = opts.clientMsgId ?? newClientMsgId();
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(clientMsgId)) return Promise.reject(new GoChatError('VALIDATION_ERROR', "client_msg_id must be 1-64 of letters, digits, '_', '.', ':', '-'"));
    const msgType = opts.msgType ?? 1;
    const mentions = [...new Set(opts.mentions ?? [])];
    if (mentions.length > MAX_MENTIONS) return Promise.reject(new GoChatError('VALIDATION_ERROR', `at most ${MAX_MENTIONS} mentions`));
    const refs = { ...(opts.replyTo ? { replyTo: opts.replyTo } : {}), ...(mentions.length > 0 ? { mentions } : {}), ...(opts.mentionAll ? { mentionAll: true } : {}) };
    const { promise, added } = this.outbox.add({ clientMsgId, conversationId, content, msgType, ...refs, queuedAt: Date.now(), attempts: 0 });
    if (added) {
      this.emitter.emit('outbox', this.outbox.list());
      this.flushOutbox();
    }
    return promise;
  }

  private flushOutbox(): void {
    if (!this.conn.isReady) return;
    for (const s of this.outbox.due(Date.now(), this.ackTimeoutMs)) {
      const frame = {
        type: 'send',
        client_msg_id: s.clientMsgId,
        conversation_id: s.conversationId,
        msg_type: s.msgType,
        content: s.content,
        ...(s.replyTo ? { reply_to: s.replyTo } : {}),
        ...(s.mentions ? { mentions: s.mentions } : {}),
        ...(s.mentionAll ? { mention_all: true } : {}),
      } as const;
      // Marked first: the pacer may write it (and call back) at once.
      this.outbox.queued(s.clientMsgId, true);
      if (!this.conn.write(frame, () => this.outbox.written(s.clientMsgId, Date.now()))) return this.outbox.queued(s.clientMsgId, false);
    }
  }

  /** A send's references as its stored copy shows them; the quote from the held message (the sync copy brings the server's). */
  private sentReferences(sent: PendingSend): Pick<WireMessage, 'reply_to' | 'mentions' | 'mention_all'> {
    const quoted = sent.replyTo ? this.convs.get(sent.conversationId)?.timeline.sorted().find((m) => m.message_id === sent.replyTo) : undefined;
    return {
      ...(quoted ? { reply_to: { message_id: quoted.message_id, sender_id: quoted.sender_id, preview: quoted.recalled ? '' : replyPreview(quoted.content), recalled: quoted.recalled } } : {}),
      ...(sent.mentions ? { mentions: sent.mentions } : {}),
      ...(sent.mentionAll ? { mention_all: true } : {}),
    };
  }

  pending(conversationId?: string): PendingSend[] {
    return this.outbox.list(conversationId);
  }

  private onAck(f: Frame<'ack'>): void {
    const sent = this.outbox.get(f.client_msg_id);
    if (!sent) return; // settled already (an earlier ack, or its stored copy came by sync)
    const stored: WireMessage = {
      message_id: f.message_id,
      conversation_id: f.conversation_id,
      seq: f.seq,
      sender_id: this.me ?? '',
      client_msg_id: f.client_msg_id,
      msg_type: sent.msgType,
      content: sent.content,
      created_at: f.ts,
      recalled: false,
      ...this.sentReferences(sent),
    };
    // Into the timeline first, so the stored message is held when the promise resolves.
    this.accept(stored);
    this.outbox.settle(f.client_msg_id, this.convs.get(f.conversation_id)?.timeline.get(f.seq) ?? stored);
    this.emitter.emit('outbox', this.outbox.list());
  }

  private onError(f: Frame<'error'>): void {
    const cmid = f.client_msg_id;
    if (cmid !== undefined) {
      // A late answer about a send already settled (its ack came, or its stored copy) says nothing new.
      if (!this.outbox.get(cmid)) return;
      if (RETRYABLE.has(f.code)) {
        // Nothing was stored: the same client_msg_id goes again, later.
        const attempts = this.outbox.get(cmid)?.attempts ?? 1;
        const delay = Math.min(this.ackTimeoutMs, backoffDelay(attempts - 1, { initialMs: 250, maxMs: 5000 }) + 100);
        this.outbox.retryAt(cmid, Date.now() + delay);
        return;
      }
      this.outbox.fail(cmid, new GoChatError(f.code, f.message, f.request_id ? { requestId: f.request_id } : {}));
      this.emitter.emit('outbox', this.outbox.list());
      this.emitter.emit('error', { code: f.code, message: f.message, clientMsgId: cmid });
      return;
    }
    if (f.code !== 'RATE_LIMITED' && f.reply_to === undefined) {
      const refused = this.syncs.refused();
      if (refused && NOT_YOURS.has(f.code)) this.drop(refused);
    }
    this.emitter.emit('error', { code: f.code, message: f.message });
  }

  // ---- messages -------------------------------------------------------------------------

  private onFrame(frame: ServerFrame): void {
    this.heardAt = Date.now();
    switch (frame.type) {
      case 'ack':
        return this.onAck(frame);
      case 'message':
        return this.accept(frame.message);
      case 'sync':
        return this.onSync(frame);
      case 'event':
        return this.onEvent(frame.event);
      case 'error':
        return this.onError(frame);
      default:
        return;
    }
  }

  private onSync(f: Frame<'sync'>): void {
    for (const m of f.messages) this.accept(m);
    const conv = this.convs.get(f.conversation_id);
    if (conv && f.recalled) {
      for (const r of f.recalled) {
        const held = conv.timeline.get(r.seq);
        if (held) this.applyRecall(conv.id, r.message_id, r.seq, held.sender_id);
      }
    }
    for (const e of f.edited ?? []) this.applyEdit(f.conversation_id, e.message_id, e.seq, e.content, e.edited_at);
    this.refreshReactions(f.messages);
    for (const r of f.reacted ?? []) this.applyReactions(f.conversation_id, r.message_id, r.seq, r.reactions, r.version);
    this.syncs.answered(f.conversation_id, f.has_more);
    // A gap left after the last page (a live message lost on the way): asked for again shortly.
    if (conv && !f.has_more && conv.timeline.waitingFrom !== undefined) this.gaps.set(conv.id, (this.gaps.get(conv.id) ?? 0) + 1);
    else this.gaps.delete(f.conversation_id);
  }

  /** Conversations whose gap sync did not fill, with the number of tries. */
  private readonly gaps = new Map<string, number>();

  private retryGaps(): void {
    for (const [id, tries] of this.gaps) {
      const conv = this.convs.get(id);
      const waiting = conv?.timeline.waitingFrom;
      if (!conv || waiting === undefined) {
        this.gaps.delete(id);
      } else if (tries >= MAX_GAP_TRIES) {
        // The server does not have those seqs for this user: deliver what waits rather than hold it for ever.
        this.gaps.delete(id);
        this.emitter.emit('error', { code: 'SYNC_GAP', message: `conversation ${id}: seqs ${conv.timeline.frontier + 1}-${waiting - 1} never came; delivering from ${waiting}` });
        this.deliver(conv, conv.timeline.skipTo(waiting - 1));
      } else {
        this.syncs.request(id);
      }
    }
  }

  /**
   * Every message, live, by sync or from history, goes through here: kept once, delivered in
   * seq order; a gap before it is filled by sync first.
   */
  private accept(m: WireMessage): void {
    let conv = this.convs.get(m.conversation_id);
    if (!conv) {
      // Loading the list: it will say where this conversation stands.
      if (this.listing) {
        this.unknown.push(m);
        return;
      }
      // A conversation learned of by its message: delivery starts here.
      conv = this.add({ id: m.conversation_id, type: 0, name: null, lastSeq: m.seq - 1, readSeq: m.seq - 1, frontier: m.seq - 1, activityAt: m.created_at });
      this.describe(conv.id);
    }
    if (m.sender_id === this.me && this.outbox.get(m.client_msg_id)?.conversationId === m.conversation_id) {
      // Our own send, stored: its ack may have been lost with a socket.
      this.outbox.settle(m.client_msg_id, m);
      this.emitter.emit('outbox', this.outbox.list());
    }
    const { delivered, recalled, edited } = conv.timeline.offer(m);
    if (recalled) {
      this.uncount(conv, recalled.message_id, recalled.seq, recalled.sender_id, mentionsMe(recalled, this.me));
      this.announceRecall(conv.id, recalled.message_id, recalled.seq, recalled.sender_id);
    }
    if (edited?.edited_at !== undefined) this.announceEdit(conv.id, edited.message_id, edited.seq, edited.content, edited.edited_at);
    this.deliver(conv, delivered, !!recalled || !!edited);
    if (conv.timeline.waitingFrom !== undefined && !this.gaps.has(conv.id)) this.syncs.request(conv.id);
  }

  private deliver(conv: ConversationState, delivered: WireMessage[], changed = false): void {
    const now = Date.now();
    for (const d of delivered) {
      conv.noteMessage(d);
      this.emitter.emit('message', d);
      // Their message is what they were typing.
      this.announceTyping([this.typists.heard(conv.id, d.sender_id, 'stop', now)]);
    }
    // Received: reported (batched) so senders see it delivered; your own messages need no report.
    if (delivered.some((d) => d.sender_id !== this.me)) this.deliveries.received(conv.id, conv.timeline.frontier);
    if (delivered.length > 0 || changed) this.changed(conv);
  }

  private changed(conv: ConversationState): void {
    this.emitter.emit('conversation', conv.view(this.me));
  }

  messages(conversationId: string): WireMessage[] {
    return [...(this.convs.get(conversationId)?.timeline.sorted() ?? [])];
  }

  /**
   * A page of history, as REST gives it: the latest messages, or those before `beforeSeq`, in seq
   * order. They are held from then on; any past the last delivered seq are delivered as messages.
   */
  async loadHistory(conversationId: string, opts: { beforeSeq?: number; limit?: number } = {}): Promise<{ messages: WireMessage[]; hasMore: boolean }> {
    const { beforeSeq } = opts;
    if (beforeSeq !== undefined && beforeSeq <= 1) return { messages: [], hasMore: false };
    const page = await data(this.rest.GET('/conversations/{id}/messages', {
      params: { path: { id: conversationId }, query: { ...(beforeSeq !== undefined ? { before_seq: beforeSeq } : {}), limit: Math.min(HISTORY_PAGE, opts.limit ?? 50) } },
    }));
    const newest = page.messages.at(-1);
    if (newest && !this.convs.has(conversationId)) {
      // Not known yet: what history shows is past, not news.
      this.add({ id: conversationId, type: 0, name: null, lastSeq: newest.seq, readSeq: newest.seq, frontier: newest.seq, activityAt: newest.created_at });
      this.describe(conversationId);
    }
    for (const m of page.messages) this.accept(m);
    this.refreshReactions(page.messages);
    return { messages: page.messages, hasMore: page.has_more };
  }

  async recall(messageId: string): Promise<void> {
    const m = await data(this.rest.DELETE('/messages/{id}', { params: { path: { id: messageId } } }));
    this.applyRecall(m.conversation_id, m.message_id, m.seq, m.sender_id);
  }

  private applyRecall(conversationId: string, messageId: string, seq: number, byUserId: string): void {
    const conv = this.convs.get(conversationId);
    if (conv) {
      const blanked = conv.timeline.recall(messageId, seq);
      // Only the sender recalls, so byUserId is whose message it was. A copy that came already
      // recalled says nothing new.
      // The blanked copy keeps the held one's mentions: whether it counted among yours.
      const uncounted = (blanked !== undefined || !conv.timeline.has(messageId)) && this.uncount(conv, messageId, seq, byUserId, blanked !== undefined && mentionsMe(blanked, this.me));
      if (blanked || uncounted || conv.lastMessage?.message_id === messageId) {
        if (conv.preview?.message_id === messageId) conv.preview = { ...conv.preview, recalled: true, content: '' };
        this.changed(conv);
      }
    }
    this.announceRecall(conversationId, messageId, seq, byUserId);
  }

  /** A recall heard of for the first time leaves the list's count when it was an unread message there. */
  private uncount(conv: ConversationState, messageId: string, seq: number, senderId: string, mentioned = false): boolean {
    return !this.recalls.has(messageId) && conv.uncount(seq, senderId, this.me, mentioned);
  }

  private announceRecall(conversationId: string, messageId: string, seq: number, byUserId: string): void {
    if (this.recalls.has(messageId)) return;
    this.recalls.add(messageId);
    this.emitter.emit('recall', { conversationId, messageId, seq, byUserId });
  }

  // ---- edits ---------------------------------------------------------------------------

  /** Replaces the content of your text message (within the server's edit window); resolves with the stored message. */
  async editMessage(messageId: string, content: string): Promise<WireMessage> {
    if (content.length === 0) throw new GoChatError('VALIDATION_ERROR', 'content must not be empty');
    const m = await data(this.rest.PATCH('/messages/{id}', { params: { path: { id: messageId } }, body: { content } }));
    if (m.edited_at !== undefined) this.applyEdit(m.conversation_id, m.message_id, m.seq, m.content, m.edited_at);
    return m;
  }

  private applyEdit(conversationId: string, messageId: string, seq: number, content: string, editedAt: number): void {
    const conv = this.convs.get(conversationId);
    if (conv) {
      const edited = conv.timeline.edit(messageId, seq, content, editedAt);
      const preview = conv.preview;
      if (preview?.message_id === messageId && !preview.recalled && editedAt > (preview.edited_at ?? -1)) conv.preview = { ...preview, content, edited_at: editedAt };
      if (edited || conv.lastMessage?.message_id === messageId) this.changed(conv);
    }
    this.announceEdit(conversationId, messageId, seq, content, editedAt);
  }

  private announceEdit(conversationId: string, messageId: string, seq: number, content: string, editedAt: number): void {
    if ((this.edits.get(messageId) ?? -1) >= editedAt) return;
    this.edits.set(messageId, editedAt);
    this.emitter.emit('edited', { conversationId, messageId, seq, content, editedAt });
  }

  // ---- reactions and receipts -----------------------------------------------------------

  /** Adds your reaction (one fully-qualified emoji, e.g. '👍'); resolves with the message's reactions now. */
  react(conversationId: string, messageId: string, emoji: string): Promise<ReactionCount[]> {
    return this.setReaction(conversationId, messageId, emoji, 'add');
  }

  /** Takes your reaction back (taking back one never given is no error). */
  unreact(conversationId: string, messageId: string, emoji: string): Promise<ReactionCount[]> {
    return this.setReaction(conversationId, messageId, emoji, 'remove');
  }

  private async setReaction(conversationId: string, messageId: string, emoji: string, op: ReactionOp): Promise<ReactionCount[]> {
    const path = { id: conversationId, message_id: messageId, emoji };
    const call = op === 'add'
      ? this.rest.PUT('/conversations/{id}/messages/{message_id}/reactions/{emoji}', { params: { path } })
      : this.rest.DELETE('/conversations/{id}/messages/{message_id}/reactions/{emoji}', { params: { path } });
    const r = await data(call);
    this.applyReactions(conversationId, messageId, r.seq, r.reactions, r.version, this.me ? { userId: this.me, emoji, op } : undefined);
    return r.reactions;
  }

  /** How far a message got: delivered to and read by how many of the other members (`peer` in a 1:1 conversation). */
  receipts(conversationId: string, messageId: string) {
    return data(this.rest.GET('/conversations/{id}/messages/{message_id}/receipts', { params: { path: { id: conversationId, message_id: messageId } } }));
  }

  /** A snapshot with a version: applied when newer than what was applied to that message. */
  private applyReactions(conversationId: string, messageId: string, seq: number, reactions: ReactionCount[], version: number, change?: GoChatEvents['reaction']['change']): void {
    if (!this.reactionVersions.take(messageId, version)) return;
    this.showReactions(conversationId, messageId, seq, reactions, change);
  }

  /** Sync and history pages carry each message's reactions now (none: the field is absent). */
  private refreshReactions(messages: readonly WireMessage[]): void {
    for (const m of messages) {
      const held = this.convs.get(m.conversation_id)?.timeline.get(m.seq);
      if (held?.message_id === m.message_id && !m.recalled && !sameReactions(held.reactions, m.reactions)) {
        this.showReactions(m.conversation_id, m.message_id, m.seq, m.reactions ?? []);
      }
    }
  }

  private showReactions(conversationId: string, messageId: string, seq: number, reactions: ReactionCount[], change?: GoChatEvents['reaction']['change']): void {
    this.convs.get(conversationId)?.timeline.react(messageId, seq, reactions);
    this.emitter.emit('reaction', { conversationId, messageId, seq, reactions, ...(change ? { change } : {}) });
  }

  // ---- typing ---------------------------------------------------------------------------

  /**
   * Tells the conversation's other members you started or stopped typing. While typing, call
   * `start` as often as you like (on every keystroke): a frame goes at most every 2 s, which
   * keeps the indicator alive; call `stop` when the draft is cleared or sent. False when nothing
   * was written (not connected, or the gateway would drop it).
   */
  sendTyping(conversationId: string, state: TypingState): boolean {
    if (!this.conn.isReady || !this.typists.shouldSend(conversationId, state, Date.now())) return false;
    return this.conn.write({ type: 'typing', conversation_id: conversationId, state });
  }

  /** Users typing in a conversation now, as heard (yourself excluded). */
  typing(conversationId: string): string[] {
    return this.typists.of(conversationId);
  }

  private announceTyping(changes: (TypingChange | undefined)[]): void {
    for (const c of changes) if (c) this.emitter.emit('typing', c);
  }

  // ---- attachments ----------------------------------------------------------------------

  /** Uploads a picture or file to the conversation; send it with `sendAttachment`. */
  uploadAttachment(conversationId: string, name: string, bytes: AttachmentBytes): Promise<WireAttachment> {
    return uploadAttachment(this.rest, conversationId, name, bytes);
  }

  /**
   * Sends an uploaded attachment as an image or file message, queued and resent like any send.
   * It resolves with the message as sent (its content the reference); every other device, and
   * history, get the content the gateway stored: the file's name, type, size and dimensions.
   */
  sendAttachment(conversationId: string, uploaded: Pick<WireAttachment, 'id' | 'width'>, opts: { clientMsgId?: string; replyTo?: string } = {}): Promise<WireMessage> {
    const { msgType, content } = attachmentSend(uploaded);
    return this.send(conversationId, content, { ...opts, msgType });
  }

  /** A short-lived URL of an attachment of one of your conversations (members only, once sent). */
  attachmentUrl(attachmentId: string, variant: AttachmentVariant = 'original'): Promise<{ url: string; expiresAt: number }> {
    return attachmentUrl(this.rest, attachmentId, variant);
  }

  // ---- read pointers --------------------------------------------------------------------

  /** Marks messages up to seq (default: the last held) read; other devices hear of it. */
  async markRead(conversationId: string, seq?: number): Promise<void> {
    const conv = this.convs.get(conversationId);
    const upTo = seq ?? conv?.timeline.frontier ?? 0;
    if (upTo <= 0 || (conv && upTo <= conv.readSeq)) return;
    const res = await data(this.rest.POST('/conversations/{id}/read', { params: { path: { id: conversationId } }, body: { seq: upTo } }));
    this.moveRead(conversationId, res.last_read_seq);
  }

  private moveRead(conversationId: string, seq: number): void {
    const conv = this.convs.get(conversationId);
    if (!conv) return;
    const { moved, recount } = conv.read(seq, this.me);
    if (moved) this.changed(conv);
    // Read part of what the list counted, not all of it held: the list says how many are left.
    if (recount) void this.refreshConversations().catch((err: unknown) => this.reportError(err));
  }

  // ---- events ---------------------------------------------------------------------------

  private onEvent(e: ClientEvent): void {
    switch (e.type) {
      case 'read':
        if (e.userId === this.me) this.moveRead(e.conversationId, e.seq);
        this.emitter.emit('read', { conversationId: e.conversationId, userId: e.userId, seq: e.seq });
        return;
      case 'recall':
        return this.applyRecall(e.conversationId, e.messageId, e.seq, e.byUserId);
      case 'edited':
        return this.applyEdit(e.conversationId, e.messageId, e.seq, e.content, e.editedAt);
      case 'reaction': {
        const held = this.convs.get(e.conversationId)?.timeline.get(e.seq);
        const change = { userId: e.userId, emoji: e.emoji, op: e.op };
        const mine = held?.message_id === e.messageId ? held.reactions : undefined;
        return this.applyReactions(e.conversationId, e.messageId, e.seq, countsWithMe(e.counts, mine, change, this.me), e.version, change);
      }
      case 'delivered':
        this.emitter.emit('delivered', { conversationId: e.conversationId, userId: e.userId, seq: e.seq });
        return;
      case 'typing':
        if (e.userId !== this.me) this.announceTyping([this.typists.heard(e.conversationId, e.userId, e.state, Date.now())]);
        return;
      case 'presence':
        this.emitter.emit('presence', { userId: e.userId, online: e.online, at: e.at });
        return;
      case 'friend_request':
        this.emitter.emit('friend_request', e);
        return;
      case 'friend_request_result':
        this.emitter.emit('friend_request_result', e);
        return;
      case 'conversation_created': {
        let conv = this.convs.get(e.conversationId);
        if (!conv) {
          // New: everything in it is news, from seq 1.
          conv = this.add({ id: e.conversationId, type: e.conversationType, name: null, lastSeq: 0, readSeq: 0, frontier: 0, activityAt: Date.now(), memberIds: e.memberIds });
          this.describe(conv.id);
        } else {
          conv.type = e.conversationType;
          conv.memberIds = [...e.memberIds];
        }
        this.changed(conv);
        this.syncs.request(conv.id);
        return;
      }
      case 'members_changed': {
        const conv = this.convs.get(e.conversationId);
        if (conv?.memberIds) conv.memberIds = [...conv.memberIds.filter((id) => !e.removed.includes(id)), ...e.added.filter((id) => !conv.memberIds!.includes(id))];
        this.emitter.emit('members', { conversationId: e.conversationId, added: [...e.added], removed: [...e.removed] });
        if (this.me !== undefined && e.removed.includes(this.me)) this.drop(e.conversationId);
        else if (this.me !== undefined && e.added.includes(this.me) && !conv) this.describe(e.conversationId, true);
        else if (conv) this.changed(conv);
        return;
      }
    }
  }

  // ---- conversations --------------------------------------------------------------------

  private add(init: ConstructorParameters<typeof ConversationState>[0]): ConversationState {
    const conv = new ConversationState(init);
    this.convs.set(conv.id, conv);
    return conv;
  }

  private drop(conversationId: string): void {
    this.convs.delete(conversationId);
  }

  /** Most recent first. */
  conversations(): ConversationView[] {
    return [...this.convs.values()]
      .sort((a, b) => b.activityAt - a.activityAt || compareIdsDesc(a.id, b.id))
      .map((c) => c.view(this.me));
  }

  /** Loads the conversation list (every page) into the local view. */
  refreshConversations(): Promise<ConversationView[]> {
    this.listing ??= this.loadList().finally(() => {
      this.listing = undefined;
      // Messages that came meanwhile for conversations the list did not know: learned of now.
      const held = this.unknown;
      this.unknown = [];
      for (const m of held) this.accept(m);
    });
    return this.listing;
  }

  private async loadList(): Promise<ConversationView[]> {
    // Held from now on: recalls after this are asked for by the next sync (`since`).
    this.heardAt ??= Date.now();
    const items = await listAll(this.rest);
    for (const item of items) {
      const c = item.conversation;
      const preview = item.last_message ? previewOf(c.id, item.last_message) : null;
      let conv = this.convs.get(c.id);
      if (!conv) {
        // Messages pushed live while the list loaded are news: delivery starts before them.
        const firstLive = this.unknown.reduce((min, m) => (m.conversation_id === c.id && m.seq < min ? m.seq : min), Infinity);
        const frontier = Math.min(c.last_seq, firstLive - 1);
        conv = this.add({ id: c.id, type: c.type, name: c.name, lastSeq: c.last_seq, readSeq: item.last_read_seq, frontier, activityAt: preview?.created_at ?? c.created_at });
      }
      // The server's count, exact at its last seq: no history needed. Again at every listing, which
      // also brings reads and recalls of other devices missed while disconnected.
      conv.counted(item.last_read_seq, c.last_seq, item.unread_count, item.mention_count);
      conv.type = c.type;
      conv.name = c.name;
      conv.described = true;
      if (c.last_seq > conv.lastSeq) conv.lastSeq = c.last_seq;
      if (preview && (!conv.preview || preview.seq > conv.preview.seq)) conv.preview = preview;
      if (preview && preview.created_at > conv.activityAt) conv.activityAt = preview.created_at;
      if (c.last_seq > conv.timeline.frontier && this.conn.isReady) this.syncs.request(conv.id);
    }
    this.listed = true;
    this.listedAt = Date.now();
    for (const item of items) {
      const conv = this.convs.get(item.conversation.id);
      if (conv) this.changed(conv);
    }
    return this.conversations();
  }

  /** Learns a conversation's type and name; `atItsEnd`: delivery starts after its current last seq. */
  private describe(conversationId: string, atItsEnd = false): void {
    if (this.describing.has(conversationId)) return;
    this.describing.add(conversationId);
    void data(this.rest.GET('/conversations/{id}', { params: { path: { id: conversationId } } }))
      .then(({ conversation: c }) => {
        let conv = this.convs.get(conversationId);
        if (!conv && atItsEnd) conv = this.add({ id: c.id, type: c.type, name: c.name, lastSeq: c.last_seq, readSeq: c.last_seq, frontier: c.last_seq, activityAt: Date.now() });
        if (!conv) return;
        conv.type = c.type;
        conv.name = c.name;
        conv.described = true;
        if (c.last_seq > conv.lastSeq) conv.lastSeq = c.last_seq;
        this.changed(conv);
        if (this.conn.isReady) this.syncs.request(conv.id);
      })
      .catch((err: unknown) => this.reportError(err))
      .finally(() => this.describing.delete(conversationId));
  }
}
