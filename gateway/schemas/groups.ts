import { Type } from '@fastify/type-provider-typebox';
import { ANNOUNCEMENT_MAX_CHARS, MUTE_MAX_SECONDS } from '../../contract/index.ts';
import { Id, Strict } from './common.ts';
import { Url } from './users.ts';
import type { ConversationSettings } from '../services/groups.ts';

export const UpdateGroupBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    avatar_url: Type.Optional(Type.Union([Url, Type.Null()], { description: 'null removes it' })),
    announcement: Type.Optional(Type.Union([Type.String({ maxLength: ANNOUNCEMENT_MAX_CHARS }), Type.Null()], { description: 'null (or empty) removes it' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OwnerBody = Strict({ user_id: Id });

export const MuteBody = Strict({
  duration_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MUTE_MAX_SECONDS, description: 'how long; left out: until unmuted' })),
});

export const MuteState = Strict({
  user_id: Id,
  muted: Type.Boolean(),
  muted_until: Type.Union([Type.Integer(), Type.Null()], { description: 'ms; null when unmuted or muted without an end' }),
});

export const MuteAllBody = Strict({ enabled: Type.Boolean() });

export const SettingsBody = Type.Object(
  {
    do_not_disturb: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean({ description: 'pinned conversations come first in GET /conversations' })),
    hidden: Type.Optional(Type.Boolean({ description: 'left out of GET /conversations until a new message arrives (or false)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Settings = Strict({ do_not_disturb: Type.Boolean(), pinned: Type.Boolean(), hidden: Type.Boolean() });
export const toSettings = (s: ConversationSettings) => ({ do_not_disturb: s.doNotDisturb, pinned: s.pinnedAt !== null, hidden: s.hidden });
