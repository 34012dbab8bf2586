// The web client (built by `npm run web:build` into dist/web) under /app. It is a single-page
// app: /app and every /app/* path that names no file answer index.html, so a reload on any of
// its screens works. Without a build, /app answers 404 in the contract's error shape saying how
// to build it. None of these routes belong to the REST API: they stay out of the OpenAPI document.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const WEB_PREFIX = '/app';
/** Where `npm run web:build` writes the client (web/vite.config.ts). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));
export const NOT_BUILT_MESSAGE = 'web client not built: npm run web:build';

// The client talks only to the origin that served it (REST and the WebSocket); avatars may be
// any http(s) image.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http:",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebAppOptions {
  /** The built client; `<repo>/dist/web` by default. */
  root?: string;
}

export default fp<WebAppOptions>(
  async (app, opts) => {
    const root = path.resolve(opts.root ?? DEFAULT_WEB_ROOT);
    const indexFile = path.join(root, 'index.html');

    // Asked on every request rather than once at start, so a gateway started before the first
    // build serves the client as soon as it exists.
    const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
      if (!existsSync(indexFile)) return reply.status(404).send({ code: 'NOT_FOUND', message: NOT_BUILT_MESSAGE });
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return reply.status(404).send({ code: 'NOT_FOUND', message: `route ${request.method} ${request.url.split('?')[0] ?? ''} not found` });
      }
      return reply.status(200).sendFile('index.html', root);
    };

    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        // A missing build is answered by sendIndex; the plugin's own start-up warning would be
        // noise in every process that starts without one (tests, a fresh checkout).
        suppressWarning: true,
        index: false,
        dotfiles: 'ignore',
        cacheControl: false,
        // Vite names everything under assets/ by content hash: cached for good. Anything else
        // (index.html, the favicon) is revalidated.
        setHeaders: (reply, filePath) => {
          const hashed = path.relative(root, filePath).startsWith(`assets${path.sep}`);
          void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          if (filePath.endsWith('.html')) void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
        },
      });
      scope.get('/', { schema: { hide: true } }, sendIndex);
      scope.setNotFoundHandler(sendIndex);
    }, { prefix: WEB_PREFIX });
  },
  { name: 'gochat-web-app', fastify: '5.x' },
);
