import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { startTestServer, type TestServer } from '@/lib/net/test-server';
import { fetchMedia } from './fetch-media';
import { gradient } from './test-images';

const MB = 1024 * 1024;
let server: TestServer;
let png: Buffer;

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

beforeAll(async () => {
  png = await gradient(64, 64).png().toBuffer();
  server = await startTestServer(async (req, res) => {
    switch (req.url) {
      case '/image':
        // The declared type is a lie on purpose: callers must sniff the bytes.
        res.writeHead(200, { 'content-type': 'text/html' }).end(png);
        return;
      case '/huge':
        res.writeHead(200, { 'content-length': String(41 * MB) }).end(Buffer.alloc(41 * MB));
        return;
      case '/huge-chunked': {
        res.writeHead(200);
        const chunk = Buffer.alloc(MB);
        for (let i = 0; i < 41 && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((r) => setTimeout(r, 5));
        }
        res.end();
        return;
      }
      case '/gone':
        res.writeHead(410).end('gone');
        return;
      default:
        res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchMedia', () => {
  it('returns the bytes of a 2xx response', async () => {
    const bytes = await fetchMedia(`${server.origin}/image`, { exemptOrigin: server.origin });
    expect(bytes.equals(png)).toBe(true);
  });

  it('refuses a 41 MB body under the 40 MB default, with or without Content-Length', async () => {
    await expectCode(fetchMedia(`${server.origin}/huge`, { exemptOrigin: server.origin }), 'too_large');
    await expectCode(fetchMedia(`${server.origin}/huge-chunked`, { exemptOrigin: server.origin }), 'too_large');
  });

  it('refuses non-2xx statuses as remote_error', async () => {
    await expectCode(fetchMedia(`${server.origin}/gone`, { exemptOrigin: server.origin }), 'remote_error');
    await expectCode(fetchMedia(`${server.origin}/missing`, { exemptOrigin: server.origin }), 'remote_error');
  });

  it('refuses private addresses unless the instance allows them', async () => {
    const before = server.connections();
    await expectCode(fetchMedia(`${server.origin}/image`, { exemptOrigin: null }), 'ssrf_blocked');
    await expectCode(fetchMedia('http://media.test/x.png', { exemptOrigin: null, resolve: async () => ['10.1.2.3'] }), 'ssrf_blocked');
    expect(server.connections()).toBe(before);
  });
});
