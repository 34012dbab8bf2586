// Where attachment bytes live: one small interface, a local-disk and an S3 implementation
// (docs/attachments.md). Keys are made by GoChat (keys.ts), never taken from a client.
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  /** Bytes the body will yield. */
  contentLength: number;
}

export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /** Makes the store usable (the folder, the bucket); safe to call again. */
  prepare(): Promise<void>;
  /**
   * Stores the object under `key`, replacing any; `contentLength` must be the body's exact size.
   * Readers never see a partly written object.
   */
  put(key: string, body: Readable | Buffer, opts: { contentType: string; contentLength: number }): Promise<void>;
  /** The object, or null when there is none under `key`. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached or written to. */
  check(): Promise<void>;
  close(): void;
}

/** A key: lower-case letters, digits, `-`, `_` and `.` in `/`-separated parts, none of them dots only. */
const KEY_RE = /^(?!.*(?:^|\/)\.+(?:\/|$))[a-z0-9._-]+(?:\/[a-z0-9._-]+)*$/;

export function checkKey(key: string): string {
  if (key.length > 512 || !KEY_RE.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return key;
}
