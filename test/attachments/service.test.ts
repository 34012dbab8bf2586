// When the store fails: the upload service over the real database with a store that breaks
// part-way leaves neither objects nor a row behind and answers 503; a gateway whose store cannot
// be prepared still serves chat and answers attachment requests with 503 until it can.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createAccess } from '../../gateway/services/access.ts';
import { createLinkSigner } from '../../gateway/services/attachment-links.ts';
import { createAttachmentsService } from '../../gateway/services/attachments.ts';
import { attachmentsRepoDeps } from '../../gateway/services/attachments-repo-deps.ts';
import { accessRepoDeps } from '../../gateway/services/repo-deps.ts';
import { createGroupConversation, createOrm, createRedis, createUser, getAttachment, repoCtx, type Orm, type RedisClient } from '../../repo/index.ts';
import { createStorage, type ObjectStorage } from '../../storage/index.ts';
import { loadConfig } from '../../config/index.ts';
import { buildGateway, call, registerUser } from '../gateway/helpers.ts';
import { waitFor } from '../realtime/harness.ts';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { filesUnder, image, tempDir } from './helpers.ts';

let orm: Orm;
let redis: RedisClient;
const dir = tempDir('att-svc');
const spool = tempDir('att-svc-spool');

beforeAll(async () => {
  const config = testConfig();
  orm = await createOrm(config);
  redis = createRedis(config);
});

afterAll(async () => {
  await orm?.close(true);
  redis?.disconnect();
  dir.remove();
  spool.remove();
});

describe('an upload whose store fails part-way', () => {
  const ctx = () => repoCtx(orm, redis);
  const repoDeps = attachmentsRepoDeps(ctx);
  /** The service on `storage`; `created` collects the ids of the rows it makes. */
  const serviceOn = (storage: ObjectStorage, created: string[] = []) =>
    createAttachmentsService({
      ...repoDeps,
      createAttachment: async (input) => {
        const row = await repoDeps.createAttachment(input);
        created.push(row.id);
        return row;
      },
      access: createAccess({ ...accessRepoDeps(ctx), joinWorld: () => Promise.reject(new Error('no world here')) }),
      storage,
      storageReady: () => Promise.resolve(),
      links: createLinkSigner(Buffer.from('k'.repeat(32))),
      limits: { maxBytes: 1024 * 1024, allowedTypes: new Set(['image/png']), maxImagePixels: 1_000_000, thumbnailSize: 64, spoolDir: spool.path, urlTtlSeconds: 60 },
      now: Date.now,
      warn: () => undefined,
    });
  const groupOfOwn = async () => {
    const owner = await createUser(ctx(), { username: uniqueName('svc').slice(0, 32), passwordHash: 'x' });
    const group = await createGroupConversation(ctx(), { ownerId: owner.id, name: 'failing store' });
    return { owner, group };
  };

  it('answers 503 and leaves no object, no row and no spooled file', async () => {
    const { owner, group } = await groupOfOwn();
    const disk = createStorage(loadConfig({ ATTACHMENTS_LOCAL_DIR: dir.path }).attachments);
    await disk.prepare();
    const created: string[] = [];
    // The original goes in, the thumbnail does not.
    const flaky: ObjectStorage = {
      ...disk,
      put: (key, body, opts) => (key.endsWith('/thumbnail') ? Promise.reject(new Error('store went away')) : disk.put(key, body, opts)),
    };

    const bytes = await image(200, 100);
    const refused = await serviceOn(flaky, created).upload(owner.id, group.id, { name: 'x.png', body: Readable.from([bytes]), declaredLength: bytes.length }).then(() => undefined, (err: unknown) => err);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(created).toHaveLength(1);
    expect(await getAttachment(ctx(), created[0]!)).toBeNull();
    expect(filesUnder(dir.path)).toEqual([]);
    expect(filesUnder(spool.path)).toEqual([]);

    // The same upload with a working store is complete, with both objects.
    const stored = await serviceOn(disk).upload(owner.id, group.id, { name: 'x.png', body: Readable.from([bytes]), declaredLength: bytes.length });
    expect((await getAttachment(ctx(), stored.id))?.state).toBe('complete');
    expect(filesUnder(dir.path)).toEqual([`attachments/${stored.id}/original`, `attachments/${stored.id}/thumbnail`]);
    disk.close();
  });

  it('keeps the pending row when an object it stored cannot be deleted: the row is how it is found again', async () => {
    const { owner, group } = await groupOfOwn();
    const own = tempDir('att-svc-undeletable');
    const disk = createStorage(loadConfig({ ATTACHMENTS_LOCAL_DIR: own.path }).attachments);
    await disk.prepare();
    const created: string[] = [];
    const gone: ObjectStorage = {
      ...disk,
      put: (key, body, opts) => (key.endsWith('/thumbnail') ? Promise.reject(new Error('store went away')) : disk.put(key, body, opts)),
      delete: () => Promise.reject(new Error('store went away')),
    };

    const bytes = await image(200, 100);
    const refused = await serviceOn(gone, created).upload(owner.id, group.id, { name: 'x.png', body: Readable.from([bytes]), declaredLength: bytes.length }).then(() => undefined, (err: unknown) => err);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(created).toHaveLength(1);
    expect((await getAttachment(ctx(), created[0]!))?.state).toBe('pending');
    expect(filesUnder(own.path)).toEqual([`attachments/${created[0]!}/original`]);
    disk.close();
    own.remove();
  });
});

describe('a gateway whose store cannot be prepared', () => {
  let gw: FastifyInstance;
  beforeAll(async () => {
    ({ app: gw } = await buildGateway({ ATTACHMENTS_STORAGE: 's3', ATTACHMENTS_S3_BUCKET: `gochat-absent-${Date.now().toString(36)}`, ATTACHMENTS_S3_CREATE_BUCKET: 'false' }));
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('starts, stays ready for chat, and answers uploads with 503', async () => {
    // Ready once its own consumers have joined; the store is no condition of it.
    await waitFor('ready', async () => (await call(gw, { method: 'GET', url: '/readyz' })).statusCode === 200, 30_000, 200);
    const user = await registerUser(gw, 'absent');
    const world = await call(gw, { method: 'GET', url: '/conversations/world', token: user.token });
    const worldId = world.json<{ conversation: { id: string } }>().conversation.id;
    const res = await call(gw, {
      method: 'POST',
      url: `/conversations/${worldId}/attachments?name=x.png`,
      token: user.token,
      headers: { 'content-type': 'application/octet-stream' },
      payload: await image(10, 10),
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    // Chat does not need the store.
    const sent = await call(gw, { method: 'POST', url: `/conversations/${worldId}/messages`, token: user.token, payload: { client_msg_id: uniqueName('m'), content: 'still here' } });
    expect([201, 202]).toContain(sent.statusCode);
  });
});
