/**
 * Issue 8 point 4: an instance marked as a local test host (`--allow-private`) is exempt from the address policy
 * for its own scheme+host+port only. Media URLs are chosen by third parties and redirects by the server, so media
 * on another loopback port, on another name for 127.0.0.1, or reached by a redirect off the instance's origin,
 * must be refused before a single connection is made to them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ingestMedia } from '@/lib/media/ingest-media';

let png: Buffer;
let instanceServer: http.Server;
let internal: http.Server;
let internalHits = 0;
let instanceOrigin = '';
let internalPort = 0;

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
  // Another service on the same machine: anything that reaches it is an SSRF.
  internal = http.createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  internalPort = await listen(internal);
  instanceServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/own.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (url.pathname === '/hop') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    res.writeHead(404).end();
  });
  instanceOrigin = `http://127.0.0.1:${await listen(instanceServer)}`;
});

afterAll(async () => {
  await new Promise((r) => instanceServer.close(r));
  await new Promise((r) => internal.close(r));
});

let n = 0;
async function mediaAt(url: string) {
  const instance = await db.instance.upsert({
    where: { baseUrl: instanceOrigin },
    update: {},
    create: {
      name: 'local test host', kind: 'mastodon', baseUrl: instanceOrigin, domain: 'local.test', allowPrivate: true, status: 'ok',
      tokenSealed: 'sealed', webhookSecretSealed: 'sealed',
    },
  });
  return db.media.create({ data: { instanceId: instance.id, remoteId: `m-${++n}`, type: 'image', url } });
}

describe('allow-private is limited to the instance origin', () => {
  it("ingests media from the instance's own origin, also through a redirect that stays on it", async () => {
    for (const url of [`${instanceOrigin}/own.png`, `${instanceOrigin}/hop?to=${encodeURIComponent('/own.png')}`]) {
      const media = await mediaAt(url);
      expect(await ingestMedia(media.id, { finalAttempt: true })).toBe('done');
    }
  });

  it('refuses media on another port, another host name for 127.0.0.1, and redirects off the origin', async () => {
    const refused = [
      `http://127.0.0.1:${internalPort}/x.png`,
      `http://localhost:${internalPort}/x.png`,
      `http://localhost:${new URL(instanceOrigin).port}/own.png`, // same port, another name: another origin
      `${instanceOrigin}/hop?to=${encodeURIComponent(`http://127.0.0.1:${internalPort}/x.png`)}`,
      `${instanceOrigin}/hop?to=${encodeURIComponent(`http://localhost:${internalPort}/x.png`)}`,
    ];
    for (const url of refused) {
      const media = await mediaAt(url);
      expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('failed');
      const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
      expect(row.state).toBe('failed');
      expect(row.storageKey).toBeNull();
    }
    expect(internalHits).toBe(0);
  });
});
