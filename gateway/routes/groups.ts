// PATCH|DELETE /conversations/:id, PUT /conversations/:id/owner, PUT /conversations/:id/mute-all,
// PUT|DELETE /conversations/:id/members/:userId/mute, PUT /conversations/:id/settings.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import { Conversation, MemberParams, toConversation } from '../schemas/conversations.ts';
import { MuteAllBody, MuteBody, MuteState, OwnerBody, Settings, SettingsBody, toSettings, UpdateGroupBody } from '../schemas/groups.ts';
import type { MuteState as MuteStateView } from '../services/groups.ts';

const EVENTS = 'Every member\'s devices get a `group_updated` event with the group as it is after the change.';
const toMuteState = (m: MuteStateView) => ({ user_id: m.userId, muted: m.muted, muted_until: m.mutedUntil });

export const groupRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const { groups } = app.services;
  const tags = ['groups'];

  app.patch('/conversations/:id', {
    schema: {
      tags, summary: 'Rename a group, change its avatar or announcement (owner or admin)', description: EVENTS,
      security: bearer, params: IdParams, body: UpdateGroupBody, response: { 200: Conversation, ...errors(403, 404, 409) },
    },
  }, async (request) => {
    const { name, avatar_url, announcement } = request.body;
    return toConversation(await groups.update(request.auth, request.params.id, {
      ...(name !== undefined ? { name } : {}),
      ...(avatar_url !== undefined ? { avatarUrl: avatar_url } : {}),
      ...(announcement !== undefined ? { announcement } : {}),
    }));
  });

  app.delete('/conversations/:id', {
    schema: {
      tags, summary: 'Dissolve a group (owner only): history stays readable, sends and changes are refused (GROUP_DISSOLVED)',
      description: 'Every member\'s devices get a `group_dissolved` event.',
      security: bearer, params: IdParams, response: { 200: Conversation, ...errors(403, 404, 409) },
    },
  }, async (request) => toConversation(await groups.dissolve(request.auth, request.params.id)));

  app.put('/conversations/:id/owner', {
    schema: {
      tags, summary: 'Hand the group to another member (owner only); you become an admin', description: EVENTS,
      security: bearer, params: IdParams, body: OwnerBody, response: { 200: Conversation, ...errors(403, 404, 409) },
    },
  }, async (request) => toConversation(await groups.transfer(request.auth, request.params.id, request.body.user_id)));

  app.put('/conversations/:id/mute-all', {
    schema: {
      tags, summary: 'Mute (or unmute) the group for members: only the owner and admins may send (owner or admin)', description: EVENTS,
      security: bearer, params: IdParams, body: MuteAllBody, response: { 200: Conversation, ...errors(403, 404, 409) },
    },
  }, async (request) => toConversation(await groups.setMuteAll(request.auth, request.params.id, request.body.enabled)));

  app.put('/conversations/:id/members/:userId/mute', {
    schema: {
      tags, summary: 'Mute a member for `duration_seconds`, or until unmuted (owner or admin; an admin cannot mute the owner or another admin)',
      description: 'Every member\'s devices get a `member_muted` event. Muting again replaces the previous mute.',
      security: bearer, params: MemberParams, body: MuteBody, response: { 200: MuteState, ...errors(403, 404, 409) },
    },
  }, async (request) => toMuteState(await groups.muteMember(request.auth, request.params.id, request.params.userId, request.body.duration_seconds)));

  app.delete('/conversations/:id/members/:userId/mute', {
    schema: {
      tags, summary: 'Unmute a member (the same roles as muting)', description: 'Every member\'s devices get a `member_muted` event with `muted: false`.',
      security: bearer, params: MemberParams, response: { 200: MuteState, ...errors(403, 404, 409) },
    },
  }, async (request) => toMuteState(await groups.unmuteMember(request.auth, request.params.id, request.params.userId)));

  app.put('/conversations/:id/settings', {
    schema: {
      tags, summary: 'Your own settings of a conversation: do-not-disturb, pinned (listed first), hidden (left out of the list until a new message)',
      security: bearer, params: IdParams, body: SettingsBody, response: { 200: Settings, ...errors(403, 404) },
    },
  }, async (request) => {
    const { do_not_disturb, pinned, hidden } = request.body;
    return toSettings(await groups.settings(request.auth.userId, request.params.id, {
      ...(do_not_disturb !== undefined ? { doNotDisturb: do_not_disturb } : {}),
      ...(pinned !== undefined ? { pinned } : {}),
      ...(hidden !== undefined ? { hidden } : {}),
    }));
  });
  done();
};
