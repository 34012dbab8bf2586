// The S3 store (@aws-sdk/client-s3): AWS S3 itself, or any S3-compatible server given an
// endpoint (the local stack runs SeaweedFS; MinIO and Ceph work alike with path-style URLs).
import {
  CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { AttachmentsConfig } from '../config/attachments.ts';
import { checkKey, type ObjectStorage, type StoredObject } from './types.ts';

const statusOf = (err: unknown) => (err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined);

export function createS3Storage(cfg: AttachmentsConfig['s3']): ObjectStorage {
  const client = new S3Client({
    region: cfg.region,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    forcePathStyle: cfg.forcePathStyle,
    ...(cfg.accessKeyId && cfg.secretAccessKey ? { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } } : {}),
    // Checksums only where S3 requires them: S3-compatible servers differ in the newer
    // (streaming trailer) checksum forms; the object's length is checked on every put anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that does not answer must not hold an upload or a download for long.
    requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
  });
  const Bucket = cfg.bucket;

  async function check(): Promise<void> {
    await client.send(new HeadBucketCommand({ Bucket }));
  }

  return {
    driver: 's3',
    async prepare() {
      try {
        await check();
      } catch (err) {
        if (statusOf(err) !== 404 || !cfg.createBucket) throw err;
        try {
          await client.send(new CreateBucketCommand({ Bucket }));
        } catch (createErr) {
          // Another gateway starting at the same time made it first.
          if (!(createErr instanceof S3ServiceException && createErr.name === 'BucketAlreadyOwnedByYou')) throw createErr;
        }
      }
    },
    check,

    async put(key, body, { contentType, contentLength }) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkKey(key), Body: body, ContentType: contentType, ContentLength: contentLength }));
    },

    async get(key): Promise<StoredObject | null> {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        if (!(res.Body instanceof Readable) || res.ContentLength === undefined) throw new Error(`storage get ${key}: no body stream or length`);
        return { body: res.Body, contentLength: res.ContentLength };
      } catch (err) {
        if (statusOf(err) === 404) return null;
        throw err;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },

    close() {
      client.destroy();
    },
  };
}
