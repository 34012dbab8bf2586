// The id format of every user, conversation and message: a decimal string from 1 to 2^64-1,
// the range of the BIGINT UNSIGNED columns. A pattern alone cannot bound a 20-digit number, so
// the `gochat-id` format checks the value numerically; every schema built from `Id` does too.
import Type from 'typebox';
import Format from 'typebox/format';
import { ID_PATTERN, isId } from './id-format.ts';

export { ID_PATTERN, MAX_ID, isId } from './id-format.ts';
export type Id = string;

export const ID_FORMAT = 'gochat-id';
Format.Set(ID_FORMAT, (value) => isId(value));

export const Id = Type.String({
  pattern: ID_PATTERN,
  format: ID_FORMAT,
  maxLength: 20,
  description: '64-bit id as a decimal string (1 to 18446744073709551615)',
});

/** A client's idempotency key: resending the same one never stores a second message. */
export const CLIENT_MSG_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$';
const CLIENT_MSG_ID_RE = new RegExp(CLIENT_MSG_ID_PATTERN);
export const isClientMsgId = (value: unknown): value is string => typeof value === 'string' && CLIENT_MSG_ID_RE.test(value);
export const ClientMsgId = Type.String({
  pattern: CLIENT_MSG_ID_PATTERN,
  maxLength: 64,
  description: "1-64 of letters, digits, '_', '-', '.', ':'; resending the same id never stores twice",
});

/** A position in a conversation (0 = before the first message). */
export const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const MsgType = Type.Integer({ minimum: 1, maximum: 255, description: 'message type: 1 = text, 2 = image, 3 = file (the content of 2 and 3 names an upload: docs/protocol.md, "Attachments")' });

/** Hard ceiling on stored content, whatever MAX_MESSAGE_BYTES says (the column's size). */
export const CONTENT_MAX_BYTES = 65_535;

/** A gateway's id: it names the gateway's downstream topic. */
export const GATEWAY_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const GATEWAY_ID_RE = new RegExp(GATEWAY_ID_PATTERN);
export const isGatewayId = (value: unknown): value is string => typeof value === 'string' && GATEWAY_ID_RE.test(value);
export const GatewayId = Type.String({ pattern: GATEWAY_ID_PATTERN });

/** Sync and catch-up pages: 1..SYNC_MAX_LIMIT messages per conversation. */
export const SYNC_MAX_LIMIT = 1000;
export const SYNC_DEFAULT_LIMIT = 200;
