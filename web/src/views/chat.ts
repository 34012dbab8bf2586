// A conversation: its messages by seq (the latest page first, older pages on scroll-up or the
// "older" button), what you sent that is not acknowledged yet, the composer, read receipts in
// 1:1 chats, recall of your own messages, and "mark read" while it is on screen.
import type { ConversationView, GoChat } from '../../../sdk/src/index.ts';
import type { WireMessage } from '../../../contract/index.ts';
import type { Directory } from '../directory.ts';
import { button, coalesce, h, reconcile, replace } from '../dom.ts';
import { dayLabel, lastSeenText, sameDay } from '../format.ts';
import { errorCode, errorText, must } from '../rest.ts';
import { CONVERSATION_TYPE, conversationAvatar, conversationTitle } from './conversations.ts';
import { addMembersPanel } from './group.ts';
import { daySeparator, messageItem, pendingItem } from './message.ts';
import { toast } from './toast.ts';

const PAGE = 40;
/** Within this many pixels of the bottom, new messages keep the view scrolled to the end. */
const STICKY_PX = 80;

export function chatView(client: GoChat, dir: Directory, conversationId: string): { el: HTMLElement; dispose: () => void } {
  const held = new Map<string, WireMessage>();
  const recalling = new Set<string>();
  let hasMore = false;
  let historyState: 'loading' | 'loaded' | 'failed' = 'loading';
  let historyError = '';
  let loadingOlder = false;
  let memberCount: number | undefined;
  let markedUpTo = 0;
  let disposed = false;

  const view = (): ConversationView | undefined => client.conversations().find((c) => c.id === conversationId);

  const merge = (m: WireMessage) => {
    if (m.conversation_id !== conversationId) return;
    dir.rememberSender(m);
    const known = held.get(m.message_id);
    // A recall is final: a copy from before it (a page loaded earlier) must not bring the text back.
    if (known?.recalled && !m.recalled) return;
    held.set(m.message_id, m);
  };

  // ---- header
  const title = h('h2', { class: 'chat-title', testid: 'chat-title' });
  const subtitle = h('p', { class: 'chat-subtitle', testid: 'chat-subtitle' });
  const headerAvatar = h('span', { class: 'chat-avatar' });
  const actions = h('div', { class: 'chat-actions' });
  const panelHost = h('div', { class: 'chat-panel-host' });
  const back = h('a', { class: 'back', attrs: { href: '#/', 'aria-label': 'Back to conversations' } }, '‹');
  const header = h('header', { class: 'chat-header' }, back, headerAvatar, h('div', { class: 'chat-heading' }, title, subtitle), actions);

  const renderHeader = () => {
    const c = view();
    const shape = c ?? { id: conversationId, type: CONVERSATION_TYPE.single, name: null };
    title.textContent = c ? conversationTitle(dir, shape) : 'Conversation';
    replace(headerAvatar, conversationAvatar(dir, shape, 'lg'));
    if (!c) subtitle.textContent = '';
    else if (c.type === CONVERSATION_TYPE.single) {
      const peer = dir.peerOf(c.id);
      const online = peer ? dir.isOnline(peer) : undefined;
      const seen = peer ? dir.lastSeen(peer) : undefined;
      subtitle.textContent = online ? 'Online' : seen !== undefined ? lastSeenText(seen) : online === false ? 'Offline' : 'Direct message';
      subtitle.dataset.online = online === undefined ? 'unknown' : String(online);
    } else if (c.type === CONVERSATION_TYPE.world) {
      subtitle.textContent = memberCount !== undefined ? `Everyone on GoChat · ${memberCount} members` : 'Everyone on GoChat';
    } else {
      subtitle.textContent = memberCount !== undefined ? `${memberCount} ${memberCount === 1 ? 'member' : 'members'}` : 'Group';
    }
    if (c?.type === CONVERSATION_TYPE.group && actions.childElementCount === 0) {
      actions.append(button('Add members', { testid: 'add-members', on: { click: toggleAddMembers } }));
    }
  };

  const loadDetails = async () => {
    try {
      const detail = await must(client.rest.GET('/conversations/{id}', { params: { path: { id: conversationId } } }));
      memberCount = detail.conversation.member_count;
      renderHeader();
    } catch {
      // The header goes without a member count; the chat itself does not depend on it.
    }
  };

  const toggleAddMembers = () => {
    if (panelHost.firstChild) {
      replace(panelHost);
      return;
    }
    panelHost.append(addMembersPanel(client, dir, conversationId, {
      onAdded: (count) => {
        replace(panelHost);
        toast(`Added ${count} ${count === 1 ? 'member' : 'members'}.`, 'success');
        void loadDetails();
      },
      onClose: () => replace(panelHost),
    }));
  };

  // ---- messages
  const list = h('div', { class: 'messages', testid: 'message-list', attrs: { role: 'log', 'aria-live': 'polite', tabindex: 0 } });

  // The peer's read pointer as the server has it: on opening, and after every (re)connect, since
  // no `read` event tells what was read before the page loaded or while the socket was down.
  const loadReceipts = () => {
    if (view()?.type === CONVERSATION_TYPE.single) void dir.loadMembers(conversationId);
  };

  const receiptOf = (m: WireMessage): 'sent' | 'read' | undefined => {
    const c = view();
    if (c?.type !== CONVERSATION_TYPE.single) return undefined;
    const peer = dir.peerOf(conversationId);
    return peer && dir.readSeq(conversationId, peer) >= m.seq ? 'read' : 'sent';
  };

  const recall = async (m: WireMessage) => {
    recalling.add(m.message_id);
    renderMessages();
    try {
      await client.recall(m.message_id);
      merge({ ...m, recalled: true, content: '' });
    } catch (err) {
      toast(errorCode(err) === 'FORBIDDEN' ? 'This message can no longer be recalled.' : errorText(err), 'error');
    } finally {
      recalling.delete(m.message_id);
      renderMessages();
    }
  };

  const topOfList = (): HTMLElement | null => {
    if (historyState === 'loading' && held.size === 0) return h('p', { class: 'list-note' }, 'Loading messages…');
    if (historyState === 'failed') {
      return h('p', { class: 'list-note error', testid: 'history-error' }, historyError, ' ', button('Try again', { kind: 'link', on: { click: () => void loadLatest() } }));
    }
    if (hasMore) return button(loadingOlder ? 'Loading…' : 'Load older messages', { class: 'older', testid: 'load-older', attrs: { disabled: loadingOlder }, on: { click: () => void loadOlder() } });
    if (historyState === 'loaded') return h('p', { class: 'list-note', testid: 'history-start' }, held.size > 0 ? 'This is the beginning of the conversation.' : 'No messages yet. Say hello!');
    return null;
  };

  let anchorOlder = false;
  let stickNext = false;

  /** Rendered rows by key, reused while what they show is the same (a selection or hover survives). */
  const rows = new Map<string, { sig: string; el: HTMLElement }>();
  const row = (key: string, sig: string, make: () => HTMLElement): HTMLElement => {
    const known = rows.get(key);
    if (known?.sig === sig) return known.el;
    const el = make();
    rows.set(key, { sig, el });
    return el;
  };

  const renderMessages = () => {
    if (disposed) return;
    const fromBottom = list.scrollHeight - list.scrollTop;
    const atBottom = fromBottom - list.clientHeight < STICKY_PX;
    for (const m of client.messages(conversationId)) merge(m);
    const messages = [...held.values()].sort((a, b) => a.seq - b.seq);
    const c = view();
    const isGroup = c !== undefined && c.type !== CONVERSATION_TYPE.single;
    const nodes: HTMLElement[] = [];
    // Only the newest of your own messages says "Sent" or "Read" (each carries its state in data-status).
    const newestOwn = messages.findLast((m) => m.sender_id === dir.me.id && !m.recalled)?.message_id;
    const used = new Set<string>();
    let prev: WireMessage | undefined;
    for (const m of messages) {
      if (!prev || !sameDay(prev.created_at, m.created_at)) {
        const label = dayLabel(m.created_at);
        const key = `day:${new Date(m.created_at).toDateString()}`;
        used.add(key);
        nodes.push(row(key, label, () => daySeparator(label)));
      }
      const mine = m.sender_id === dir.me.id;
      const newRun = !prev || prev.sender_id !== m.sender_id || !sameDay(prev.created_at, m.created_at);
      const o = {
        mine,
        senderName: isGroup && !mine && newRun ? dir.name(m.sender_id) : undefined,
        receipt: mine ? receiptOf(m) : undefined,
        showReceipt: m.message_id === newestOwn,
        recalling: recalling.has(m.message_id),
      };
      const key = `m:${m.message_id}`;
      used.add(key);
      nodes.push(row(key, JSON.stringify([m.recalled, m.content, o]), () => messageItem(m, { ...o, onRecall: mine ? () => void recall(m) : undefined })));
      prev = m;
    }
    const stored = new Set(messages.map((m) => m.client_msg_id));
    const online = client.state === 'online';
    for (const p of client.pending(conversationId)) {
      if (stored.has(p.clientMsgId)) continue;
      const key = `p:${p.clientMsgId}`;
      used.add(key);
      nodes.push(row(key, String(online), () => pendingItem(p, online)));
    }
    // The top line is kept while its state is the same: a click on "Load older" must not land
    // on a button replaced by a message that arrived meanwhile.
    const topState = `${historyState}|${hasMore}|${loadingOlder}|${held.size > 0}|${historyError}`;
    const top = topOfList();
    const topEl = top ? row('top', topState, () => top) : null;
    if (topEl) used.add('top');
    for (const key of rows.keys()) if (!used.has(key)) rows.delete(key);
    reconcile(list, topEl ? [topEl, ...nodes] : nodes);
    if (anchorOlder) list.scrollTop = list.scrollHeight - fromBottom;
    else if (atBottom || stickNext) list.scrollTop = list.scrollHeight;
    anchorOlder = false;
    stickNext = false;
  };
  const render = coalesce(() => {
    renderHeader();
    renderMessages();
  });

  const loadLatest = async () => {
    historyState = 'loading';
    render();
    try {
      const page = await client.loadHistory(conversationId, { limit: PAGE });
      for (const m of page.messages) merge(m);
      hasMore = page.hasMore;
      historyState = 'loaded';
      stickNext = true;
    } catch (err) {
      historyState = 'failed';
      historyError = errorCode(err) === 'NOT_CONVERSATION_MEMBER' ? 'You are not a member of this conversation.' : `Could not load messages: ${errorText(err)}`;
    }
    render();
    markRead();
  };

  const loadOlder = async () => {
    if (loadingOlder || !hasMore) return;
    const oldest = Math.min(...[...held.values()].map((m) => m.seq));
    if (!Number.isFinite(oldest) || oldest <= 1) {
      hasMore = false;
      render();
      return;
    }
    loadingOlder = true;
    renderMessages();
    try {
      const page = await client.loadHistory(conversationId, { beforeSeq: oldest, limit: PAGE });
      for (const m of page.messages) merge(m);
      hasMore = page.hasMore;
      anchorOlder = true;
    } catch (err) {
      toast(`Could not load older messages: ${errorText(err)}`, 'error');
    } finally {
      loadingOlder = false;
    }
    renderMessages();
  };

  list.addEventListener('scroll', () => {
    if (list.scrollTop < 40 && hasMore && !loadingOlder && historyState === 'loaded') void loadOlder();
  });

  // ---- read pointer: what is on screen counts as read. One request at a time: in a busy room
  // the messages that came meanwhile are covered by the next one.
  let marking = false;
  let markAgain = false;
  const markRead = () => {
    if (disposed || document.visibilityState !== 'visible' || client.state !== 'online') return;
    if (marking) {
      markAgain = true;
      return;
    }
    const c = view();
    const newest = Math.max(c?.lastSeq ?? 0, ...[...held.values()].map((m) => m.seq));
    if (newest <= Math.max(markedUpTo, c?.readSeq ?? 0)) return;
    marking = true;
    client.markRead(conversationId, newest).then(
      () => {
        markedUpTo = Math.max(markedUpTo, newest);
      },
      () => undefined, // offline or refused: the next message, reconnect or visibility change tries again
    ).finally(() => {
      marking = false;
      if (markAgain) {
        markAgain = false;
        markRead();
      }
    });
  };

  // ---- composer
  const input = h('textarea', { class: 'composer-input', testid: 'composer-input', attrs: { rows: 1, placeholder: 'Write a message…', maxlength: 4000, 'aria-label': 'Message' } });
  const sendButton = button('Send', { kind: 'primary', type: 'submit', testid: 'composer-send' });
  const fit = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  };
  const send = () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    fit();
    stickNext = true;
    client.send(conversationId, text).then((stored) => {
      merge(stored);
      stickNext = true;
      render();
    }, (err: unknown) => {
      toast(`Not sent: ${errorText(err)}`, 'error');
      render();
    });
    render();
  };
  input.addEventListener('input', fit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  const composer = h('form', {
    class: 'composer',
    on: {
      submit: (e) => {
        e.preventDefault();
        send();
        input.focus();
      },
    },
  }, input, sendButton);

  const el = h('section', { class: 'chat', testid: 'chat-view', data: { conversationId } }, header, panelHost, list, composer);

  // ---- live updates
  const offs = [
    client.on('message', (m) => {
      if (m.conversation_id !== conversationId) return;
      merge(m);
      render();
      markRead();
    }),
    client.on('recall', (r) => {
      if (r.conversationId !== conversationId) return;
      const known = held.get(r.messageId);
      if (known) held.set(r.messageId, { ...known, recalled: true, content: '' });
      render();
    }),
    client.on('outbox', () => render()),
    client.on('state', (state) => {
      render();
      if (state === 'online') {
        if (historyState === 'failed') void loadLatest();
        loadReceipts();
        markRead();
      }
    }),
    client.on('conversation', (c) => {
      if (c.id !== conversationId) return;
      render();
      markRead();
    }),
    client.on('members', (m) => {
      if (m.conversationId === conversationId) void loadDetails();
    }),
    dir.subscribe(render),
  ];
  const onVisible = () => markRead();
  document.addEventListener('visibilitychange', onVisible);

  if (!view()) {
    // Opened by URL before the list was loaded, or a conversation just created.
    client.refreshConversations().then(() => {
      loadReceipts();
      render();
    }, () => undefined);
  }
  loadReceipts();
  render();
  void loadLatest();
  void loadDetails();
  window.setTimeout(() => input.focus(), 0);

  return {
    el,
    dispose: () => {
      disposed = true;
      offs.forEach((off) => off());
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
