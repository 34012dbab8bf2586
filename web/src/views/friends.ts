// Friends: find people by username, send friend requests, answer the ones you got, and open a
// chat with a friend.
import type { GoChat } from '../../../sdk/src/index.ts';
import type { Directory, UserInfo } from '../directory.ts';
import { button, coalesce, h, replace } from '../dom.ts';
import { displayName } from '../format.ts';
import { allFriends, openChatWith } from '../friendships.ts';
import { errorCode, errorText, must } from '../rest.ts';
import { avatar } from './avatar.ts';
import { toast } from './toast.ts';

interface RequestRow {
  id: string;
  user: UserInfo | undefined;
  userId: string;
  message: string | null;
}

export function friendsView(client: GoChat, dir: Directory, opts: { onIncomingChanged: (count: number) => void }): { el: HTMLElement; dispose: () => void } {
  let friends: UserInfo[] = [];
  let incoming: RequestRow[] = [];
  let outgoing: RequestRow[] = [];
  let results: UserInfo[] | undefined;
  const requested = new Set<string>();
  const busy = new Set<string>();

  // ---- search
  const query = h('input', { testid: 'user-search-input', attrs: { type: 'search', placeholder: 'Search by username', maxlength: 32, 'aria-label': 'Username', spellcheck: 'false', autocapitalize: 'none' } });
  const searchError = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const resultsHost = h('div', { class: 'rows', testid: 'search-results' });
  const searchForm = h('form', {
    class: 'search',
    on: {
      submit: (e) => {
        e.preventDefault();
        void search();
      },
    },
  }, query, button('Search', { kind: 'primary', type: 'submit', testid: 'user-search-submit' }));

  const search = async () => {
    const q = query.value.trim();
    if (!q) {
      searchError.textContent = 'Type the start of a username.';
      return;
    }
    searchError.textContent = '';
    try {
      const r = await must(client.rest.GET('/users/search', { params: { query: { q, limit: 20 } } }));
      r.users.forEach((u) => dir.remember(u));
      results = r.users;
    } catch (err) {
      searchError.textContent = errorText(err);
      results = [];
    }
    render();
  };

  const addFriend = async (user: UserInfo) => {
    busy.add(user.id);
    render();
    try {
      await must(client.rest.POST('/friends/requests', { body: { target_user_id: user.id } }));
      requested.add(user.id);
      toast(`Friend request sent to ${displayName(user)}.`, 'success');
      await loadRequests();
    } catch (err) {
      toast(errorCode(err) === 'CONFLICT' ? `You and ${displayName(user)} are already friends, or a request is waiting.` : errorText(err), 'error');
    } finally {
      busy.delete(user.id);
      render();
    }
  };

  const answer = async (row: RequestRow, action: 1 | 2) => {
    busy.add(row.id);
    render();
    try {
      const r = await must(client.rest.PUT('/friends/requests/{id}', { params: { path: { id: row.id } }, body: { action } }));
      if (r.status === 'accepted') {
        if (r.conversation_id) dir.setPeer(r.conversation_id, row.userId);
        toast(`You and ${row.user ? displayName(row.user) : 'your new friend'} are now friends.`, 'success');
        await client.refreshConversations().catch(() => undefined);
      } else if (r.status === 'expired') toast('That request has expired.', 'info');
      await Promise.all([loadRequests(), loadFriends()]);
    } catch (err) {
      toast(errorText(err), 'error');
    } finally {
      busy.delete(row.id);
      render();
    }
  };

  // ---- lists
  const loadFriends = async () => {
    friends = await allFriends(client, dir);
    render();
  };
  const loadRequests = async () => {
    const toRows = (list: { id: string; requester_id: string; target_id: string; requester: UserInfo | null; target: UserInfo | null; message: string | null }[], dir_: 'in' | 'out'): RequestRow[] =>
      list.map((r) => {
        const user = dir_ === 'in' ? r.requester : r.target;
        dir.remember(user);
        return { id: r.id, user: user ?? undefined, userId: dir_ === 'in' ? r.requester_id : r.target_id, message: r.message };
      });
    const [inc, out] = await Promise.all([
      must(client.rest.GET('/friends/requests', { params: { query: { direction: 'incoming', status: 'pending', limit: 50 } } })),
      must(client.rest.GET('/friends/requests', { params: { query: { direction: 'outgoing', status: 'pending', limit: 50 } } })),
    ]);
    incoming = toRows(inc.requests, 'in');
    outgoing = toRows(out.requests, 'out');
    opts.onIncomingChanged(incoming.length);
    render();
  };

  const person = (u: UserInfo | undefined, id: string, extra?: string | null) =>
    h('span', { class: 'person' },
      avatar({ id, name: displayName(u, '?'), url: u?.avatar_url ?? null, size: 'md', online: friends.some((f) => f.id === id) ? dir.isOnline(id) : undefined }),
      h('span', { class: 'person-text' },
        h('span', { class: 'person-name' }, displayName(u, 'Unknown user')),
        u?.nickname ? h('span', { class: 'muted' }, `@${u.username}`) : null,
        extra ? h('span', { class: 'person-note' }, `“${extra}”`) : null,
      ),
    );

  const resultAction = (u: UserInfo) => {
    if (u.id === dir.me.id) return h('span', { class: 'tag' }, 'You');
    if (friends.some((f) => f.id === u.id)) return button('Message', { testid: 'message-friend', on: { click: () => void openChatWith(client, dir, u.id) } });
    const waitingOnMe = incoming.find((r) => r.userId === u.id);
    if (waitingOnMe) return button('Accept', { kind: 'primary', testid: 'accept-request', on: { click: () => void answer(waitingOnMe, 1) } });
    if (requested.has(u.id) || outgoing.some((r) => r.userId === u.id)) return h('span', { class: 'tag', testid: 'request-sent' }, 'Request sent');
    return button(busy.has(u.id) ? 'Sending…' : 'Add friend', { kind: 'primary', testid: 'add-friend', attrs: { disabled: busy.has(u.id) }, on: { click: () => void addFriend(u) } });
  };

  const incomingHost = h('div', { class: 'rows', testid: 'incoming-requests' });
  const outgoingHost = h('div', { class: 'rows', testid: 'outgoing-requests' });
  const friendsHost = h('div', { class: 'rows', testid: 'friend-list' });
  const incomingCard = h('section', { class: 'card' }, h('h3', {}, 'Friend requests'), incomingHost);
  const outgoingCard = h('section', { class: 'card' }, h('h3', {}, 'Waiting for an answer'), outgoingHost);

  const render = coalesce(() => {
    if (results === undefined) replace(resultsHost);
    else if (results.length === 0) replace(resultsHost, h('p', { class: 'muted' }, 'No users found.'));
    else replace(resultsHost, ...results.map((u) => h('div', { class: 'row', testid: 'search-result', data: { userId: u.id, username: u.username } }, person(u, u.id), resultAction(u))));

    replace(incomingHost, ...(incoming.length === 0
      ? [h('p', { class: 'muted' }, 'No requests right now.')]
      : incoming.map((r) => h('div', { class: 'row', testid: 'incoming-request', data: { requestId: r.id, username: r.user?.username } },
        person(r.user, r.userId, r.message),
        h('span', { class: 'row-actions' },
          button('Decline', { kind: 'ghost', testid: 'reject-request', attrs: { disabled: busy.has(r.id) }, on: { click: () => void answer(r, 2) } }),
          button('Accept', { kind: 'primary', testid: 'accept-request', attrs: { disabled: busy.has(r.id) }, on: { click: () => void answer(r, 1) } }),
        ),
      ))));
    outgoingCard.hidden = outgoing.length === 0;
    replace(outgoingHost, ...outgoing.map((r) => h('div', { class: 'row', testid: 'outgoing-request', data: { requestId: r.id } }, person(r.user, r.userId), h('span', { class: 'tag' }, 'Pending'))));

    replace(friendsHost, ...(friends.length === 0
      ? [h('p', { class: 'muted' }, 'No friends yet. Search for someone above.')]
      : friends.map((f) => h('div', { class: 'row', testid: 'friend-item', data: { userId: f.id, username: f.username, online: dir.isOnline(f.id) } },
        person(f, f.id),
        button('Message', { testid: 'message-friend', on: { click: () => void openChatWith(client, dir, f.id) } }),
      ))));
  });

  const el = h('section', { class: 'page', testid: 'friends-view' },
    h('header', { class: 'page-header' }, h('a', { class: 'back', attrs: { href: '#/', 'aria-label': 'Back to conversations' } }, '‹'), h('h2', {}, 'Friends'), h('p', { class: 'muted' }, 'Find people by username and chat once they accept.')),
    h('section', { class: 'card' }, h('h3', {}, 'Find people'), searchForm, searchError, resultsHost),
    incomingCard,
    outgoingCard,
    h('section', { class: 'card' }, h('h3', {}, 'Your friends'), friendsHost),
  );

  const reload = () => {
    Promise.all([loadRequests(), loadFriends()]).catch((err: unknown) => toast(errorText(err), 'error'));
  };
  const offs = [
    client.on('friend_request', () => void loadRequests().catch(() => undefined)),
    client.on('friend_request_result', reload),
    dir.subscribe(render),
  ];
  render();
  reload();
  window.setTimeout(() => query.focus(), 0);
  return { el, dispose: () => offs.forEach((off) => off()) };
}
