// Group administration: rename, avatar, announcement, mute-all, ownership, dissolving and member
// mutes, with their role rules; and every member's own settings of a conversation. Each change of
// the group reaches every member's devices as an event on the conversation-events topic.
import type { ClientEvent } from '../../contract/index.ts';
import { dissolved, forbidden, notFound, validationError } from '../errors.ts';
import type { Access, MemberAccess } from './access.ts';
import type { Authenticated } from './auth.ts';
import type { EventPublisher } from './events.ts';
import { ConversationType, type ConversationView, type MemberView } from './types.ts';

export type { ConversationSettings } from '../../repo/index.ts';
import type { ConversationSettings, GroupPatch } from '../../repo/index.ts';

export interface GroupsDeps {
  access: Access;
  events: EventPublisher;
  now(): number;
  memberIds(conversationId: string): Promise<string[]>;
  getMembership(conversationId: string, userId: string): Promise<MemberView | null>;
  updateGroup(conversationId: string, patch: GroupPatch): Promise<ConversationView>;
  setMuteAll(conversationId: string, enabled: boolean): Promise<ConversationView>;
  dissolve(conversationId: string): Promise<ConversationView>;
  /** The new owner gets the role; the previous owner becomes an admin. */
  transferOwnership(conversationId: string, userId: string): Promise<ConversationView>;
  /** `until` ms, or null for no end; `mute` null unmutes. False when not a member. */
  setMemberMute(conversationId: string, userId: string, mute: { until: number | null } | null): Promise<boolean>;
  updateSettings(conversationId: string, userId: string, patch: { doNotDisturb?: boolean; pinned?: boolean; hidden?: boolean }): Promise<ConversationSettings>;
}

export interface MuteState {
  userId: string;
  muted: boolean;
  mutedUntil: number | null;
}

const manages = (m: MemberView) => m.role === 'owner' || m.role === 'admin';

export function createGroupsService(deps: GroupsDeps) {
  /** A member of a group that is not dissolved, whose role `allowed` accepts. */
  async function requireGroup(conversationId: string, userId: string, allowed: (m: MemberView) => boolean, what: string): Promise<MemberAccess> {
    const access = await deps.access.requireMember(conversationId, userId);
    if (access.conversation.type !== ConversationType.group) throw forbidden('only groups are administered');
    if (access.conversation.dissolvedAt !== null) throw dissolved(conversationId);
    if (!allowed(access.membership)) throw forbidden(what);
    return access;
  }

  async function announce(conversationId: string, event: ClientEvent): Promise<void> {
    await deps.events.publish('conversation', await deps.memberIds(conversationId), event);
  }

  const updated = (c: ConversationView, byUserId: string): ClientEvent => ({
    type: 'group_updated',
    conversationId: c.id,
    byUserId,
    name: c.name,
    avatarUrl: c.avatarUrl,
    announcement: c.announcement,
    ownerId: c.ownerId,
    muteAll: c.muteAll,
  });

  /** The target of a mute: a member the actor outranks (the owner nobody; an admin only the owner). */
  async function requireMutable(auth: Authenticated, conversationId: string, targetId: string): Promise<void> {
    const { membership } = await requireGroup(conversationId, auth.userId, manages, 'only the owner or an admin can mute members');
    if (targetId === auth.userId) throw validationError('params.userId', 'cannot mute or unmute yourself');
    const target = await deps.getMembership(conversationId, targetId);
    if (!target) throw notFound(`member ${targetId}`);
    if (target.role === 'owner') throw forbidden('the owner cannot be muted');
    if (target.role === 'admin' && membership.role !== 'owner') throw forbidden('only the owner can mute or unmute an admin');
  }

  async function mute(auth: Authenticated, conversationId: string, targetId: string, state: { until: number | null } | null): Promise<MuteState> {
    await requireMutable(auth, conversationId, targetId);
    if (!(await deps.setMemberMute(conversationId, targetId, state))) throw notFound(`member ${targetId}`);
    const result = { userId: targetId, muted: state !== null, mutedUntil: state?.until ?? null };
    await announce(conversationId, { type: 'member_muted', conversationId, byUserId: auth.userId, ...result });
    return result;
  }

  return {
    /** Name, avatar and announcement (owner or admin); an empty announcement removes it. */
    async update(auth: Authenticated, conversationId: string, patch: { name?: string; avatarUrl?: string | null; announcement?: string | null }): Promise<ConversationView> {
      await requireGroup(conversationId, auth.userId, manages, 'only the owner or an admin can change the group');
      const name = patch.name?.trim();
      if (name === '') throw validationError('body.name', 'must not be blank');
      const announcement = patch.announcement?.trim();
      const changed = await deps.updateGroup(conversationId, {
        ...(name !== undefined ? { name } : {}),
        ...(patch.avatarUrl !== undefined ? { avatarUrl: patch.avatarUrl } : {}),
        ...(patch.announcement !== undefined ? { announcement: announcement ? announcement : null } : {}),
      });
      await announce(conversationId, updated(changed, auth.userId));
      return changed;
    },

    async setMuteAll(auth: Authenticated, conversationId: string, enabled: boolean): Promise<ConversationView> {
      await requireGroup(conversationId, auth.userId, manages, 'only the owner or an admin can mute the group');
      const changed = await deps.setMuteAll(conversationId, enabled);
      await announce(conversationId, updated(changed, auth.userId));
      return changed;
    },

    /** The owner hands the group to another member and becomes an admin. */
    async transfer(auth: Authenticated, conversationId: string, targetId: string): Promise<ConversationView> {
      await requireGroup(conversationId, auth.userId, (m) => m.role === 'owner', 'only the owner can hand the group over');
      if (targetId === auth.userId) throw validationError('body.user_id', 'you already own the group');
      if (!(await deps.getMembership(conversationId, targetId))) throw notFound(`member ${targetId}`);
      const changed = await deps.transferOwnership(conversationId, targetId);
      await announce(conversationId, updated(changed, auth.userId));
      return changed;
    },

    async dissolve(auth: Authenticated, conversationId: string): Promise<ConversationView> {
      await requireGroup(conversationId, auth.userId, (m) => m.role === 'owner', 'only the owner can dissolve the group');
      const changed = await deps.dissolve(conversationId);
      await announce(conversationId, { type: 'group_dissolved', conversationId, byUserId: auth.userId });
      return changed;
    },

    /** Until now + `durationSeconds`, or without an end. */
    muteMember(auth: Authenticated, conversationId: string, targetId: string, durationSeconds: number | undefined): Promise<MuteState> {
      return mute(auth, conversationId, targetId, { until: durationSeconds === undefined ? null : deps.now() + durationSeconds * 1000 });
    },

    unmuteMember(auth: Authenticated, conversationId: string, targetId: string): Promise<MuteState> {
      return mute(auth, conversationId, targetId, null);
    },

    /** Any member, any conversation (dissolved groups included): their own settings only. */
    async settings(userId: string, conversationId: string, patch: { doNotDisturb?: boolean; pinned?: boolean; hidden?: boolean }): Promise<ConversationSettings> {
      await deps.access.requireMember(conversationId, userId);
      return deps.updateSettings(conversationId, userId, patch);
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
