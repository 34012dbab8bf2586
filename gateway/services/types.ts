// The values services work with are the repo's plain views (ids as strings, times in ms);
// a few gateway-only shapes join them for responses.
import type { FriendRequestView, MemberView, UserView } from '../../repo/types.ts';

export type {
  ConversationView, ConversationWithDetails, FriendRequestView, FriendView, MemberRole, MembershipSettings, MemberView, MessageView, UserView,
} from '../../repo/types.ts';
export { CONVERSATION_TYPES as ConversationType, FRIEND_REQUEST_STATUS } from '../../repo/types.ts';
export type { AttachmentView } from '../../repo/index.ts';

/** A member with the user's public profile (null if the account disappeared meanwhile). */
export interface MemberWithUser {
  member: MemberView;
  user: UserView | null;
}

/** A friend request with the other party's profile, for lists a client renders directly. */
export interface FriendRequestWithUsers {
  request: FriendRequestView;
  requester: UserView | null;
  target: UserView | null;
}
