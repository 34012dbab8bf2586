// Attachments end to end, once per store: a gateway on local disk and one on SeaweedFS's S3 API,
// beside a logic worker and a Temporal worker, with real HTTP uploads and real sockets. Every
// rule of docs/attachments.md: what an upload may be (size and type counted and detected on the
// bytes), who may upload, send and download, what a send of an attachment stores and delivers,
// and which download links are refused. After each refusal neither the store, nor the spool
// folder, nor the database holds anything new.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkSigner, linkKey } from '../../gateway/services/attachment-links.ts';
import { createAttachment, createOrm, createRedis, repoCtx, type Orm, type RedisClient } from '../../repo/index.ts';
import { testConfig } from '../helpers/config.ts';
import { api, createGroup, registerUser, type User } from '../realtime/clients.ts';
import { startGateway, type GatewayProc } from '../realtime/harness.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import {
  bucketKeys, chunked, dropBucket, elf, filesUnder, http, image, pdf, stackS3Client, tempDir, upload, type ErrorBody, type UploadedAttachment,
} from './helpers.ts';

const MAX_BYTES = 256 * 1024;
const URL_SECRET = 'attachment-links-test-secret-0123456789abcdef';
const localDir = tempDir('att-local');
const localSpool = tempDir('att-spool-local');
const s3Spool = tempDir('att-spool-s3');
const bucket = `gochat-test-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const s3 = stackS3Client();

const common = { ATTACHMENTS_MAX_BYTES: String(MAX_BYTES), ATTACHMENTS_URL_SECRET: URL_SECRET, ATTACHMENTS_URL_TTL_SECONDS: '300' };
const suite = clusterForSuite({
  gateways: 1,
  env: { ...common, ATTACHMENTS_STORAGE: 'local', ATTACHMENTS_LOCAL_DIR: localDir.path, ATTACHMENTS_SPOOL_DIR: localSpool.path },
});
let s3Gateway: GatewayProc | undefined;
let orm: Orm;
let redis: RedisClient;

beforeAll(async () => {
  s3Gateway = await startGateway(`gws3${randomBytes(3).toString('hex')}`, {
    ...suite.cluster!.env,
    ATTACHMENTS_STORAGE: 's3',
    ATTACHMENTS_S3_BUCKET: bucket,
    ATTACHMENTS_SPOOL_DIR: s3Spool.path,
  });
  const config = testConfig();
  orm = await createOrm(config);
  redis = createRedis(config);
}, 120_000);

afterAll(async () => {
  await s3Gateway?.proc.stop();
  await orm?.close(true);
  redis?.disconnect();
  await dropBucket(s3, bucket);
  s3.destroy();
  for (const d of [localDir, localSpool, s3Spool]) d.remove();
});

interface Driver {
  name: string;
  rest(): string;
  ws(): string;
  /** Every object key the store holds. */
  keys(): Promise<string[]>;
  read(key: string): Promise<Buffer>;
  spool: string;
}

const drivers: Driver[] = [
  {
    name: 'local disk',
    rest: () => suite.rest[0]!,
    ws: () => suite.ws[0]!,
    keys: () => Promise.resolve(filesUnder(localDir.path)),
    read: (key) => Promise.resolve(readFileSync(join(localDir.path, key))),
    spool: localSpool.path,
  },
  {
    name: 'SeaweedFS (S3)',
    rest: () => s3Gateway!.url,
    ws: () => s3Gateway!.wsUrl,
    keys: () => bucketKeys(s3, bucket),
    read: async (key) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray()),
    spool: s3Spool.path,
  },
];

const rowsOf = async (uploaderId: string) =>
  orm.em.fork().getConnection().execute<{ id: string; state: number }[]>('SELECT CAST(id AS CHAR) AS id, state FROM attachments WHERE uploader_id = ? ORDER BY id', [uploaderId]);

describe.each(drivers)('attachments on $name', (d) => {
  let a: User;
  let b: User;
  let outsider: User;
  let group: string;
  let otherGroup: string;

  beforeAll(async () => {
    [a, b, outsider] = await Promise.all([registerUser(d.rest(), 'ata'), registerUser(d.rest(), 'atb'), registerUser(d.rest(), 'atc')]);
    group = await createGroup(d.rest(), a, [b], 'attachments');
    otherGroup = await createGroup(d.rest(), a, [b, outsider], 'elsewhere');
  });

  /** Runs a refused request and checks that it left nothing anywhere. */
  async function refusedLeavesNothing<T>(user: User, act: () => Promise<T>): Promise<T> {
    const [keys, rows] = await Promise.all([d.keys(), rowsOf(user.id)]);
    const result = await act();
    expect(await d.keys()).toEqual(keys);
    expect(await rowsOf(user.id)).toEqual(rows);
    expect(filesUnder(d.spool)).toEqual([]);
    return result;
  }

  const urlOf = (user: User, id: string, variant?: 'original' | 'thumbnail') =>
    api<{ url: string; expires_at: number } & ErrorBody>(d.rest(), 'GET', `/attachments/${id}/url${variant ? `?variant=${variant}` : ''}`, user.token);

  async function download(user: User, id: string, variant?: 'original' | 'thumbnail') {
    const link = await urlOf(user, id, variant);
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    return http<Buffer>(link.body.url);
  }

  const send = (user: User, conversationId: string, msgType: number, content: string, clientMsgId = `at-${randomUUID()}`) =>
    api<{ message_id: string; msg_type: number; content: string; client_msg_id: string } & ErrorBody>(d.rest(), 'POST', `/conversations/${conversationId}/messages`, user.token, {
      client_msg_id: clientMsgId,
      msg_type: msgType,
      content,
    });

  const ref = (id: string) => JSON.stringify({ attachment_id: id });

  async function uploaded(user: User, conversationId: string, name: string, bytes: Buffer, headers: Record<string, string> = {}): Promise<UploadedAttachment> {
    const res = await upload(d.rest(), user.token, conversationId, name, bytes, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  describe('uploads', () => {
    it('stores an image with its dimensions and a WebP thumbnail, and serves both', async () => {
      const bytes = await image(800, 600, 'png');
      const att = await uploaded(a, group, 'holiday.png', bytes);
      expect(att).toMatchObject({ conversation_id: group, name: 'holiday.png', content_type: 'image/png', size: bytes.length, width: 800, height: 600, thumbnail: true });
      expect(await d.keys()).toEqual(expect.arrayContaining([`attachments/${att.id}/original`, `attachments/${att.id}/thumbnail`]));
      expect((await d.read(`attachments/${att.id}/original`)).equals(bytes)).toBe(true);
      expect(await rowsOf(a.id)).toContainEqual({ id: att.id, state: 1 });
      expect(filesUnder(d.spool)).toEqual([]);

      const original = await download(a, att.id);
      expect(original.status).toBe(200);
      expect(original.raw.equals(bytes)).toBe(true);
      expect(original.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(bytes.length),
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline; filename="holiday.png"; filename*=UTF-8\'\'holiday.png',
      });
      expect(original.headers['cache-control']).toMatch(/^private, max-age=(29\d|300), immutable$/);

      const thumb = await download(a, att.id, 'thumbnail');
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.raw).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 320, height: 240 });
    });

    it('measures a photo as displayed (EXIF orientation) and never enlarges a small one', async () => {
      const sideways = await uploaded(a, group, 'portrait.jpg', await image(300, 200, 'jpeg', { orientation: 6 }));
      expect(sideways).toMatchObject({ content_type: 'image/jpeg', width: 200, height: 300, thumbnail: true });
      const thumb = await sharp((await download(a, sideways.id, 'thumbnail')).raw).metadata();
      expect([thumb.width, thumb.height]).toEqual([200, 300]);
      const small = await uploaded(a, group, 'icon.gif', await image(40, 30, 'gif'));
      expect(small).toMatchObject({ content_type: 'image/gif', width: 40, height: 30 });
      const smallThumb = await sharp((await download(a, small.id, 'thumbnail')).raw).metadata();
      expect([smallThumb.width, smallThumb.height]).toEqual([40, 30]);
    });

    it('takes the type from the bytes, not the Content-Type or the name, and serves a file as a download', async () => {
      const bytes = pdf();
      const att = await uploaded(a, group, 'Résumé "2026".png', bytes, { 'content-type': 'image/png' });
      expect(att).toMatchObject({ content_type: 'application/pdf', size: bytes.length, thumbnail: false });
      expect(att.width).toBeUndefined();
      expect(await d.keys()).not.toContain(`attachments/${att.id}/thumbnail`);
      const file = await download(a, att.id);
      expect(file.raw.equals(bytes)).toBe(true);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe('attachment; filename="R_sum_ _2026_.png"; filename*=UTF-8\'\'R%C3%A9sum%C3%A9%20%222026%22.png');
      expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      // No thumbnail to ask for.
      const thumb = await urlOf(a, att.id, 'thumbnail');
      expect([thumb.status, thumb.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    });

    it('refuses an upload larger than the limit, announced or not, with 413 and stores nothing', async () => {
      const announced = await refusedLeavesNothing(a, () => upload<ErrorBody>(d.rest(), a.token, group, 'big.bin', Buffer.concat([pdf(), randomBytes(MAX_BYTES)])));
      expect([announced.status, announced.body.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
      expect(announced.headers.connection).toBe('close');
      // Chunked: counted as it arrives, refused once past the limit. The first bytes are a PDF's,
      // so it is the size that stops it, not the type.
      const stream = chunked(MAX_BYTES * 4);
      const head = pdf(0);
      stream.unshift(head);
      const counted = await refusedLeavesNothing(a, () => upload<ErrorBody>(d.rest(), a.token, group, 'big.pdf', stream));
      expect([counted.status, counted.body.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
      // Exactly the limit is fine.
      const fits = await uploaded(a, group, 'fits.pdf', Buffer.concat([pdf(MAX_BYTES - pdf(0).length)]));
      expect(fits.size).toBe(MAX_BYTES);
    });

    it('refuses bytes of a type not allowed with 415, whatever the name and Content-Type say, and stores nothing', async () => {
      const cases: [string, Buffer, Record<string, string>][] = [
        ['photo.png', Buffer.from('just some text pretending to be a picture\n'.repeat(20)), { 'content-type': 'image/png' }],
        ['report.pdf', elf(), { 'content-type': 'application/pdf' }],
        ['page.html', Buffer.from('<!doctype html><script>alert(1)</script>'), { 'content-type': 'text/html' }],
        // A PNG signature on bytes that are no image: refused when it cannot be decoded.
        ['broken.png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(3000)]), {}],
      ];
      for (const [name, bytes, headers] of cases) {
        const res = await refusedLeavesNothing(a, () => upload<ErrorBody>(d.rest(), a.token, group, name, bytes, headers));
        expect([name, res.status, res.body.code]).toEqual([name, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED']);
      }
    });

    it('refuses an empty body, a bad or missing name, a non-member, an unknown conversation and no token', async () => {
      const bytes = await image(20, 20);
      const checks: [string, () => Promise<{ status: number; body: ErrorBody }>, number, string][] = [
        ['empty', () => upload<ErrorBody>(d.rest(), a.token, group, 'empty.png', Buffer.alloc(0)), 400, 'VALIDATION_ERROR'],
        ['slash in name', () => upload<ErrorBody>(d.rest(), a.token, group, '../etc/passwd', bytes), 400, 'VALIDATION_ERROR'],
        ['bidi override', () => upload<ErrorBody>(d.rest(), a.token, group, 'gpj\u202e.exe', bytes), 400, 'VALIDATION_ERROR'],
        ['no name', () => upload<ErrorBody>(d.rest(), a.token, group, undefined, bytes), 400, 'VALIDATION_ERROR'],
        ['name too long', () => upload<ErrorBody>(d.rest(), a.token, group, `${'x'.repeat(252)}.png`, bytes), 400, 'VALIDATION_ERROR'],
        ['non-member', () => upload<ErrorBody>(d.rest(), outsider.token, group, 'x.png', bytes), 403, 'NOT_CONVERSATION_MEMBER'],
        ['unknown conversation', () => upload<ErrorBody>(d.rest(), a.token, '18446744073709551615', 'x.png', bytes), 404, 'NOT_FOUND'],
        ['no token', () => upload<ErrorBody>(d.rest(), undefined, group, 'x.png', bytes), 401, 'UNAUTHORIZED'],
      ];
      for (const [what, act, status, code] of checks) {
        const res = await refusedLeavesNothing(what === 'non-member' ? outsider : a, act);
        expect([what, res.status, res.body.code]).toEqual([what, status, code]);
      }
    });
  });

  describe('sending', () => {
    it('delivers an image message with the attachment\'s metadata to the other member, who may then download it', async () => {
      const att = await uploaded(a, group, 'cat.webp', await image(640, 480, 'webp'));
      // Not sent yet: the other member cannot see it.
      const early = await urlOf(b, att.id);
      expect([early.status, early.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);

      const cb = await suite.connect(d.ws(), b);
      const sent = await send(a, group, 2, ref(att.id));
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      const metadata = { attachment_id: att.id, name: 'cat.webp', content_type: 'image/webp', size: att.size, width: 640, height: 480, thumbnail: true };
      expect(sent.body.msg_type).toBe(2);
      expect(JSON.parse(sent.body.content)).toEqual(metadata);

      const frame = await cb.next((f) => f.type === 'message' && (f.message as { message_id: string }).message_id === sent.body.message_id);
      const delivered = frame.message as { msg_type: number; content: string; sender_id: string };
      expect(delivered.msg_type).toBe(2);
      expect(delivered.sender_id).toBe(a.id);
      expect(JSON.parse(delivered.content)).toEqual(metadata);

      const got = await download(b, att.id, 'thumbnail');
      expect(got.status).toBe(200);
      expect((await sharp(got.raw).metadata()).format).toBe('webp');
      // The history holds the same content.
      const history = await api<{ messages: { message_id: string; content: string }[] }>(d.rest(), 'GET', `/conversations/${group}/messages`, b.token);
      expect(JSON.parse(history.body.messages.find((m) => m.message_id === sent.body.message_id)!.content)).toEqual(metadata);
    });

    it('sends a file as a file, and an image as a file too', async () => {
      const file = await uploaded(a, group, 'notes.pdf', pdf());
      const sentFile = await send(a, group, 3, ref(file.id));
      expect(sentFile.status).toBe(201);
      expect(JSON.parse(sentFile.body.content)).toEqual({ attachment_id: file.id, name: 'notes.pdf', content_type: 'application/pdf', size: file.size, thumbnail: false });
      const img = await uploaded(a, group, 'full.png', await image(50, 40));
      const sentImg = await send(a, group, 3, ref(img.id));
      expect(sentImg.status).toBe(201);
      expect(JSON.parse(sentImg.body.content)).toMatchObject({ attachment_id: img.id, width: 50, height: 40, thumbnail: true });
    });

    it('refuses sends that name an attachment not theirs to send, and stores no message', async () => {
      const elsewhere = await uploaded(a, otherGroup, 'other.png', await image(30, 30));
      const bs = await uploaded(b, group, 'bs.png', await image(30, 30));
      const file = await uploaded(a, group, 'doc.pdf', pdf());
      const pending = await createAttachment(repoCtx(orm, redis), { conversationId: group, uploaderId: a.id, name: 'slow.png', contentType: 'image/png', size: 10, width: 1, height: 1, hasThumbnail: true });
      const cases: [string, number, string, number, string][] = [
        ['unknown attachment', 2, ref('18446744073709551615'), 404, 'ATTACHMENT_NOT_FOUND'],
        ['another conversation\'s', 2, ref(elsewhere.id), 404, 'ATTACHMENT_NOT_FOUND'],
        ['someone else\'s', 2, ref(bs.id), 404, 'ATTACHMENT_NOT_FOUND'],
        ['still pending', 2, ref(pending.id), 409, 'ATTACHMENT_NOT_READY'],
        ['a file as an image', 2, ref(file.id), 409, 'ATTACHMENT_KIND_MISMATCH'],
        ['text as an image', 2, 'look at this', 400, 'VALIDATION_ERROR'],
        ['an id as a number', 3, '{"attachment_id":1}', 400, 'VALIDATION_ERROR'],
        ['extra fields', 3, JSON.stringify({ attachment_id: file.id, name: 'x' }), 400, 'VALIDATION_ERROR'],
      ];
      const refused: string[] = [];
      for (const [what, msgType, content, status, code] of cases) {
        const clientMsgId = `at-${randomUUID()}`;
        refused.push(clientMsgId);
        const res = await send(a, group, msgType, content, clientMsgId);
        expect([what, res.status, res.body.code]).toEqual([what, status, code]);
      }
      // A text message after them is stored: had any of them been, it would be in the history too.
      expect((await send(a, group, 1, 'after the refusals')).status).toBe(201);
      const history = await api<{ messages: { client_msg_id: string }[] }>(d.rest(), 'GET', `/conversations/${group}/messages?limit=200`, a.token);
      expect(history.body.messages.filter((m) => refused.includes(m.client_msg_id))).toEqual([]);
      // None of them counts as sent: the other member still cannot download the file.
      expect((await urlOf(b, file.id)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    });

    it('leaves text messages as they are, even when they look like a reference', async () => {
      const res = await send(a, group, 1, ref('1'));
      expect(res.status).toBe(201);
      expect(res.body.content).toBe(ref('1'));
    });
  });

  describe('download links', () => {
    let att: UploadedAttachment;
    beforeAll(async () => {
      att = await uploaded(a, group, 'shared.png', await image(64, 48));
      expect((await send(a, group, 2, ref(att.id))).status).toBe(201);
    });

    it('are given to members only, while they are members', async () => {
      // A non-member learns nothing an unknown id would not tell: not even its conversation.
      const outside = await urlOf(outsider, att.id);
      expect([outside.status, outside.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
      expect(outside.body.message).toBe(`attachment ${att.id} not found`);
      const unknown = await urlOf(a, '18446744073709551615');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
      const bad = await api<ErrorBody>(d.rest(), 'GET', `/attachments/${att.id}/url?variant=huge`, a.token);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_ERROR']);
      const noToken = await api<ErrorBody>(d.rest(), 'GET', `/attachments/${att.id}/url`);
      expect(noToken.status).toBe(401);

      const leaver = await registerUser(d.rest(), 'atl');
      const g = await createGroup(d.rest(), a, [leaver], 'leaving');
      const mine = await uploaded(a, g, 'x.png', await image(10, 10));
      expect((await send(a, g, 2, ref(mine.id))).status).toBe(201);
      expect((await urlOf(leaver, mine.id)).status).toBe(200);
      expect((await api(d.rest(), 'DELETE', `/conversations/${g}/members/${leaver.id}`, leaver.token)).status).toBe(204);
      const gone = await urlOf(leaver, mine.id);
      expect([gone.status, gone.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    });

    it('are found by search under the file name, never under the metadata the message carries', async () => {
      const named = await uploaded(a, group, 'quarterly-report.png', await image(20, 20));
      const sent = await send(a, group, 2, ref(named.id));
      expect(sent.status).toBe(201);
      const search = async (q: string) => {
        const res = await api<{ messages: { message_id: string }[] }>(d.rest(), 'GET', `/conversations/${group}/messages/search?q=${encodeURIComponent(q)}`, b.token);
        expect(res.status).toBe(200);
        return res.body.messages.map((m) => m.message_id);
      };
      expect(await search('quarterly')).toEqual([sent.body.message_id]);
      for (const key of ['thumbnail', 'content', 'image', 'size', 'width']) expect(await search(key), key).toEqual([]);
    });

    it('serve without a token, and refuse a forged, altered or expired link with 403', async () => {
      const link = await urlOf(b, att.id);
      expect(link.body.expires_at).toBeGreaterThan(Date.now() + 290_000);
      expect(link.body.expires_at).toBeLessThanOrEqual(Date.now() + 300_000);
      const url = new URL(link.body.url);
      expect(url.origin).toBe(d.rest());
      expect((await http(url.href)).status).toBe(200);

      const altered = (change: (q: URLSearchParams) => void, path = url.pathname) => {
        const q = new URLSearchParams(url.search);
        change(q);
        return `${url.origin}${path}?${q.toString()}`;
      };
      const signature = url.searchParams.get('signature')!;
      const expires = Number(url.searchParams.get('expires'));
      const forgedSig = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      const cases: [string, string, number, string][] = [
        ['forged signature', altered((q) => q.set('signature', forgedSig)), 403, 'ATTACHMENT_LINK_INVALID'],
        ['random signature', altered((q) => q.set('signature', randomBytes(32).toString('base64url'))), 403, 'ATTACHMENT_LINK_INVALID'],
        ['other variant', altered((q) => q.set('variant', 'thumbnail')), 403, 'ATTACHMENT_LINK_INVALID'],
        ['later expiry', altered((q) => q.set('expires', String(expires + 3600))), 403, 'ATTACHMENT_LINK_INVALID'],
        ['other attachment', altered(() => undefined, `/attachments/${BigInt(att.id) - 1n}/content`), 403, 'ATTACHMENT_LINK_INVALID'],
        ['no signature', altered((q) => q.delete('signature')), 400, 'VALIDATION_ERROR'],
        ['malformed signature', altered((q) => q.set('signature', 'abc')), 400, 'VALIDATION_ERROR'],
      ];
      for (const [what, href, status, code] of cases) {
        const res = await http<ErrorBody>(href);
        expect([what, res.status, res.body.code]).toEqual([what, status, code]);
      }

      // Signed with the gateway's key, but past its expiry.
      const signer = createLinkSigner(linkKey(URL_SECRET, 'not used when a URL secret is set'));
      const past = Math.floor(Date.now() / 1000) - 1;
      const expired = await http<ErrorBody>(`${d.rest()}/attachments/${att.id}/content?variant=original&expires=${past}&signature=${signer.sign(att.id, 'original', past)}`);
      expect([expired.status, expired.body.code]).toEqual([403, 'ATTACHMENT_LINK_EXPIRED']);
      // The same key signs a link that works: the one above failed on its expiry alone.
      const later = past + 120;
      expect((await http(`${d.rest()}/attachments/${att.id}/content?variant=original&expires=${later}&signature=${signer.sign(att.id, 'original', later)}`)).status).toBe(200);
    });
  });
});
