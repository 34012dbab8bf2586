// The store's reasons for refusing a send (repo/messages/send-rules.ts) in the contract's codes:
// one table for the logic worker's answers, the REST send's early check and the errors the
// single save throws, so a sender hears the same code on every path.
import type { ErrorCode } from '../contract/index.ts';

export const SEND_REFUSAL_CODES = {
  not_member: 'NOT_CONVERSATION_MEMBER',
  group_dissolved: 'GROUP_DISSOLVED',
  blocked: 'BLOCKED',
  not_friends: 'NOT_FRIENDS',
  muted: 'MUTED',
  group_muted: 'GROUP_MUTED',
} as const satisfies Record<string, ErrorCode>;
