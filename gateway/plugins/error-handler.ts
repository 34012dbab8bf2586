// The one error handler: domain errors keep their code, validation failures name the field,
// framework 4xx errors (bad JSON, oversized body, wrong content type) become client errors,
// and everything else is a 500 whose details stay in the log.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { DomainError, ErrorCodes, fromRepoError, RepoError, type ErrorCode } from '../errors.ts';

interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** TypeBox reports property lists, Ajv single names. */
const firstName = (v: unknown): string | undefined => (Array.isArray(v) ? firstName(v[0]) : typeof v === 'string' ? v : undefined);

/** `body.username: must not have more than 32 characters` from the first schema error. */
export function describeValidation(errors: FastifySchemaValidationError[], context: string | undefined): { field: string; message: string } {
  const first = errors[0];
  const part = context ?? 'request';
  if (!first) return { field: part, message: `${part}: invalid` };
  const path = first.instancePath.split('/').filter(Boolean).join('.');
  const params: Record<string, unknown> = first.params;
  if (first.keyword === 'additionalProperties') {
    const extra = firstName(params.additionalProperties) ?? firstName(params.additionalProperty);
    const field = [part, path, extra].filter(Boolean).join('.');
    return { field, message: `${field}: unknown field` };
  }
  if (first.keyword === 'required') {
    const missing = firstName(params.requiredProperties) ?? firstName(params.missingProperty);
    const field = [part, path, missing].filter(Boolean).join('.');
    return { field, message: `${field}: is required` };
  }
  const field = [part, path].filter(Boolean).join('.');
  return { field, message: `${field}: ${first.message ?? 'is invalid'}` };
}

const FRAMEWORK_CLIENT_ERRORS: Record<string, (err: FastifyError) => ErrorBody> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ code: ErrorCodes.validation, message: 'body: request body is too large', field: 'body' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ code: ErrorCodes.validation, message: 'body: is not valid JSON', field: 'body' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ code: ErrorCodes.validation, message: 'body: must not be empty with content-type application/json', field: 'body' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({ code: ErrorCodes.validation, message: 'body: content-type must be application/json', field: 'body' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ code: ErrorCodes.validation, message: 'body: content-length does not match the body', field: 'body' }),
};

function toResponse(thrown: FastifyError | DomainError | RepoError, request: FastifyRequest): { status: number; body: ErrorBody; retryAfter?: number } {
  const err = thrown instanceof RepoError ? fromRepoError(thrown) : thrown;
  if (err instanceof DomainError) {
    if (err.statusCode >= 500) request.log.error({ err }, 'request failed');
    return {
      status: err.statusCode,
      body: { code: err.code, message: err.statusCode >= 500 && err.code === ErrorCodes.internal ? 'internal error' : err.message, ...(err.field ? { field: err.field } : {}) },
      ...(err.retryAfterSeconds !== undefined ? { retryAfter: err.retryAfterSeconds } : {}),
    };
  }
  if (err.validation) {
    const { field, message } = describeValidation(err.validation, err.validationContext);
    return { status: 400, body: { code: ErrorCodes.validation, message, field } };
  }
  const framework = err.code ? FRAMEWORK_CLIENT_ERRORS[err.code] : undefined;
  if (framework) return { status: 400, body: framework(err) };
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Other framework client errors (malformed URL, prototype poisoning in JSON, ...).
    const code: ErrorCode = status === 401 ? ErrorCodes.unauthorized : status === 404 ? ErrorCodes.notFound : status === 429 ? ErrorCodes.rateLimited : ErrorCodes.validation;
    return { status: status === 413 || status === 415 ? 400 : status, body: { code, message: err.message } };
  }
  request.log.error({ err }, 'request failed');
  return { status: 500, body: { code: ErrorCodes.internal, message: 'internal error' } };
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
      reply.status(404).send({ code: ErrorCodes.notFound, message: `route ${request.method} ${request.url.split('?')[0] ?? ''} not found` }),
    );
    done();
  },
  { name: 'gochat-error-handler', fastify: '5.x' },
);
