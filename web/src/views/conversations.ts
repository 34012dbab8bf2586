// The conversation list: most recent first, each with its last message, the time, an unread
// badge and, for 1:1 chats, whether the other person is online.
import type { ConversationView, GoChat } from '../../../sdk/src/index.ts';
import type { Directory } from '../directory.ts';
import { coalesce, h, reconcile } from '../dom.ts';
import { displayName, previewOf, shortWhen } from '../format.ts';
import { hrefOf } from '../router.ts';
import { avatar } from './avatar.ts';

export const CONVERSATION_TYPE = { single: 1, group: 2, world: 3 } as const;

export function conversationTitle(dir: Directory, c: Pick<ConversationView, 'id' | 'type' | 'name'>): string {
  if (c.type === CONVERSATION_TYPE.world) return c.name ?? 'World room';
  if (c.type === CONVERSATION_TYPE.group) return c.name ?? 'Group';
  if (c.type !== CONVERSATION_TYPE.single) return c.name ?? 'Conversation'; // not described yet
  const peer = dir.peerOf(c.id);
  return peer ? dir.name(peer) : (c.name ?? 'Direct message');
}

export function conversationAvatar(dir: Directory, c: Pick<ConversationView, 'id' | 'type' | 'name'>, size: 'md' | 'lg' = 'md'): HTMLElement {
  if (c.type === CONVERSATION_TYPE.world) return avatar({ id: c.id, name: 'World', kind: 'world', size });
  if (c.type !== CONVERSATION_TYPE.single) return avatar({ id: c.id, name: c.name ?? 'Group', kind: 'group', size });
  const peer = dir.peerOf(c.id);
  const user = peer ? dir.user(peer) : undefined;
  return avatar({ id: peer ?? c.id, name: displayName(user, '?'), url: user?.avatar_url ?? null, size, online: peer ? dir.isOnline(peer) : undefined });
}

export function conversationList(client: GoChat, dir: Directory, opts: { activeId: () => string | undefined }): { el: HTMLElement; refresh: () => void; dispose: () => void } {
  const list = h('ul', { class: 'conv-list', testid: 'conversation-list', attrs: { 'aria-label': 'Conversations' } });
  const emptyItem = h('li', {}, h('p', { class: 'conv-empty', testid: 'conversation-empty' }, 'No conversations yet. Add a friend or open the world room to start chatting.'));
  const el = h('nav', { class: 'conv-nav' }, list);

  /** Items by conversation, rebuilt only when what they show changed (a click in progress survives). */
  const items = new Map<string, { sig: string; el: HTMLElement }>();

  const item = (c: ConversationView) => {
    const last = c.lastMessage;
    const mine = last?.sender_id === dir.me.id;
    if (last) dir.rememberSender(last);
    const sender = last && !mine && c.type !== CONVERSATION_TYPE.single ? dir.name(last.sender_id) : undefined;
    const active = opts.activeId() === c.id;
    const title = conversationTitle(dir, c);
    const peer = c.type === CONVERSATION_TYPE.single ? dir.peerOf(c.id) : undefined;
    const sig = JSON.stringify([title, active, c.unread, c.type, last?.message_id, last?.recalled, last?.content, last?.created_at, sender, peer, peer && dir.isOnline(peer), peer && dir.user(peer)?.avatar_url]);
    const known = items.get(c.id);
    if (known?.sig === sig) return known.el;
    const el = h('li', {},
      h('a', {
        class: `conv-item${active ? ' active' : ''}${c.unread > 0 ? ' has-unread' : ''}`,
        testid: 'conversation-item',
        data: { conversationId: c.id, type: c.type, unread: c.unread },
        attrs: { href: hrefOf({ name: 'chat', conversationId: c.id }), 'aria-current': active ? 'page' : undefined },
      },
      conversationAvatar(dir, c),
      h('span', { class: 'conv-body' },
        h('span', { class: 'conv-top' },
          h('span', { class: 'conv-title', testid: 'conversation-title' }, title),
          last ? h('time', { class: 'conv-time', attrs: { datetime: new Date(last.created_at).toISOString() } }, shortWhen(last.created_at)) : null,
        ),
        h('span', { class: 'conv-bottom' },
          h('span', { class: `conv-preview${last?.recalled ? ' recalled' : ''}`, testid: 'conversation-preview' }, previewOf(last, mine, sender)),
          c.unread > 0 ? h('span', { class: 'badge', testid: 'unread-badge', attrs: { 'aria-label': `${c.unread} unread` } }, c.unread > 99 ? '99+' : String(c.unread)) : null,
        ),
      ),
      ),
    );
    items.set(c.id, { sig, el });
    return el;
  };

  const render = () => {
    const all = client.conversations();
    const wanted: HTMLElement[] = all.map(item);
    for (const id of items.keys()) if (!all.some((c) => c.id === id)) items.delete(id);
    reconcile(list, wanted.length > 0 ? wanted : [emptyItem]);
    const unread = all.reduce((n, c) => n + c.unread, 0);
    document.title = unread > 0 ? `(${unread}) GoChat` : 'GoChat';
  };
  const refresh = coalesce(render);
  render();
  const offs = [client.on('conversation', refresh), client.on('recall', refresh), dir.subscribe(refresh)];
  return { el, refresh, dispose: () => offs.forEach((off) => off()) };
}
