// The REST client: openapi-fetch typed by the gateway's OpenAPI document (openapi.ts, generated
// by `npm run sdk:types`). A middleware adds the bearer token and turns every error answer into
// a GoChatError with the contract's code, so callers only handle success.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { GoChatError, NETWORK_ERROR } from '../errors.ts';
import type { paths } from './openapi.ts';

export type RestClient = Client<paths>;
export type { paths };

/** A REST answer body: `{ code, message, field?, request_id? }`. */
interface ErrorBody {
  code?: unknown;
  message?: unknown;
  field?: unknown;
  request_id?: unknown;
}

async function toError(response: Response): Promise<GoChatError> {
  let body: ErrorBody = {};
  try {
    body = (await response.clone().json()) as ErrorBody;
  } catch {
    // not JSON: a proxy's page, an empty body
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
  const message = typeof body.message === 'string' ? body.message : `${response.status} ${response.statusText}`;
  return new GoChatError(code, message, {
    status: response.status,
    ...(typeof body.field === 'string' ? { field: body.field } : {}),
    ...(typeof body.request_id === 'string' ? { requestId: body.request_id } : {}),
  });
}

export function createRestClient(baseUrl: string, fetchImpl: typeof fetch, token: () => string | undefined, timeoutMs = 30_000): RestClient {
  // Called unbound, window.fetch throws "Illegal invocation" in browsers.
  const client = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), fetch: (input: Request) => fetchImpl(input) });
  const middleware: Middleware = {
    onRequest({ request }) {
      const t = token();
      if (t && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${t}`);
      // A request on a connection that went silent would otherwise wait for ever (older
      // browsers without AbortSignal.any keep their own timeouts).
      if (typeof AbortSignal.any !== 'function') return request;
      return new Request(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) });
    },
    async onResponse({ response }) {
      if (!response.ok) throw await toError(response);
      return response;
    },
    onError({ error }) {
      if (error instanceof GoChatError) return error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return new GoChatError(NETWORK_ERROR, timedOut ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error));
    },
  };
  client.use(middleware);
  return client;
}

/** The data of a successful call (the middleware has thrown for every other answer). */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, response } = await call;
  if (body === undefined && response.status !== 204) throw new GoChatError(`HTTP_${response.status}`, 'empty answer', { status: response.status });
  return body as T;
}
