// The two stores behind the one interface, against a temporary folder and the local stack's
// SeaweedFS: objects go in whole and come back byte for byte, missing ones are null, keys that
// could leave their place are refused, and a store that cannot be reached says so.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { attachmentKey, createStorage, type ObjectStorage } from '../../storage/index.ts';
import { bucketKeys, dropBucket, stackS3Client, tempDir } from './helpers.ts';

const dir = tempDir('store');
const bucket = `gochat-store-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const s3 = stackS3Client();
const local = createStorage(loadConfig({ ATTACHMENTS_LOCAL_DIR: dir.path }).attachments);
const remote = createStorage(loadConfig({ ATTACHMENTS_STORAGE: 's3', ATTACHMENTS_S3_BUCKET: bucket }).attachments);

afterAll(async () => {
  local.close();
  remote.close();
  await dropBucket(s3, bucket);
  s3.destroy();
  dir.remove();
});

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each([
  { name: 'local disk', store: local },
  { name: 'SeaweedFS (S3)', store: remote },
] as { name: string; store: ObjectStorage }[])('$name store', ({ store }) => {
  it('prepares itself (twice is fine) and passes its check', async () => {
    await store.prepare();
    await store.prepare();
    await store.check();
  });

  it('keeps an object from a buffer or a stream, byte for byte, until it is deleted', async () => {
    const key = attachmentKey('1001', 'original');
    const big = randomBytes(3 * 1024 * 1024 + 17);
    await store.put(key, Readable.from([big.subarray(0, 1000), big.subarray(1000)]), { contentType: 'application/octet-stream', contentLength: big.length });
    const got = await store.get(key);
    expect(got?.contentLength).toBe(big.length);
    expect((await bytesOf(got!.body)).equals(big)).toBe(true);

    const small = Buffer.from('thumbnail bytes');
    await store.put(attachmentKey('1001', 'thumbnail'), small, { contentType: 'image/webp', contentLength: small.length });
    expect((await bytesOf((await store.get(attachmentKey('1001', 'thumbnail')))!.body)).toString()).toBe('thumbnail bytes');

    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
    await store.delete(attachmentKey('1001', 'thumbnail'));
  });

  it('answers null for an object never stored', async () => {
    expect(await store.get(attachmentKey('999999', 'original'))).toBeNull();
  });

  it('refuses keys that are not its own making', async () => {
    for (const key of ['../outside', 'a/../../b', '/absolute', 'Upper/case', 'a//b', 'a/./b', '']) {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain', contentLength: 1 }), key).rejects.toThrow(/invalid storage key/);
    }
    expect(() => attachmentKey('../1', 'original')).toThrow();
  });
});

describe('the local store', () => {
  it('leaves nothing behind when a put fails, and no half-written object is ever visible', async () => {
    const key = attachmentKey('2002', 'original');
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('the client went away'));
      },
    });
    await expect(local.put(key, failing, { contentType: 'application/pdf', contentLength: 5000 })).rejects.toThrow('the client went away');
    // A body shorter than announced is refused too.
    await expect(local.put(key, Buffer.alloc(10), { contentType: 'application/pdf', contentLength: 11 })).rejects.toThrow(/10 bytes written, 11 expected/);
    expect(await local.get(key)).toBeNull();
    expect(readdirSync(`${dir.path}/attachments/2002`)).toEqual([]);
    await local.delete(key);
    expect(existsSync(`${dir.path}/attachments/2002`)).toBe(false);
  });
});

describe('the S3 store', () => {
  it('creates its bucket when missing, and is refused with wrong credentials', async () => {
    const fresh = `gochat-store-new-${randomBytes(4).toString('hex')}`;
    const store = createStorage(loadConfig({ ATTACHMENTS_STORAGE: 's3', ATTACHMENTS_S3_BUCKET: fresh }).attachments);
    try {
      await expect(store.check()).rejects.toThrow();
      await store.prepare();
      await store.check();
      expect(await bucketKeys(s3, fresh)).toEqual([]);
    } finally {
      store.close();
      await dropBucket(s3, fresh);
    }
    const intruder = createStorage(loadConfig({ ATTACHMENTS_STORAGE: 's3', ATTACHMENTS_S3_BUCKET: bucket, ATTACHMENTS_S3_ACCESS_KEY_ID: 'gochat', ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'not-the-secret' }).attachments);
    try {
      await expect(intruder.put(attachmentKey('3003', 'original'), Buffer.from('x'), { contentType: 'text/plain', contentLength: 1 })).rejects.toThrow();
      await expect(intruder.check()).rejects.toThrow();
    } finally {
      intruder.close();
    }
    expect(await bucketKeys(s3, bucket)).not.toContain('attachments/3003/original');
  });

  it('does not create a bucket when told not to', async () => {
    const missing = `gochat-store-none-${randomBytes(4).toString('hex')}`;
    const store = createStorage(loadConfig({ ATTACHMENTS_STORAGE: 's3', ATTACHMENTS_S3_BUCKET: missing, ATTACHMENTS_S3_CREATE_BUCKET: 'false' }).attachments);
    try {
      await expect(store.prepare()).rejects.toThrow();
    } finally {
      store.close();
    }
  });
});
