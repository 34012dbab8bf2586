// Friend requests and friendships. A request is a row (created here through the repo) plus a
// durable Temporal workflow that notifies the target, waits for the answer (with expiry) and on
// accept creates the friendship and the 1:1 conversation. Answering is a Workflow Update, so
// the HTTP reply carries the outcome, including the conversation id.
import { ConflictError } from '../../repo/errors.ts';
import { blocked, conflict, forbidden, notFound, unavailable, validationError } from '../errors.ts';
import type { Authenticated } from './auth.ts';
import { FRIEND_REQUEST_STATUS, type FriendRequestView, type FriendRequestWithUsers, type FriendView, type UserView } from './types.ts';

export type FriendAction = 'accept' | 'reject';

export interface AnswerOutcome {
  status: 'accepted' | 'rejected' | 'expired';
  conversationId?: string;
}

export interface FriendsDeps {
  getUser(id: string): Promise<UserView | null>;
  getUsers(ids: string[]): Promise<UserView[]>;
  /** Throws the repo's ConflictError (self_request, request_pending, already_friends). */
  createRequest(input: { requesterId: string; targetId: string; message: string | null }): Promise<FriendRequestView>;
  /** The pending request from `requesterId` to `targetId`, if any. */
  findPendingOutgoing(requesterId: string, targetId: string): Promise<FriendRequestView | null>;
  getRequest(id: string): Promise<FriendRequestView | null>;
  listRequests(userId: string, direction: 'incoming' | 'outgoing', opts: { status?: number; beforeId?: string; limit: number }): Promise<FriendRequestView[]>;
  listFriends(userId: string, opts: { afterUserId?: string; limit: number }): Promise<FriendView[]>;
  /** Which of these users have a connection now (presence). */
  onlineAmong(userIds: string[]): Promise<Set<string>>;
  /** Which of these users have a block with `userId`, either way (their presence is hidden). */
  blockedAmong(userId: string, others: string[]): Promise<Set<string>>;
  /** Ends the friendship both ways; false when they were not friends. */
  removeFriendship(userId: string, friendId: string): Promise<boolean>;
  /** Idempotent per request id. */
  startWorkflow(request: FriendRequestView): Promise<void>;
  /** Performs the Update on the request's workflow; throws FriendAnswerRefused when it refuses. */
  answer(requestId: string, action: FriendAction, actingUserId: string): Promise<AnswerOutcome>;
}

/** The workflow refused the answer (already answered, expired): a conflict, not a failure. */
export class FriendAnswerRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FriendAnswerRefused';
  }
}

export function createFriendsService(deps: FriendsDeps) {
  async function ensureWorkflow(request: FriendRequestView): Promise<void> {
    try {
      await deps.startWorkflow(request);
    } catch (err) {
      throw unavailable('the friend request is stored but its workflow could not be started; send it again', err);
    }
  }

  async function withUsers(requests: FriendRequestView[]): Promise<FriendRequestWithUsers[]> {
    const ids = [...new Set(requests.flatMap((r) => [r.requesterId, r.targetId]))];
    const users = new Map((await deps.getUsers(ids)).map((u) => [u.id, u]));
    return requests.map((request) => ({ request, requester: users.get(request.requesterId) ?? null, target: users.get(request.targetId) ?? null }));
  }

  return {
    /** Returns the request and whether it is new: sending again returns the pending one. */
    async send(auth: Authenticated, targetId: string, message: string | null): Promise<{ request: FriendRequestWithUsers; created: boolean }> {
      if (auth.guest) throw forbidden('guests cannot send friend requests');
      if (targetId === auth.userId) throw validationError('body.target_user_id', 'cannot send a friend request to yourself');
      const target = await deps.getUser(targetId);
      if (!target) throw notFound(`user ${targetId}`);
      if (target.isGuest) throw forbidden('guests cannot receive friend requests');
      let request: FriendRequestView;
      let created = true;
      try {
        request = await deps.createRequest({ requesterId: auth.userId, targetId, message });
      } catch (err) {
        if (!(err instanceof ConflictError) || err.reason !== 'request_pending') throw err;
        const pending = await deps.findPendingOutgoing(auth.userId, targetId);
        if (!pending) throw conflict('this user already sent you a friend request; answer it instead');
        request = pending;
        created = false;
      }
      await ensureWorkflow(request);
      const [withNames] = await withUsers([request]);
      return { request: withNames ?? { request, requester: null, target }, created };
    },

    async list(userId: string, direction: 'incoming' | 'outgoing', opts: { status?: number; beforeId?: string; limit: number }): Promise<FriendRequestWithUsers[]> {
      return withUsers(await deps.listRequests(userId, direction, opts));
    },

    async answer(auth: Authenticated, requestId: string, action: FriendAction): Promise<AnswerOutcome & { request: FriendRequestWithUsers }> {
      const request = await deps.getRequest(requestId);
      // Someone else's request looks the same as a missing one: ids are not an oracle.
      if (!request || (request.targetId !== auth.userId && request.requesterId !== auth.userId)) throw notFound(`friend request ${requestId}`);
      if (request.targetId !== auth.userId) throw forbidden('only the recipient can answer a friend request');
      if (request.status !== FRIEND_REQUEST_STATUS.pending) throw conflict('the friend request was already answered or has expired');
      // A block set after the request was sent: it can still be rejected, not accepted.
      if (action === 'accept' && (await deps.blockedAmong(auth.userId, [request.requesterId])).size > 0) throw blocked();
      let outcome: AnswerOutcome;
      try {
        outcome = await deps.answer(requestId, action, auth.userId);
      } catch (err) {
        if (err instanceof FriendAnswerRefused) throw conflict(err.message);
        throw err;
      }
      const updated = (await deps.getRequest(requestId)) ?? request;
      const [withNames] = await withUsers([updated]);
      return { ...outcome, request: withNames ?? { request: updated, requester: null, target: null } };
    },

    async friends(userId: string, opts: { afterUserId?: string; limit: number }): Promise<(FriendView & { online: boolean })[]> {
      const list = await deps.listFriends(userId, opts);
      const ids = list.map((f) => f.user.id);
      const [online, hidden] = await Promise.all([deps.onlineAmong(ids), deps.blockedAmong(userId, ids)]);
      return list.map((f) => ({ ...f, online: online.has(f.user.id) && !hidden.has(f.user.id) }));
    },

    /** Both lose the friendship; their 1:1 history stays readable, sends in it are refused (NOT_FRIENDS). */
    async unfriend(auth: Authenticated, friendId: string): Promise<void> {
      if (friendId === auth.userId) throw validationError('params.user_id', 'you are not your own friend');
      if (!(await deps.removeFriendship(auth.userId, friendId))) throw notFound(`friend ${friendId}`);
    },
  };
}

export type FriendsService = ReturnType<typeof createFriendsService>;
