import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetMasterKeyCache } from '@/lib/crypto/master-key';
import { resetEnvCache } from '@/lib/env';
import { createEncryptedStore } from './encrypted-store';
import { getMediaStore } from './index';
import { createLocalStore } from './local-store';

let root: string;
const saved = { DATA_DIR: process.env.DATA_DIR, STORAGE_DIR: process.env.STORAGE_DIR, STORAGE_DRIVER: process.env.STORAGE_DRIVER };

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetMasterKeyCache();
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'enc-store-'));
});

afterEach(() => {
  setEnv(saved);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('createEncryptedStore', () => {
  const key = crypto.randomBytes(32);
  const plaintext = Buffer.from('synthetic media bytes '.repeat(100));

  it('round-trips while the bytes on disk are not the plaintext', async () => {
    const store = createEncryptedStore(createLocalStore(root), key);
    await store.put('media/one.bin', plaintext);
    expect((await store.get('media/one.bin'))?.equals(plaintext)).toBe(true);
    const onDisk = fs.readFileSync(path.join(root, 'media', 'one.bin'));
    expect(onDisk.equals(plaintext)).toBe(false);
    expect(onDisk.includes(Buffer.from('synthetic media'))).toBe(false);
    expect(onDisk[0]).toBe(1); // secret-box format version
    expect(await store.get('media/missing')).toBeNull();
    expect(await store.exists('media/one.bin')).toBe(true);
    await store.delete('media/one.bin');
    expect(await store.exists('media/one.bin')).toBe(false);
  });

  it('refuses a blob moved to another key (the key is the AAD) and a wrong store key', async () => {
    const inner = createLocalStore(root);
    const store = createEncryptedStore(inner, key);
    await store.put('media/a', plaintext);
    await inner.put('media/b', (await inner.get('media/a'))!);
    await expect(store.get('media/b')).rejects.toMatchObject({ code: 'internal' });
    await expect(createEncryptedStore(inner, crypto.randomBytes(32)).get('media/a')).rejects.toMatchObject({ code: 'internal' });
  });

  it('refuses traversal before touching the inner store', async () => {
    const store = createEncryptedStore(createLocalStore(root), key);
    await expect(store.put('../escape', plaintext)).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('getMediaStore', () => {
  it('stores encrypted under <DATA_DIR>/media by default', async () => {
    setEnv({ DATA_DIR: root, STORAGE_DIR: undefined, STORAGE_DRIVER: undefined });
    const store = await getMediaStore();
    await store.put('m/x', Buffer.from('hello media'));
    expect((await store.get('m/x'))?.toString()).toBe('hello media');
    const onDisk = fs.readFileSync(path.join(root, 'media', 'm', 'x'));
    expect(onDisk.includes(Buffer.from('hello media'))).toBe(false);
  });

  it('honours STORAGE_DIR', async () => {
    setEnv({ DATA_DIR: root, STORAGE_DIR: path.join(root, 'elsewhere'), STORAGE_DRIVER: 'local' });
    await (await getMediaStore()).put('k', Buffer.from('v'));
    expect(fs.existsSync(path.join(root, 'elsewhere', 'k'))).toBe(true);
  });

  it('says clearly that S3 is not available yet', async () => {
    setEnv({ DATA_DIR: root, STORAGE_DRIVER: 's3' });
    await expect(getMediaStore()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/s3/) });
  });
});
