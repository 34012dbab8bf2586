// What the attachment suites share: sample files made on the spot, uploads over real HTTP (with
// a Content-Length or chunked), downloads, and a look into what each store and the database hold.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { loadConfig } from '../../config/index.ts';

/** The local stack's SeaweedFS, as config/attachments.ts reaches it outside production. */
export function stackS3Client(): S3Client {
  const { s3 } = loadConfig({ ATTACHMENTS_STORAGE: 's3' }).attachments;
  return new S3Client({
    region: s3.region,
    endpoint: s3.endpoint!,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId!, secretAccessKey: s3.secretAccessKey! },
  });
}

export async function bucketKeys(client: S3Client, bucket: string): Promise<string[]> {
  const res = await client.send(new ListObjectsV2Command({ Bucket: bucket })).catch((err: unknown) => {
    if ((err as { name?: string }).name === 'NoSuchBucket') return { Contents: [] };
    throw err;
  });
  return (res.Contents ?? []).map((o) => o.Key!).sort();
}

export async function dropBucket(client: S3Client, bucket: string): Promise<void> {
  const keys = await bucketKeys(client, bucket);
  if (keys.length > 0) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `gochat-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A gradient in a random tint: every upload differs, and an 800×600 PNG stays well under 256 KiB. */
export function image(width: number, height: number, format: 'png' | 'jpeg' | 'gif' | 'webp' = 'png', opts: { orientation?: number } = {}): Promise<Buffer> {
  const tint = randomBytes(1)[0]!;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = tint;
    }
  }
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toFormat(format).toBuffer();
}

/** A small valid PDF (its signature is what counts). */
export function pdf(extraBytes = 2000): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'), Buffer.alloc(extraBytes, 0x20), Buffer.from('\n%%EOF\n')]);
}

/** The first bytes of an x86-64 ELF executable, padded. */
export function elf(): Buffer {
  return Buffer.concat([Buffer.from('7f454c4602010100000000000000000003003e0001000000', 'hex'), randomBytes(5000)]);
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  raw: Buffer;
}

/**
 * A raw HTTP request. `body` as a Buffer goes with its Content-Length (unless `headers` names
 * another); as a Readable, chunked. An answer that comes before the body is all sent counts
 * (the server refuses early and closes): the write error that follows is expected.
 */
export function http<T = unknown>(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | Readable } = {}): Promise<HttpResult<T>> {
  return new Promise((resolve, reject) => {
    const { body } = opts;
    const headers: Record<string, string> = { ...(Buffer.isBuffer(body) ? { 'content-length': String(body.length) } : {}), ...opts.headers };
    const req = request(url, { method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const type = String(res.headers['content-type'] ?? '');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: (type.startsWith('application/json') ? JSON.parse(raw.toString('utf8')) : raw) as T });
      });
    });
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else {
      body.on('error', () => req.destroy());
      body.pipe(req);
    }
  });
}

export interface UploadedAttachment {
  id: string;
  conversation_id: string;
  name: string;
  content_type: string;
  size: number;
  width?: number;
  height?: number;
  thumbnail: boolean;
  created_at: number;
}

export interface ErrorBody {
  code: string;
  message: string;
}

export function upload<T = UploadedAttachment>(rest: string, token: string | undefined, conversationId: string, name: string | undefined, body: Buffer | Readable, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  return http<T>(`${rest}/conversations/${conversationId}/attachments${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** A stream of `total` bytes in 16 KiB chunks, with no length announced. */
export function chunked(total: number): Readable {
  let left = total;
  return new Readable({
    read() {
      const n = Math.min(16 * 1024, left);
      left -= n;
      this.push(n > 0 ? randomBytes(n) : null);
    },
  });
}
