// The attachment rules that need no running service: the configuration, type detection, the
// signed link, the download's Content-Disposition and what a send of an attachment becomes.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET, loadConfig } from '../../config/index.ts';
import { contentDisposition } from '../../gateway/routes/attachments.ts';
import { attachmentContent } from '../../gateway/services/attachment-content.ts';
import { createLinkSigner, linkKey } from '../../gateway/services/attachment-links.ts';
import { detectType } from '../../gateway/services/attachment-type.ts';
import type { AttachmentView } from '../../repo/index.ts';
import { elf, image, pdf } from './helpers.ts';
import { configProblems } from '../helpers/config.ts';


describe('attachment configuration', () => {
  it('stores on local disk by default, with the local stack\'s SeaweedFS for the s3 driver', () => {
    const local = loadConfig({}).attachments;
    expect(local).toMatchObject({ storage: 'local', maxBytes: 25 * 1024 * 1024, urlTtlSeconds: 300, thumbnailSize: 320, urlSecret: undefined });
    expect(local.localDir).toMatch(/\/\.stack\/attachments$/);
    expect(local.allowedTypes).toContain('image/png');
    expect(local.allowedTypes).not.toContain('text/plain');
    expect(local.s3.endpoint).toBeUndefined();
    const s3 = loadConfig({ ATTACHMENTS_STORAGE: 's3' }).attachments.s3;
    expect(s3).toMatchObject({ endpoint: 'http://127.0.0.1:8333', accessKeyId: 'gochat', forcePathStyle: true, createBucket: true, bucket: 'gochat-attachments' });
  });

  it('in production, talks to AWS with the SDK\'s own credentials unless told otherwise, and creates no bucket', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'a-real-production-secret-of-enough-length', ATTACHMENTS_STORAGE: 's3' };
    const s3 = loadConfig(env).attachments.s3;
    expect(s3).toMatchObject({ endpoint: undefined, accessKeyId: undefined, secretAccessKey: undefined, forcePathStyle: false, createBucket: false });
    expect(JSON.stringify(loadConfig(env).attachments)).not.toMatch(/127\.0\.0\.1|localhost/);
    const minio = loadConfig({ ...env, ATTACHMENTS_S3_ENDPOINT: 'https://s3.internal:9000', ATTACHMENTS_S3_ACCESS_KEY_ID: 'k', ATTACHMENTS_S3_SECRET_ACCESS_KEY: 's' }).attachments.s3;
    expect(minio).toMatchObject({ endpoint: 'https://s3.internal:9000', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
  });

  it.each([
    [{ ATTACHMENTS_STORAGE: 'ftp' }, 'ATTACHMENTS_STORAGE'],
    [{ ATTACHMENTS_MAX_BYTES: '10' }, 'ATTACHMENTS_MAX_BYTES'],
    [{ ATTACHMENTS_ALLOWED_TYPES: 'image/png,not a type' }, 'ATTACHMENTS_ALLOWED_TYPES'],
    [{ ATTACHMENTS_URL_SECRET: 'short' }, 'ATTACHMENTS_URL_SECRET'],
    [{ ATTACHMENTS_URL_TTL_SECONDS: '0' }, 'ATTACHMENTS_URL_TTL_SECONDS'],
    [{ ATTACHMENTS_S3_ENDPOINT: 'not-a-url' }, 'ATTACHMENTS_S3_ENDPOINT'],
    [{ ATTACHMENTS_S3_BUCKET: 'Bad_Bucket' }, 'ATTACHMENTS_S3_BUCKET'],
    [{ ATTACHMENTS_PUBLIC_URL: 'https://chat.example.com/' }, 'ATTACHMENTS_PUBLIC_URL'],
  ])('names the variable of a malformed value: %o', (env, name) => {
    expect(configProblems(env).join('\n')).toContain(name);
  });
});

describe('type detection', () => {
  it('reads the type from the signature, text from its bytes, and anything else as unknown', async () => {
    expect(await detectType(await image(8, 8, 'png'))).toBe('image/png');
    expect(await detectType(await image(8, 8, 'jpeg'))).toBe('image/jpeg');
    expect(await detectType(pdf())).toBe('application/pdf');
    expect(await detectType(elf())).toBe('application/x-elf');
    expect(await detectType(Buffer.from('plain words, ünïcödé and\ttabs\r\n'))).toBe('text/plain');
    // A multi-byte character cut at the end of the sample is still text.
    expect(await detectType(Buffer.from('é').subarray(0, 1))).toBe('text/plain');
    expect(await detectType(Buffer.from([0x68, 0x69, 0x00, 0x01]))).toBe('application/octet-stream');
    expect(await detectType(Buffer.from([0xff, 0xfe, 0xfd]))).toBe('application/octet-stream');
  });
});

describe('download links', () => {
  const signer = createLinkSigner(linkKey('a-url-secret-of-at-least-32-characters!', DEV_JWT_SECRET));

  it('accept what they signed until it expires, and nothing altered', () => {
    const sig = signer.sign('42', 'original', 2000);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.check('42', 'original', 2000, sig, 1999)).toBe('ok');
    expect(signer.check('42', 'original', 2000, sig, 2000)).toBe('ok');
    expect(signer.check('42', 'original', 2000, sig, 2001)).toBe('expired');
    expect(signer.check('43', 'original', 2000, sig, 1000)).toBe('invalid');
    expect(signer.check('42', 'thumbnail', 2000, sig, 1000)).toBe('invalid');
    expect(signer.check('42', 'original', 2001, sig, 1000)).toBe('invalid');
    expect(signer.check('42', 'original', 2000, sig.slice(0, -1), 1000)).toBe('invalid');
    // An altered link is 'invalid' even once past its expiry: it learns nothing.
    expect(signer.check('42', 'thumbnail', 2000, sig, 3000)).toBe('invalid');
  });

  it('use a key of their own: ATTACHMENTS_URL_SECRET, or one derived from the JWT secret, never the JWT secret itself', () => {
    const derived = linkKey(undefined, DEV_JWT_SECRET);
    expect(derived.equals(Buffer.from(DEV_JWT_SECRET))).toBe(false);
    expect(derived.equals(linkKey(undefined, `${DEV_JWT_SECRET}x`))).toBe(false);
    const plain = createHmac('sha256', DEV_JWT_SECRET).update('gochat-attachment\n42\noriginal\n2000').digest('base64url');
    expect(createLinkSigner(derived).sign('42', 'original', 2000)).not.toBe(plain);
  });
});

describe('Content-Disposition', () => {
  it('offers the name in ASCII and in UTF-8, and opens only what it should inline', () => {
    expect(contentDisposition(true, 'cat.png')).toBe('inline; filename="cat.png"; filename*=UTF-8\'\'cat.png');
    expect(contentDisposition(false, 'a "b"\\c%d 猫.pdf')).toBe('attachment; filename="a _b__c_d _.pdf"; filename*=UTF-8\'\'a%20%22b%22%5Cc%25d%20%E7%8C%AB.pdf');
    expect(contentDisposition(false, "it's (1).zip")).toBe('attachment; filename="it\'s (1).zip"; filename*=UTF-8\'\'it%27s%20%281%29.zip');
  });
});

describe('the content of an attachment send', () => {
  const base: AttachmentView = {
    id: '7', conversationId: '100', uploaderId: '1', state: 'complete', name: 'a.png', contentType: 'image/png', size: 99,
    width: 10, height: 20, hasThumbnail: true, createdAt: 0, completedAt: 1, sentAt: null,
  };
  function deps(found: AttachmentView | null) {
    const sent: string[] = [];
    return {
      sent,
      getAttachment: (id: string) => Promise.resolve(found && found.id === id ? found : null),
      markSent: (id: string) => {
        sent.push(id);
        return Promise.resolve();
      },
    };
  }
  const codeOf = async (p: string | Promise<string>) => {
    try {
      await p;
      return 'ok';
    } catch (err) {
      return (err as { code: string }).code;
    }
  };

  it('leaves text (and every other type) alone, synchronously and without a lookup', () => {
    const d = { getAttachment: () => Promise.reject(new Error('looked up')), markSent: () => Promise.reject(new Error('marked')) };
    expect(attachmentContent(d, '1', '100', 1, '{"attachment_id":"7"}')).toBe('{"attachment_id":"7"}');
    expect(attachmentContent(d, '1', '100', 9, 'custom')).toBe('custom');
  });

  it('turns a reference into the metadata and records the send', async () => {
    const d = deps(base);
    const content = await attachmentContent(d, '1', '100', 2, '{"attachment_id":"7"}');
    expect(JSON.parse(content)).toEqual({ attachment_id: '7', name: 'a.png', content_type: 'image/png', size: 99, width: 10, height: 20, thumbnail: true });
    expect(d.sent).toEqual(['7']);
  });

  it('refuses each reference it must, recording nothing', async () => {
    const file = { ...base, contentType: 'application/pdf', width: null, height: null, hasThumbnail: false };
    const cases: [string, AttachmentView | null, number, string, string][] = [
      ['unknown', null, 2, '{"attachment_id":"7"}', 'ATTACHMENT_NOT_FOUND'],
      ['other conversation', { ...base, conversationId: '101' }, 2, '{"attachment_id":"7"}', 'ATTACHMENT_NOT_FOUND'],
      ['other uploader', { ...base, uploaderId: '2' }, 3, '{"attachment_id":"7"}', 'ATTACHMENT_NOT_FOUND'],
      ['pending', { ...base, state: 'pending' }, 2, '{"attachment_id":"7"}', 'ATTACHMENT_NOT_READY'],
      ['file as image', file, 2, '{"attachment_id":"7"}', 'ATTACHMENT_KIND_MISMATCH'],
      ['not JSON', base, 2, 'attachment 7', 'VALIDATION_ERROR'],
      ['not an id', base, 3, '{"attachment_id":"07x"}', 'VALIDATION_ERROR'],
      ['extra field', base, 3, '{"attachment_id":"7","size":1}', 'VALIDATION_ERROR'],
    ];
    for (const [what, found, msgType, content, code] of cases) {
      const d = deps(found);
      expect([what, await codeOf(attachmentContent(d, '1', '100', msgType, content))]).toEqual([what, code]);
      expect(d.sent).toEqual([]);
    }
    expect(await codeOf(attachmentContent(deps(file), '1', '100', 3, '{"attachment_id":"7"}'))).toBe('ok');
  });
});
