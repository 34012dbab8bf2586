// @gochat/sdk: GoChat's client for browsers and Node 22+ (sdk/README.md).
export { GoChat } from './client.ts';
export { attachmentOf, FILE, IMAGE, type AttachmentBytes } from './attachments.ts';
export { GoChatError, CLIENT_CLOSED, NETWORK_ERROR } from './errors.ts';
export { backoffCeiling, backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
export type { RestClient, paths } from './rest/client.ts';
export type {
  ConnectionState, ConversationView, GoChatEvents, GoChatOptions, PendingSend, Session, SessionUser,
} from './types.ts';
export type { AttachmentContent, ClientEvent, ClientFrame, ErrorCode, ServerFrame, WireAttachment, WireMessage } from '../../contract/index.ts';
export type { CloseCode } from '../../contract/index.ts';
