// Typed domain errors. Services throw these; the one error handler (plugins/error-handler.ts)
// and the WebSocket session turn them into the contract's `{code, message}` (docs/protocol.md).
import { statusOf, type ErrorCode } from '../contract/index.ts';
import { SEND_REFUSAL_CODES } from '../domain/send-refusals.ts';
import { ConflictError, ForbiddenError, NotFoundError, RepoError, ValidationError as RepoValidationError } from '../repo/errors.ts';

export { RepoError };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  /** The request field the error is about, when there is one (e.g. `body.username`). */
  readonly field: string | undefined;
  /** Seconds a client should wait before retrying (RATE_LIMITED, SERVICE_UNAVAILABLE). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, opts: { field?: string; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DomainError';
    this.code = code;
    this.statusCode = statusOf(code);
    this.field = opts.field;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const validationError = (field: string, message: string) => new DomainError('VALIDATION_ERROR', `${field}: ${message}`, { field });
export const unauthorized = (message = 'authentication required') => new DomainError('UNAUTHORIZED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const notMember = (conversationId: string) => new DomainError('NOT_CONVERSATION_MEMBER', `you are not a member of conversation ${conversationId}`);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const blocked = () => new DomainError('BLOCKED', 'a block stands between you and this user');
export const dissolved = (conversationId: string) => new DomainError('GROUP_DISSOLVED', `conversation ${conversationId} was dissolved`);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const clientMsgIdReused = (clientMsgId: string) =>
  new DomainError('CONFLICT', `client_msg_id '${clientMsgId}' was already used for a message in another conversation; send with a new one`, { field: 'client_msg_id' });
export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('RATE_LIMITED', message, { retryAfterSeconds });
export const unavailable = (message: string, cause?: unknown) => new DomainError('SERVICE_UNAVAILABLE', message, { retryAfterSeconds: 1, cause });

/** Refusals of the data layer that have a code of their own; any other is FORBIDDEN. */
const FORBIDDEN_CODES: Partial<Record<string, ErrorCode>> = {
  ...SEND_REFUSAL_CODES,
  edit_window_passed: 'EDIT_WINDOW_PASSED',
};

/** Conflicts of the data layer that have a code of their own; any other is CONFLICT. */
const CONFLICT_CODES: Partial<Record<string, ErrorCode>> = {
  not_editable: 'MESSAGE_NOT_EDITABLE',
  message_recalled: 'MESSAGE_RECALLED',
  reaction_limit: 'REACTION_LIMIT',
  group_dissolved: SEND_REFUSAL_CODES.group_dissolved,
};

/** The data layer's refusals in the contract's codes; anything else is not a refusal (undefined). */
export function fromRepoError(err: RepoError): DomainError | undefined {
  if (err instanceof RepoValidationError) return new DomainError('VALIDATION_ERROR', err.message, { field: err.field, cause: err });
  if (err instanceof NotFoundError) return new DomainError('NOT_FOUND', err.message, { cause: err });
  if (err instanceof ConflictError) return new DomainError(CONFLICT_CODES[err.reason] ?? 'CONFLICT', err.message, { cause: err });
  if (err instanceof ForbiddenError) return new DomainError(FORBIDDEN_CODES[err.code] ?? 'FORBIDDEN', err.message, { cause: err });
  return undefined;
}

/**
 * What a client may be told about a thrown error: a refusal keeps its code and message;
 * anything else is INTERNAL_ERROR (the caller logs the detail under a request id).
 */
export function toClientError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err.code === 'INTERNAL_ERROR' ? undefined : err;
  if (err instanceof RepoError) return fromRepoError(err);
  return undefined;
}
