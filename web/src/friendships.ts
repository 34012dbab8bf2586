// Friends as the other screens need them: the whole list, and the 1:1 conversation with one.
import type { GoChat } from '../../sdk/src/index.ts';
import type { Directory, UserInfo } from './directory.ts';
import { displayName } from './format.ts';
import { must } from './rest.ts';
import { navigate } from './router.ts';
import { CONVERSATION_TYPE } from './views/conversations.ts';
import { toast } from './views/toast.ts';

/**
 * Every friend, page after page (the list is short for a person; 20 pages is plenty). Each page
 * also says who is online now: the presence dots before (or without) any presence event.
 */
export async function allFriends(client: GoChat, dir: Directory): Promise<UserInfo[]> {
  const out: UserInfo[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const askedAt = Date.now();
    const r = await must(client.rest.GET('/friends', { params: { query: { limit: 100, ...(after ? { after_user_id: after } : {}) } } }));
    dir.setFriendsPresence(r.friends, askedAt);
    for (const f of r.friends) {
      dir.remember(f.user);
      out.push(f.user);
    }
    if (!r.next_after_user_id) break;
    after = r.next_after_user_id;
  }
  return out.sort((a, b) => displayName(a).localeCompare(displayName(b)));
}

/** Opens the 1:1 conversation with a friend, finding it among the conversations if need be. */
export async function openChatWith(client: GoChat, dir: Directory, userId: string): Promise<void> {
  let found = dir.conversationWith(userId);
  if (!found) {
    const singles = client.conversations().filter((c) => c.type === CONVERSATION_TYPE.single);
    const peers = await Promise.all(singles.map((c) => dir.resolvePeer(c.id).then((peer) => ({ id: c.id, peer }))));
    found = peers.find((p) => p.peer === userId)?.id;
  }
  if (found) navigate({ name: 'chat', conversationId: found });
  else toast('No conversation with this friend yet. It appears once your friend request is accepted.', 'info');
}
