import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStore } from './local-store';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('createLocalStore', () => {
  it('round-trips, overwrites, reports existence and deletes idempotently', async () => {
    const store = createLocalStore(root);
    const data = crypto.randomBytes(4096);
    expect(await store.get('media/a/b.bin')).toBeNull();
    expect(await store.exists('media/a/b.bin')).toBe(false);
    await store.put('media/a/b.bin', data);
    expect((await store.get('media/a/b.bin'))?.equals(data)).toBe(true);
    expect(await store.exists('media/a/b.bin')).toBe(true);
    await store.put('media/a/b.bin', Buffer.from('v2'));
    expect((await store.get('media/a/b.bin'))?.toString()).toBe('v2');
    await store.delete('media/a/b.bin');
    await store.delete('media/a/b.bin');
    expect(await store.exists('media/a/b.bin')).toBe(false);
  });

  it('writes files 0600 and leaves no temp files', async () => {
    const store = createLocalStore(root);
    await store.put('x/y_z-1.webp', Buffer.from('data'));
    const file = path.join(root, 'x', 'y_z-1.webp');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(root, 'x')).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.join(root, 'x'))).toEqual(['y_z-1.webp']);
  });

  it('refuses traversal and keys outside the alphabet, for every operation', async () => {
    const store = createLocalStore(path.join(root, 'inner'));
    fs.writeFileSync(path.join(root, 'outside'), 'secret');
    const bad = ['../outside', 'a/../../outside', '/etc/passwd', '..', '.', 'a/./b', 'a//b', 'a/', '', 'A.png',
      'a\\b', 'a b', 'a%2f..', 'ä', 'x'.repeat(513), 'a/..', '...'];
    for (const key of bad) {
      await expect(store.get(key), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.put(key, Buffer.from('x')), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.delete(key), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.exists(key), key).rejects.toMatchObject({ code: 'bad_request' });
    }
    expect(fs.readFileSync(path.join(root, 'outside'), 'utf8')).toBe('secret');
  });
});
