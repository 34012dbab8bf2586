// The one error handler: refusals keep their contract code, validation failures name the field,
// framework 4xx errors (bad JSON, oversized body, wrong content type) become client errors,
// and everything else is a 500 with a generic message and the request id; details stay in the log.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { describeSchemaErrors, INTERNAL_MESSAGE, type ErrorCode } from '../../contract/index.ts';
import { DomainError, RepoError, toClientError } from '../errors.ts';

interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  request_id?: string;
}

/** `body.username: must not have more than 32 characters` from the schema errors. */
export function describeValidation(errors: FastifySchemaValidationError[], context: string | undefined): { field: string; message: string } {
  const { field, problem } = describeSchemaErrors(errors, context ?? 'request');
  return { field, message: `${field}: ${problem}` };
}

const FRAMEWORK_CLIENT_ERRORS: Record<string, ErrorBody> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'VALIDATION_ERROR', message: 'body: request body is too large', field: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_ERROR', message: 'body: is not valid JSON', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_ERROR', message: 'body: must not be empty with content-type application/json', field: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'VALIDATION_ERROR', message: 'body: content-type must be application/json', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_ERROR', message: 'body: content-length does not match the body', field: 'body' },
};

function internal(err: unknown, request: FastifyRequest) {
  request.log.error({ err }, 'request failed');
  return { status: 500, body: { code: 'INTERNAL_ERROR' as const, message: INTERNAL_MESSAGE, request_id: String(request.id) } };
}

function toResponse(thrown: FastifyError | DomainError | RepoError, request: FastifyRequest): { status: number; body: ErrorBody; retryAfter?: number } {
  if (thrown instanceof DomainError || thrown instanceof RepoError) {
    const err = toClientError(thrown);
    if (!err) return internal(thrown, request);
    if (err.statusCode >= 500) request.log.warn({ err }, 'request refused: dependency unavailable');
    return {
      status: err.statusCode,
      body: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.statusCode >= 500 ? { request_id: String(request.id) } : {}) },
      ...(err.retryAfterSeconds !== undefined ? { retryAfter: err.retryAfterSeconds } : {}),
    };
  }
  const err = thrown;
  if (err.validation) {
    const { field, message } = describeValidation(err.validation, err.validationContext);
    return { status: 400, body: { code: 'VALIDATION_ERROR', message, field } };
  }
  const framework = err.code ? FRAMEWORK_CLIENT_ERRORS[err.code] : undefined;
  if (framework) return { status: 400, body: framework };
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Other framework client errors (malformed URL, prototype poisoning in JSON, ...).
    const code: ErrorCode = status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_ERROR';
    return { status: status === 413 || status === 415 ? 400 : status, body: { code, message: err.message } };
  }
  return internal(err, request);
}

export default fp(
  (app, _opts, done) => {
    app.setErrorHandler((err: FastifyError | DomainError | RepoError, request, reply: FastifyReply) => {
      const { status, body, retryAfter } = toResponse(err, request);
      if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
      if (status === 401) void reply.header('www-authenticate', 'Bearer');
      return reply.status(status).send(body);
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ code: 'NOT_FOUND', message: `route ${request.method} ${request.url.split('?')[0] ?? ''} not found` }),
    );
    done();
  },
  { name: 'gochat-error-handler', fastify: '5.x' },
);
