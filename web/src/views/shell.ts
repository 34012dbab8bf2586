// The signed-in screen: a sidebar (who you are, the connection, Friends / New group / World
// room, the conversation list) beside the current page (a chat, friends, a new group). It also
// routes the SDK's events that concern more than one page.
import type { GoChat } from '../../../sdk/src/index.ts';
import type { Directory } from '../directory.ts';
import { button, h, replace } from '../dom.ts';
import { displayName } from '../format.ts';
import { allFriends } from '../friendships.ts';
import { errorText, must } from '../rest.ts';
import { currentRoute, navigate, onRouteChange, type Route } from '../router.ts';
import { avatar } from './avatar.ts';
import { chatView } from './chat.ts';
import { CONVERSATION_TYPE, conversationList } from './conversations.ts';
import { friendsView } from './friends.ts';
import { newGroupView } from './group.ts';
import { connectionIndicator } from './status.ts';
import { toast } from './toast.ts';

interface Page {
  el: HTMLElement;
  dispose: () => void;
}

function welcome(dir: Directory): Page {
  return {
    el: h('section', { class: 'welcome', testid: 'welcome-view' },
      h('div', { class: 'welcome-card' },
        h('h2', {}, `Welcome, ${displayName(dir.me)}`),
        h('p', { class: 'muted' }, 'Pick a conversation on the left, find friends, start a group, or say hello to everyone in the world room.'),
      ),
    ),
    dispose: () => undefined,
  };
}

export function shell(client: GoChat, dir: Directory, opts: { onSignOut: (notice?: string) => void }): Page {
  const status = connectionIndicator(client);
  const friendsBadge = h('span', { class: 'badge badge-inline', testid: 'friends-badge', attrs: { hidden: true } });
  const setIncoming = (count: number) => {
    friendsBadge.hidden = count === 0;
    friendsBadge.textContent = String(count);
  };

  const meName = h('span', { class: 'me-name', testid: 'me-name' });
  const meAvatar = h('span', {});
  const showMe = () => {
    meName.textContent = displayName(dir.me);
    replace(meAvatar, avatar({ id: dir.me.id, name: displayName(dir.me), url: dir.me.avatar_url, size: 'sm' }));
  };
  showMe();

  const signOut = async () => {
    try {
      await client.logout();
    } catch {
      // Signing out here matters more than revoking a token the server may not reach now.
    }
    opts.onSignOut();
  };

  const openWorld = async () => {
    try {
      const world = await must(client.rest.GET('/conversations/world'));
      await client.refreshConversations().catch(() => undefined);
      navigate({ name: 'chat', conversationId: world.conversation.id });
    } catch (err) {
      toast(`Could not open the world room: ${errorText(err)}`, 'error');
    }
  };

  const navButton = (label: string, route: Route['name'] | 'world', testid: string, extra?: HTMLElement) =>
    h('a', {
      class: 'nav-link',
      testid,
      data: { route },
      attrs: { href: route === 'world' ? '#' : `#/${route}` },
      on: route === 'world' ? { click: (e) => { e.preventDefault(); void openWorld(); } } : {},
    }, label, extra ?? null);

  const friendsLink = navButton('Friends', 'friends', 'nav-friends', friendsBadge);
  const groupLink = navButton('New group', 'new-group', 'nav-new-group');
  const worldLink = navButton('World room', 'world', 'open-world');

  let route = currentRoute();
  const list = conversationList(client, dir, { activeId: () => (route.name === 'chat' ? route.conversationId : undefined) });

  const sidebar = h('aside', { class: 'sidebar' },
    h('header', { class: 'sidebar-header' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, 'G'), h('span', {}, 'GoChat')),
      status.el,
    ),
    h('div', { class: 'me' }, meAvatar, meName, button('Log out', { kind: 'link', testid: 'logout', on: { click: () => void signOut() } })),
    h('nav', { class: 'nav' }, friendsLink, groupLink, worldLink),
    h('h3', { class: 'sidebar-title' }, 'Conversations'),
    list.el,
  );
  const main = h('main', { class: 'main' });
  const el = h('div', { class: 'shell', testid: 'app-shell' }, sidebar, main);

  let page: Page | undefined;
  const show = (next: Route) => {
    route = next;
    page?.dispose();
    page = next.name === 'chat' ? chatView(client, dir, next.conversationId)
      : next.name === 'friends' ? friendsView(client, dir, { onIncomingChanged: setIncoming })
        : next.name === 'new-group' ? newGroupView(client, dir)
          : welcome(dir);
    replace(main, page.el);
    el.dataset.route = next.name;
    for (const link of [friendsLink, groupLink]) link.classList.toggle('active', link.dataset.route === next.name);
    list.refresh();
  };

  // Who of your friends is online now: at start, and again after a reconnect (the presence events
  // of the time the socket was down are not replayed).
  const loadPresence = () => {
    allFriends(client, dir).catch(() => undefined);
  };
  let lastState = client.state;

  const countIncoming = () => {
    must(client.rest.GET('/friends/requests', { params: { query: { direction: 'incoming', status: 'pending', limit: 50 } } }))
      .then((r) => setIncoming(r.requests.length), () => undefined);
  };

  const offs = [
    onRouteChange(show),
    status.dispose,
    list.dispose,
    dir.subscribe(showMe),
    client.on('presence', (p) => dir.setPresence(p.userId, p.online, p.at)),
    client.on('read', (r) => dir.setRead(r.conversationId, r.userId, r.seq)),
    client.on('message', (m) => dir.rememberSender(m)),
    client.on('friend_request', (r) => {
      if (r.toUserId !== dir.me.id) return;
      void dir.load(r.fromUserId).then((u) => toast(`${displayName(u, 'Someone')} sent you a friend request.`, 'info'));
      countIncoming();
    }),
    client.on('friend_request_result', (r) => {
      const other = r.fromUserId === dir.me.id ? r.toUserId : r.fromUserId;
      if (r.status === 'accepted') {
        if (r.conversationId) dir.setPeer(r.conversationId, other);
        if (r.fromUserId === dir.me.id) void dir.load(other).then((u) => toast(`${displayName(u, 'Someone')} accepted your friend request.`, 'success'));
      }
      client.refreshConversations().catch(() => undefined);
      countIncoming();
    }),
    client.on('conversation', (c) => {
      const others = c.type === CONVERSATION_TYPE.single ? c.memberIds?.filter((id) => id !== dir.me.id) : undefined;
      if (others?.length === 1) dir.setPeer(c.id, others[0]!);
    }),
    client.on('members', (m) => {
      if (m.added.includes(dir.me.id) || m.removed.includes(dir.me.id)) client.refreshConversations().catch(() => undefined);
    }),
    client.on('state', (state) => {
      if (state === 'online') client.refreshConversations().catch(() => undefined);
      if (state === 'online' && lastState === 'reconnecting') loadPresence();
      lastState = state;
    }),
    client.on('error', (e) => {
      if (e.code === 'UNAUTHORIZED') opts.onSignOut('Your session has ended. Please log in again.');
      // A refused send rejects its promise, which the chat shows; the rest are background work
      // (a list refresh while the network is down) that the SDK retries on its own.
      else if (!e.clientMsgId) console.warn(`GoChat: ${e.code}: ${e.message}`);
    }),
  ];

  must(client.rest.GET('/users/profile')).then((u) => dir.remember(u), () => undefined);
  countIncoming();
  loadPresence();
  show(route);
  return {
    el,
    dispose: () => {
      page?.dispose();
      offs.forEach((off) => off());
    },
  };
}
