// Typed domain errors. Services throw these; the one error handler (plugins/error-handler.ts)
// turns them into an HTTP status and a stable `{code, message}` body clients can branch on.
import { ConflictError, ForbiddenError, NotFoundError, RepoError, ValidationError as RepoValidationError } from '../repo/errors.ts';

export { RepoError };


export const ErrorCodes = {
  validation: 'VALIDATION_ERROR',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  notMember: 'NOT_CONVERSATION_MEMBER',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  rateLimited: 'RATE_LIMITED',
  unavailable: 'SERVICE_UNAVAILABLE',
  internal: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_CONVERSATION_MEMBER: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

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
    this.statusCode = statusOf[code];
    this.field = opts.field;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const validationError = (field: string, message: string) => new DomainError(ErrorCodes.validation, `${field}: ${message}`, { field });
export const unauthorized = (message = 'authentication required') => new DomainError(ErrorCodes.unauthorized, message);
export const forbidden = (message: string) => new DomainError(ErrorCodes.forbidden, message);
export const notMember = (conversationId: string) =>
  new DomainError(ErrorCodes.notMember, `you are not a member of conversation ${conversationId}`);
export const notFound = (what: string) => new DomainError(ErrorCodes.notFound, `${what} not found`);
export const conflict = (message: string) => new DomainError(ErrorCodes.conflict, message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError(ErrorCodes.rateLimited, message, { retryAfterSeconds });
export const unavailable = (message: string, cause?: unknown) => new DomainError(ErrorCodes.unavailable, message, { retryAfterSeconds: 1, cause });

/** The data layer's typed errors, in the gateway's codes. */
export function fromRepoError(err: RepoError): DomainError {
  if (err instanceof RepoValidationError) return new DomainError(ErrorCodes.validation, err.message, { field: err.field, cause: err });
  if (err instanceof NotFoundError) return new DomainError(ErrorCodes.notFound, err.message, { cause: err });
  if (err instanceof ConflictError) return new DomainError(ErrorCodes.conflict, err.message, { cause: err });
  if (err instanceof ForbiddenError) {
    return new DomainError(err.code === 'not_member' ? ErrorCodes.notMember : ErrorCodes.forbidden, err.message, { cause: err });
  }
  return new DomainError(ErrorCodes.internal, err.message, { cause: err });
}
