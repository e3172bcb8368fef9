/**
 * The S3 driver against a real S3-compatible server (s3rver, in this process on a random loopback port): same
 * contract as the local store, multipart for large blobs, the SSE header on every write, and the encrypted store
 * on top so the bucket only ever holds sealed bytes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { createEncryptedStore } from './encrypted-store';
import { getMediaStore } from './index';
import { createS3Client, createS3Store, type S3StoreOptions } from './s3-store';

interface S3rverLike {
  callback(): http.RequestListener;
  configureBuckets(): Promise<void>;
}
// s3rver ships no types; only the two methods used here are described.
const S3rver: new (opts: object) => S3rverLike = createRequire(import.meta.url)('s3rver');

const BUCKET = 'fedimod-test';
const seen: Array<{ method: string; url: string; sse: string | undefined }> = [];
let server: http.Server;
let dir: string;
let endpoint: string;

function options(extra: Partial<S3StoreOptions> = {}): S3StoreOptions {
  return {
    bucket: BUCKET, region: 'us-east-1', endpoint, forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, sse: 'AES256', partSize: 5 * 1024 * 1024, ...extra,
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const s3 = new S3rver({ silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3.configureBuckets();
  const handler = s3.callback();
  server = http.createServer((req, res) => {
    const sse = req.headers['x-amz-server-side-encryption'];
    seen.push({ method: req.method ?? '', url: req.url ?? '', sse: typeof sse === 'string' ? sse : undefined });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createS3Store', () => {
  it('puts, gets, overwrites, reports existence and deletes idempotently, like the local store', async () => {
    const store = createS3Store(options());
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
    expect(await store.get('media/a/b.bin')).toBeNull();
  });

  it('uploads a large blob in parts and reads it back whole, with the SSE header on every write', async () => {
    const store = createS3Store(options({ prefix: 'big/' }));
    const data = crypto.randomBytes(11 * 1024 * 1024 + 17);
    seen.length = 0;
    await store.put('media/i/m/original', data);
    const parts = seen.filter((r) => r.method === 'PUT' && /[?&]partNumber=/.test(r.url));
    expect(parts).toHaveLength(3);
    const create = seen.filter((r) => r.method === 'POST' && /[?&]uploads\b/.test(r.url));
    expect(create).toHaveLength(1);
    expect(create[0].sse).toBe('AES256');
    expect((await store.get('media/i/m/original'))?.equals(data)).toBe(true);
    // The prefix is part of the object name, so two deployments can share a bucket.
    expect(await createS3Store(options()).exists('media/i/m/original')).toBe(false);

    seen.length = 0;
    await store.put('media/i/m/preview', Buffer.from('small'));
    expect(seen.filter((r) => r.method === 'PUT').map((r) => r.sse)).toEqual(['AES256']);
    seen.length = 0;
    await createS3Store(options({ sse: 'none' })).put('media/i/m/plain', Buffer.from('x'));
    expect(seen.filter((r) => r.method === 'PUT').map((r) => r.sse)).toEqual([undefined]);
  });

  it('refuses invalid keys before any request', async () => {
    const store = createS3Store(options());
    seen.length = 0;
    for (const key of ['../x', 'a//b', 'A.png', '']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.get(key)).rejects.toMatchObject({ code: 'bad_request' });
    }
    expect(seen).toEqual([]);
  });

  it('is wrapped by the encrypted store: the bucket holds only sealed bytes, bound to their key', async () => {
    const inner = createS3Store(options());
    const store = createEncryptedStore(inner, crypto.randomBytes(32));
    const data = Buffer.from('harmless synthetic media bytes');
    await store.put('media/e/1', data);
    expect((await store.get('media/e/1'))?.equals(data)).toBe(true);
    const sealed = await inner.get('media/e/1');
    expect(sealed?.includes(data)).toBe(false);
    await inner.put('media/e/2', sealed ?? Buffer.alloc(0));
    await expect(store.get('media/e/2')).rejects.toThrow();
  });

  it('is what getMediaStore returns for STORAGE_DRIVER=s3', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      STORAGE_DRIVER: 's3', S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'app/',
    });
    resetEnvCache();
    try {
      const store = await getMediaStore();
      await store.put('media/x/y', Buffer.from('through the app'));
      expect((await store.get('media/x/y'))?.toString()).toBe('through the app');
      const raw = await createS3Store(options({ prefix: 'app/' })).get('media/x/y');
      expect(raw?.toString()).not.toContain('through the app');
    } finally {
      process.env = saved;
      resetEnvCache();
    }
  });

  it('surfaces a missing bucket as an error, not as a missing key', async () => {
    const store = createS3Store(options({ bucket: 'no-such-bucket' }), createS3Client(options()));
    await expect(store.put('media/a/b', Buffer.from('x'))).rejects.toThrow();
  });
});
