// The local-disk store: one file per key under a folder. A put writes a temporary file beside
// the target and renames it into place, so a reader sees the whole object or none.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, constants, mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, type ObjectStorage, type StoredObject } from './types.ts';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function createLocalStorage(dir: string): ObjectStorage {
  const root = dir.endsWith(sep) ? dir : dir + sep;
  // Keys are checked (no `..`, no absolute parts); the prefix test is a second fence.
  const pathOf = (key: string) => {
    const path = join(root, checkKey(key));
    if (!path.startsWith(root)) throw new Error(`storage key ${JSON.stringify(key)} leaves the folder`);
    return path;
  };

  async function check(): Promise<void> {
    await access(root, constants.R_OK | constants.W_OK);
  }

  return {
    driver: 'local',
    async prepare() {
      await mkdir(root, { recursive: true });
      await check();
    },
    check,

    async put(key, body, { contentLength }) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const part = `${path}.${randomUUID()}.part`;
      try {
        const out = createWriteStream(part, { flags: 'wx' });
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, out);
        if (out.bytesWritten !== contentLength) throw new Error(`storage put ${key}: ${out.bytesWritten} bytes written, ${contentLength} expected`);
        await rename(part, path);
      } catch (err) {
        await rm(part, { force: true });
        throw err;
      }
    },

    async get(key): Promise<StoredObject | null> {
      let handle;
      try {
        handle = await open(pathOf(key), 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      try {
        const { size } = await handle.stat();
        return { body: handle.createReadStream(), contentLength: size };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },

    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      // The attachment's folder goes with its last object; one still holding another stays.
      await rmdir(dirname(path)).catch(() => undefined);
    },

    close() {},
  };
}
