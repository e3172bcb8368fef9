import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { dataDir } from '@/lib/env';
import { addInstance } from '@/lib/instances/add-instance';
import { getInstance } from '@/lib/instances/get-instance';
import { listInstances } from '@/lib/instances/list-instances';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { getMediaStore } from '@/lib/storage';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { decompressionBombPng } from '@/e2e/fakes/images';
import { connectedFake, systemActor, userActor } from './support/fixtures';

let fake: FakeMastodon;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeMastodon({ reports: 5, seed: 21, token: 'tok-SECRET-abcdef-0123456789' });
  for (const m of ['log', 'error', 'warn', 'info'] as const) {
    const orig = console[m];
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(' '));
      orig(...args);
    });
  }
});
afterAll(() => fake.close());

describe('connecting an instance', () => {
  it('refuses a wrong token with per-check results and stores nothing', async () => {
    await expect(addInstance({ ctx: { actor: systemActor }, input: { baseUrl: fake.url, token: 'wrong-token-123', allowPrivate: true } })).rejects.toMatchObject({
      code: 'bad_request',
      publicData: { checks: expect.objectContaining({ ok: false }) },
    });
    expect(await db.instance.count()).toBe(0);
  });

  it('refuses a loopback address unless the instance is marked as a local test host', async () => {
    await expect(addInstance({ ctx: { actor: systemActor }, input: { baseUrl: fake.url, token: fake.token, allowPrivate: false } })).rejects.toThrow();
    expect(await db.instance.count()).toBe(0);
  });

  it('stores the token sealed and never returns or logs it', async () => {
    const added = await addInstance({ ctx: { actor: systemActor }, input: { baseUrl: fake.url, token: fake.token, allowPrivate: true } });
    expect(added.checks.ok).toBe(true);
    const row = await db.instance.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.tokenSealed).not.toContain(fake.token);
    expect(Buffer.from(row.tokenSealed, 'base64').toString('latin1')).not.toContain(fake.token);
    await syncInstance(added.id);
    const visible = JSON.stringify([await listInstances({ ctx: { actor: userActor('admin') } }), await getInstance({ ctx: { actor: userActor('admin') }, input: { id: added.id } }), added]);
    expect(visible).not.toContain(fake.token);
    const audit = JSON.stringify(await db.auditEvent.findMany(), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(audit).not.toContain(fake.token);
    expect(logs.join('\n')).not.toContain(fake.token);
  });

  it('refuses non-admins', async () => {
    await expect(addInstance({ ctx: { actor: userActor('moderator') }, input: { baseUrl: 'https://x.example', token: 'whatever-token' } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('media ingest', () => {
  it('stores the original and a blurred preview, encrypted, with hashes of the original bytes', async () => {
    const { fake: f2, instanceId } = await connectedFake({ reports: 6, seed: 22 });
    try {
      await syncInstance(instanceId);
      const media = await db.media.findFirstOrThrow({ where: { instanceId, type: 'image' } });
      expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('done');
      const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
      const original = Buffer.from(await (await fetch(media.url)).arrayBuffer());
      expect(row.sha256).toBe(crypto.createHash('sha256').update(original).digest('hex'));
      expect(row.md5).toBe(crypto.createHash('md5').update(original).digest('hex'));
      expect(row.pdqHash).toMatch(/^[0-9a-f]{64}$/);
      const store = await getMediaStore();
      expect((await store.get(row.storageKey!))!.equals(original)).toBe(true);
      const preview = (await store.get(row.previewKey!))!;
      expect(preview.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(preview.equals(original)).toBe(false);
      const onDisk = fs.readFileSync(path.join(dataDir(), 'media', row.storageKey!));
      expect(onDisk.includes(original.subarray(0, 64))).toBe(false);
      expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('skipped');
    } finally {
      await f2.close();
    }
  });

  it('refuses media on a forbidden address when the instance is not a local test host', async () => {
    const { fake: f3, instanceId } = await connectedFake({ reports: 4, seed: 23 });
    try {
      await syncInstance(instanceId);
      await db.instance.update({ where: { id: instanceId }, data: { allowPrivate: false } });
      const media = await db.media.findFirstOrThrow({ where: { instanceId } });
      for (const url of [media.url, 'http://169.254.169.254/latest/meta-data/x.png', 'http://10.1.2.3/x.png', 'http://[::1]:9/x.png']) {
        await db.media.update({ where: { id: media.id }, data: { url, state: 'pending' } });
        expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('failed');
        expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).error).toMatch(/not allowed/i);
      }
    } finally {
      await f3.close();
    }
  });

  it('refuses a decompression bomb without decoding it', async () => {
    const bomb = await decompressionBombPng();
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(bomb));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { fake: f4, instanceId } = await connectedFake({ reports: 3, seed: 24 });
    try {
      await syncInstance(instanceId);
      const media = await db.media.findFirstOrThrow({ where: { instanceId } });
      await db.media.update({ where: { id: media.id }, data: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bomb.png` } });
      expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('failed');
      const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
      expect(row.state).toBe('failed');
      expect(row.storageKey).toBeNull();
    } finally {
      server.close();
      await f4.close();
    }
  });
});
