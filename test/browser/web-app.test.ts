// The web client's routes on a bare gateway instance (no services needed): /app and unknown
// /app/* paths answer index.html, files are served with their caching, a missing build is a 404
// in the contract's error shape, and none of it shows in the OpenAPI document.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contract/index.ts';
import { checker } from '../../contract/validate.ts';
import errorHandler from '../../gateway/plugins/error-handler.ts';
import swagger from '../../gateway/plugins/swagger.ts';
import webApp, { NOT_BUILT_MESSAGE } from '../../gateway/plugins/web-app.ts';

const INDEX = '<!doctype html><title>GoChat</title><div id="app"></div>';
const errorBody = checker(ErrorBody);
const isErrorBody = (v: unknown) => errorBody.check(v);

async function instance(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(errorHandler);
  await app.register(swagger);
  app.get('/healthz', { schema: { tags: ['health'] } }, () => ({ status: 'ok' }));
  await app.register(webApp, { root });
  await app.ready();
  return app;
}

let dir: string;
let built: FastifyInstance;
let missing: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gochat-web-'));
  await mkdir(path.join(dir, 'built', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'built', 'index.html'), INDEX);
  await writeFile(path.join(dir, 'built', 'assets', 'index-abc123.js'), 'console.log("hi")');
  await writeFile(path.join(dir, 'built', '.env'), 'SECRET=1');
  built = await instance(path.join(dir, 'built'));
  missing = await instance(path.join(dir, 'not-built'));
});

afterAll(async () => {
  await Promise.all([built?.close(), missing?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('web client routes', () => {
  it('answers /app, /app/ and unknown /app/* paths with index.html, revalidated, under a content security policy', async () => {
    for (const url of ['/app', '/app/', '/app/c/123', '/app/friends?x=1', '/app/assets/gone.js']) {
      const res = await built.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
    }
    const head = await built.inject({ method: 'HEAD', url: '/app' });
    expect(head.statusCode).toBe(200);
  });

  it('serves built files, the hashed ones cached for good, and no dotfiles', async () => {
    const res = await built.inject({ method: 'GET', url: '/app/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe('console.log("hi")');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const dot = await built.inject({ method: 'GET', url: '/app/.env' });
    expect(dot.body).not.toContain('SECRET');
  });

  it('leaves other methods and paths outside /app to the API', async () => {
    const post = await built.inject({ method: 'POST', url: '/app/x' });
    expect(post.statusCode).toBe(404);
    expect(isErrorBody(post.json())).toBe(true);
    const outside = await built.inject({ method: 'GET', url: '/application' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json<{ code: string }>().code).toBe('NOT_FOUND');
  });

  it('answers 404 NOT_FOUND saying how to build when there is no build', async () => {
    for (const url of ['/app', '/app/', '/app/c/1', '/app/assets/index-abc123.js']) {
      const res = await missing.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      const body = res.json<unknown>();
      expect(isErrorBody(body), url).toBe(true);
      expect(body, url).toEqual({ code: 'NOT_FOUND', message: NOT_BUILT_MESSAGE });
    }
  });

  it('keeps /app out of the OpenAPI document', () => {
    const doc = built.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/healthz');
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/app'))).toEqual([]);
  });
});
