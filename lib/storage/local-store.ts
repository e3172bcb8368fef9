/**
 * BlobStore on the local filesystem. Writes go to a temp file that is renamed into place, so a reader
 * never sees half a file and a crash leaves at most a stray temp file. Files are 0600, folders 0700:
 * the media is hostile content and the store may hold evidence.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidBlobKey } from './blob-key';
import type { BlobStore } from './types';

function isNotFound(e: unknown): boolean {
  return e instanceof Error && 'code' in e && e.code === 'ENOENT';
}

export function createLocalStore(root: string): BlobStore {
  const base = path.resolve(root);

  function fileFor(key: string): string {
    assertValidBlobKey(key);
    const file = path.resolve(base, key);
    // Belt and braces: the key pattern already rules this out.
    if (!file.startsWith(base + path.sep)) throw new Error('storage: key escapes the store root');
    return file;
  }

  return {
    async put(key, data) {
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // '~' cannot appear in a key, so a temp name never collides with a real blob.
      const temp = `${file}~${crypto.randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await fs.open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, file);
      } catch (e) {
        await fs.rm(temp, { force: true });
        throw e;
      }
    },

    async get(key) {
      try {
        return await fs.readFile(fileFor(key));
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },

    async delete(key) {
      await fs.rm(fileFor(key), { force: true });
    },

    async exists(key) {
      try {
        return (await fs.stat(fileFor(key))).isFile();
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
  };
}
