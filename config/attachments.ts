// Attachments: where uploaded files are kept and what an upload may be (docs/attachments.md).
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { EnvReader } from './env.ts';

/**
 * What an upload may be by default, as detected from its bytes. Images get a thumbnail; the
 * rest are files. SVG is never an image here (it can carry script), and text is left out until
 * an operator lists `text/plain` (its bytes have no signature; gateway/services/attachment-type.ts).
 */
export const DEFAULT_ALLOWED_TYPES = [
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif',
  'application/pdf', 'application/zip', 'application/gzip', 'application/x-7z-compressed',
  'audio/mpeg', 'audio/ogg', 'audio/mp4', 'video/mp4', 'video/webm', 'video/quicktime',
] as const;

const MIME_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
/** The local stack's SeaweedFS identity (scripts/stack/seaweedfs.sh); never a production default. */
const STACK_S3 = { port: 8333, accessKeyId: 'gochat', secretAccessKey: 'gochat-dev-s3-secret' };

export function attachmentsConfig(e: EnvReader) {
  // NODE_ENV itself is validated by config/index.ts; here it only picks defaults.
  const production = e.str('NODE_ENV', 'development') === 'production';
  const storage = e.oneOf('ATTACHMENTS_STORAGE', ['local', 's3'] as const, 'local');
  const s3Endpoint = e.isSet('ATTACHMENTS_S3_ENDPOINT')
    ? e.str('ATTACHMENTS_S3_ENDPOINT', undefined, { pattern: /^https?:\/\/[^\s/]+\/?$/, hint: 'http(s)://host[:port]' })
    // Outside production the s3 driver talks to the local stack's SeaweedFS; in production, with
    // no endpoint, to AWS S3 itself (the SDK's regional endpoint).
    : storage === 's3' && !production ? `http://${e.str('STACK_HOST', '127.0.0.1')}:${STACK_S3.port}` : undefined;
  const devKeys = !production && s3Endpoint !== undefined && !e.isSet('ATTACHMENTS_S3_ACCESS_KEY_ID');

  const allowedTypes = e.str('ATTACHMENTS_ALLOWED_TYPES', DEFAULT_ALLOWED_TYPES.join(','))
    .split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  for (const t of allowedTypes) if (!MIME_RE.test(t)) e.problems.push(`ATTACHMENTS_ALLOWED_TYPES entry ${JSON.stringify(t)} is not a media type (type/subtype)`);
  if (allowedTypes.length === 0) e.problems.push('ATTACHMENTS_ALLOWED_TYPES must list at least one media type');

  // Unset: a key derived from JWT_SECRET (gateway/services/attachment-links.ts), which production
  // already requires to be a secret of its own. Set: a key of its own, as long as JWT_SECRET's minimum.
  const urlSecret = e.isSet('ATTACHMENTS_URL_SECRET') ? e.str('ATTACHMENTS_URL_SECRET') : undefined;
  if (urlSecret !== undefined && urlSecret.length < 32) e.problems.push('ATTACHMENTS_URL_SECRET must be at least 32 characters');

  return {
    storage,
    /** The local driver's folder; relative paths are from the working directory. */
    localDir: resolve(e.str('ATTACHMENTS_LOCAL_DIR', '.stack/attachments')),
    /** Where an upload is written while its size and type are checked, before storage gets it. */
    spoolDir: resolve(e.str('ATTACHMENTS_SPOOL_DIR', tmpdir())),
    s3: {
      endpoint: s3Endpoint,
      region: e.str('ATTACHMENTS_S3_REGION', 'us-east-1'),
      bucket: e.str('ATTACHMENTS_S3_BUCKET', 'gochat-attachments', { pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, hint: 'an S3 bucket name' }),
      /** Unset (in production): the SDK's default credential chain (environment, instance role, …). */
      accessKeyId: devKeys ? STACK_S3.accessKeyId : e.isSet('ATTACHMENTS_S3_ACCESS_KEY_ID') ? e.str('ATTACHMENTS_S3_ACCESS_KEY_ID') : undefined,
      secretAccessKey: devKeys ? STACK_S3.secretAccessKey : e.isSet('ATTACHMENTS_S3_SECRET_ACCESS_KEY') ? e.str('ATTACHMENTS_S3_SECRET_ACCESS_KEY') : undefined,
      /** Path-style URLs (endpoint/bucket/key): what SeaweedFS and MinIO expect. */
      forcePathStyle: e.bool('ATTACHMENTS_S3_FORCE_PATH_STYLE', s3Endpoint !== undefined),
      /** Create the bucket at start when it is missing (needs s3:CreateBucket). */
      createBucket: e.bool('ATTACHMENTS_S3_CREATE_BUCKET', !production),
    },
    /** Largest upload, counted on the bytes received (not the client's Content-Length). */
    maxBytes: e.int('ATTACHMENTS_MAX_BYTES', 25 * 1024 * 1024, 1024, 5 * 1024 * 1024 * 1024),
    allowedTypes,
    /** Images larger than this (width × height) are refused before they are decoded. */
    maxImagePixels: e.int('ATTACHMENTS_MAX_IMAGE_PIXELS', 50_000_000, 1, 268_402_689),
    /** Longest side of a thumbnail, in pixels. */
    thumbnailSize: e.int('ATTACHMENTS_THUMBNAIL_SIZE', 320, 16, 2048),
    /** How long a download URL stays valid. */
    urlTtlSeconds: e.int('ATTACHMENTS_URL_TTL_SECONDS', 300, 1, 7 * 24 * 3600),
    urlSecret,
    /** Base of the download URLs (e.g. https://chat.example.com); unset: the request's own origin. */
    publicUrl: e.isSet('ATTACHMENTS_PUBLIC_URL')
      ? e.str('ATTACHMENTS_PUBLIC_URL', undefined, { pattern: /^https?:\/\/[^\s?#]+[^/\s?#]$/, hint: 'http(s)://host[:port][/path], no trailing slash' })
      : undefined,
  };
}

export type AttachmentsConfig = ReturnType<typeof attachmentsConfig>;
