// Group membership: listing, adding, removing (or leaving) and roles. Only groups have a
// member list that people manage; 1:1 and world memberships follow from friendship and sign-up.
import { conflict, dissolved, forbidden, notFound, validationError } from '../errors.ts';
import type { Access, MemberAccess } from './access.ts';
import type { Authenticated } from './auth.ts';
import type { EventPublisher } from './events.ts';
import { ConversationType, type MemberRole, type MemberView, type MemberWithUser, type UserView } from './types.ts';

export interface MembersDeps {
  access: Access;
  events: EventPublisher;
  maxGroupMembers: number;
  /** Keyset pages in user id order. */
  listMembers(conversationId: string, afterUserId: string | undefined, limit: number): Promise<MemberView[]>;
  /** Every member id: the recipients of a membership event. */
  memberIds(conversationId: string): Promise<string[]>;
  getUsers(ids: string[]): Promise<UserView[]>;
  getMembership(conversationId: string, userId: string): Promise<MemberView | null>;
  /** Adds those not yet members, capacity checked in the same transaction; returns the ids added, or 'full'. */
  addMembers(conversationId: string, userIds: string[], maxMembers: number): Promise<string[] | 'full'>;
  /** Returns false when the user was not a member; 'last_owner' when it would leave the group ownerless. */
  removeMember(conversationId: string, userId: string): Promise<boolean | 'last_owner'>;
  setRole(conversationId: string, userId: string, role: MemberRole): Promise<void>;
}

const canManage = (role: MemberRole) => role === 'owner' || role === 'admin';

export function createMembersService(deps: MembersDeps) {
  /** A group member; unless `leaving`, of a group that is not dissolved (leaving one is allowed). */
  async function requireGroup(conversationId: string, userId: string, leaving = false): Promise<MemberAccess> {
    const access = await deps.access.requireMember(conversationId, userId);
    if (access.conversation.type !== ConversationType.group) throw forbidden('members can only be managed in group conversations');
    if (!leaving && access.conversation.dissolvedAt !== null) throw dissolved(conversationId);
    return access;
  }

  async function notify(conversationId: string, extra: string[], added: string[], removed: string[]): Promise<void> {
    const ids = await deps.memberIds(conversationId);
    await deps.events.publish('conversation', [...ids, ...extra], { type: 'members_changed', conversationId, added, removed });
  }

  return {
    async list(userId: string, conversationId: string, afterUserId: string | undefined, limit: number): Promise<MemberWithUser[]> {
      await deps.access.requireMember(conversationId, userId);
      const page = await deps.listMembers(conversationId, afterUserId, limit);
      const users = new Map((await deps.getUsers(page.map((m) => m.userId))).map((u) => [u.id, u]));
      return page.map((member) => ({ member, user: users.get(member.userId) ?? null }));
    },

    async add(auth: Authenticated, conversationId: string, userIds: string[]): Promise<string[]> {
      const { membership } = await requireGroup(conversationId, auth.userId);
      if (!canManage(membership.role)) throw forbidden('only the owner or an admin can add members');
      const wanted = [...new Set(userIds)];
      const found = new Set((await deps.getUsers(wanted)).map((u) => u.id));
      const missing = wanted.find((id) => !found.has(id));
      if (missing) throw validationError('body.user_ids', `user ${missing} does not exist`);
      const added = await deps.addMembers(conversationId, wanted, deps.maxGroupMembers);
      if (added === 'full') throw conflict(`the group would exceed ${deps.maxGroupMembers} members`);
      if (added.length > 0) await notify(conversationId, [], added, []);
      return added;
    },

    async remove(auth: Authenticated, conversationId: string, targetId: string): Promise<void> {
      const { membership } = await requireGroup(conversationId, auth.userId, targetId === auth.userId);
      if (targetId !== auth.userId) {
        if (!canManage(membership.role)) throw forbidden('only the owner or an admin can remove members');
        const target = await deps.getMembership(conversationId, targetId);
        if (!target) throw notFound(`member ${targetId}`);
        if (target.role !== 'member' && membership.role !== 'owner') throw forbidden('only an owner can remove an admin or an owner');
      }
      const removed = await deps.removeMember(conversationId, targetId);
      if (removed === 'last_owner') throw conflict('the last owner cannot leave; make another member owner first');
      if (!removed) throw notFound(`member ${targetId}`);
      await notify(conversationId, [targetId], [], [targetId]);
    },

    /** Owners set roles; making someone 'owner' adds a co-owner, after which the old owner may leave. */
    async setRole(auth: Authenticated, conversationId: string, targetId: string, role: MemberRole): Promise<void> {
      const { membership } = await requireGroup(conversationId, auth.userId);
      if (membership.role !== 'owner') throw forbidden('only an owner can change roles');
      const target = await deps.getMembership(conversationId, targetId);
      if (!target) throw notFound(`member ${targetId}`);
      if (target.role === role) return;
      // Stepping down is allowed while another owner remains; the repo refuses the last one.
      await deps.setRole(conversationId, targetId, role);
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
