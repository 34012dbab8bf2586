// The attachment store the configuration names (ATTACHMENTS_STORAGE): local disk by default,
// S3 (or an S3-compatible server) in production.
import type { AttachmentsConfig } from '../config/attachments.ts';
import { createLocalStorage } from './local.ts';
import { createS3Storage } from './s3.ts';
import type { ObjectStorage } from './types.ts';

export type { ObjectStorage, StoredObject } from './types.ts';
export { attachmentKey, type ObjectVariant } from './keys.ts';

export function createStorage(config: AttachmentsConfig): ObjectStorage {
  return config.storage === 's3' ? createS3Storage(config.s3) : createLocalStorage(config.localDir);
}
