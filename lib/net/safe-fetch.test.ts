/**
 * Real HTTP servers on 127.0.0.1 only. Every refusal test also asserts that no socket was opened, so a bug can
 * never turn into traffic to a non-loopback address: refusal must happen before connect().
 */
import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import type { FetchPolicy } from './fetch-policy';
import { createSafeFetch, safeFetch } from './safe-fetch';
import { startTestServer, type TestServer } from './test-server';

const MB = 1024 * 1024;
// The loopback test server stands in for remote hosts: trusted by name for the mechanics tests, never in `strict`.
const base: FetchPolicy = { unsafeTrustedHosts: ['127.0.0.1', 'localhost'], maxBytes: 4 * MB, timeoutMs: 5000, maxRedirects: 5 };
const strict: FetchPolicy = { ...base, unsafeTrustedHosts: [] };

let server: TestServer;
let secretHits = 0;
let loopHits = 0;
let streamed = 0;
const connectSpy = vi.spyOn(net.Socket.prototype, 'connect');

async function expectCode(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

function waitForDrainOrClose(res: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

beforeAll(async () => {
  server = await startTestServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    switch (url.pathname) {
      case '/hello':
        res.writeHead(200, { 'content-type': 'text/plain', 'x-test': 'yes' }).end('hello');
        return;
      case '/echo':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
        return;
      case '/redirect':
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/' }).end();
        return;
      case '/loop':
        loopHits += 1;
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/secret':
        secretHits += 1;
        res.end('secret');
        return;
      case '/big':
        res.writeHead(200, { 'content-length': String(2 * MB) }).end(Buffer.alloc(2 * MB, 1));
        return;
      case '/big-chunked': {
        // No Content-Length: the cap must trip while streaming. Up to 64 MB, stopping when the client hangs up.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 2);
        while (streamed < 64 * MB && !res.destroyed) {
          streamed += chunk.length;
          if (!res.write(chunk)) await waitForDrainOrClose(res);
        }
        res.end();
        return;
      }
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
        res.end(zlib.gzipSync(JSON.stringify({ ok: true })));
        return;
      case '/gzip-bomb':
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(8 * MB)));
        return;
      case '/hang':
        return; // never answers
      case '/drip': {
        res.writeHead(200);
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('x')), 50);
        return;
      }
      case '/no-content':
        res.writeHead(204).end();
        return;
      default:
        res.writeHead(404).end('nope');
    }
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  connectSpy.mockClear();
});

describe('safeFetch against a trusted local server', () => {
  it('fetches a local server and returns a standard Response', async () => {
    const res = await safeFetch(`${server.origin}/hello`, { policy: base });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-test')).toBe('yes');
    expect(await res.text()).toBe('hello');
    expect(res.url).toBe(`${server.origin}/hello`);
    expect(res.redirected).toBe(false);
  });

  it('sends a DELETE body with its exact length (Node drops it otherwise)', async () => {
    const res = await safeFetch(`${server.origin}/echo`, { policy: base, method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{"nicknames":["a"]}' });
    const echo = (await res.json()) as { method: string; headers: Record<string, string>; body: string };
    expect(echo).toMatchObject({ method: 'DELETE', body: '{"nicknames":["a"]}' });
    expect(echo.headers['content-length']).toBe('19');
  });

  it('follows redirects, exposing the final URL', async () => {
    const res = await safeFetch(`${server.origin}/redirect?to=/redirect%3Fto%3D/hello`, { policy: base });
    expect(await res.text()).toBe('hello');
    expect(res.url).toBe(`${server.origin}/hello`);
    expect(res.redirected).toBe(true);
  });

  it('handles 204 and HEAD without a body', async () => {
    const res = await safeFetch(`${server.origin}/no-content`, { policy: base });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const head = await safeFetch(`${server.origin}/hello`, { policy: base, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('decodes a gzip body the server sent uninvited', async () => {
    const res = await safeFetch(`${server.origin}/gzip`, { policy: base });
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('reports a closed port as remote_unreachable', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    await expectCode(safeFetch(`http://127.0.0.1:${closed.port}/`, { policy: base }), 'remote_unreachable');
  });
});

describe('safeFetch refuses forbidden targets before connecting', () => {
  const targets = () => [
    `http://127.0.0.1:${server.port}/secret`,
    `http://localhost:${server.port}/secret`,
    `http://[::1]:${server.port}/secret`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://172.16.0.1/',
    `http://[::ffff:127.0.0.1]:${server.port}/secret`,
    `http://0.0.0.0:${server.port}/secret`,
    'http://2130706433/', // 127.0.0.1 as one decimal number, normalized by the URL parser
    'http://[fe80::1]/',
  ];

  it('refuses each literal and loopback name', async () => {
    const before = server.connections();
    for (const url of targets()) {
      const err = await expectCode(safeFetch(url, { policy: strict }), 'ssrf_blocked');
      expect(err.message).not.toContain('secret');
    }
    expect(connectSpy).not.toHaveBeenCalled();
    expect(server.connections()).toBe(before);
    expect(secretHits).toBe(0);
  });

  it('refuses hostnames that resolve to forbidden addresses (injected resolver, no real DNS)', async () => {
    const answers: Record<string, string[]> = {
      'internal.test': ['10.0.0.5'],
      'metadata.test': ['169.254.169.254'],
      'mixed.test': ['8.8.8.8', '192.168.0.10'], // any forbidden answer refuses the whole fetch
      'nat64.test': ['64:ff9b::7f00:1'],
    };
    const policy: FetchPolicy = { ...strict, resolve: async (h) => answers[h] ?? [] };
    for (const host of Object.keys(answers)) {
      await expectCode(safeFetch(`http://${host}/`, { policy }), 'ssrf_blocked');
    }
    expect(connectSpy).not.toHaveBeenCalled();
  });

  it('refuses non-http schemes and credentials in URLs', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'data:text/plain,hi', 'javascript:alert(1)', 'gopher://x/']) {
      await expectCode(safeFetch(url, { policy: base }), 'ssrf_blocked');
    }
    await expectCode(safeFetch('not a url', { policy: base }), 'bad_request');
    await expectCode(safeFetch(`http://user:pw@127.0.0.1:${server.port}/`, { policy: base }), 'bad_request');
    expect(connectSpy).not.toHaveBeenCalled();
  });
});

describe('the allow-private exemption covers exactly one origin', () => {
  // An instance marked as a local test host: its own scheme+host+port only. A second loopback service stands in
  // for whatever else listens on the machine (a database, an admin panel, the cloud metadata endpoint).
  let other: TestServer;
  let otherHits = 0;
  beforeAll(async () => {
    other = await startTestServer((_req, res) => {
      otherHits += 1;
      res.end('internal');
    });
  });
  afterAll(async () => {
    await other.close();
  });
  const exempt = (): FetchPolicy => ({
    ...strict,
    exemptOrigin: server.origin,
    resolve: async (h) => {
      if (h === 'sneaky.test' || h === 'localhost') return ['127.0.0.1'];
      throw new Error('unexpected lookup');
    },
  });

  it("fetches the instance's own origin, and follows redirects that stay on it", async () => {
    expect(await (await safeFetch(`${server.origin}/hello`, { policy: exempt() })).text()).toBe('hello');
    const res = await safeFetch(`${server.origin}/redirect?to=${encodeURIComponent('/hello')}`, { policy: exempt() });
    expect(await res.text()).toBe('hello');
  });

  it('refuses another port, another name for the same address, another scheme and redirects off the origin', async () => {
    const before = other.connections();
    const refused = [
      `${other.origin}/`, // another loopback port
      `http://sneaky.test:${server.port}/secret`, // another host name resolving to 127.0.0.1, same port
      `http://localhost:${server.port}/secret`,
      `https://127.0.0.1:${server.port}/secret`, // same host and port, other scheme
      `http://[::ffff:127.0.0.1]:${server.port}/secret`,
    ];
    for (const url of refused) await expectCode(safeFetch(url, { policy: exempt() }), 'ssrf_blocked');
    for (const to of [`${other.origin}/`, `http://sneaky.test:${other.port}/`, 'http://169.254.169.254/latest/meta-data/']) {
      for (const status of [302, 307]) {
        const url = `${server.origin}/redirect?status=${status}&to=${encodeURIComponent(to)}`;
        await expectCode(safeFetch(url, { policy: exempt() }), 'ssrf_blocked');
      }
    }
    expect(other.connections()).toBe(before);
    expect(otherHits).toBe(0);
    expect(secretHits).toBe(0);
  });

  it('builds the exemption from an instance only when it is marked', async () => {
    const { exemptOriginFor } = await import('./fetch-policy');
    expect(exemptOriginFor({ baseUrl: 'HTTP://Local.Test:80/some/path', allowPrivate: true })).toBe('http://local.test');
    expect(exemptOriginFor({ baseUrl: 'http://127.0.0.1:3001/', allowPrivate: true })).toBe('http://127.0.0.1:3001');
    expect(exemptOriginFor({ baseUrl: 'http://127.0.0.1:3001/', allowPrivate: false })).toBeNull();
    expect(exemptOriginFor({ baseUrl: 'not a url', allowPrivate: true })).toBeNull();
  });
});

describe('redirects are re-checked on every hop', () => {
  // public.test stands in for a public host: it resolves to our loopback server and is trusted by name only.
  const policy = (): FetchPolicy => ({
    ...strict,
    unsafeTrustedHosts: ['public.test'],
    resolve: async (h) => {
      if (h === 'public.test') return ['127.0.0.1'];
      if (h === 'evil.test') return ['169.254.169.254'];
      if (h === 'localhost') return ['127.0.0.1', '::1'];
      throw new Error('unexpected lookup');
    },
  });
  const publicUrl = (path: string) => `http://public.test:${server.port}${path}`;

  it('lets the trusted first hop through', async () => {
    const res = await safeFetch(publicUrl('/hello'), { policy: policy() });
    expect(await res.text()).toBe('hello');
  });

  it('refuses a redirect to a loopback, private or metadata target', async () => {
    const targets = [
      `http://127.0.0.1:${server.port}/secret`,
      `http://localhost:${server.port}/secret`,
      `http://[::ffff:127.0.0.1]:${server.port}/secret`,
      'http://evil.test/latest/meta-data/',
      'http://10.0.0.1/',
    ];
    for (const to of targets) {
      for (const status of [301, 302, 303, 307, 308]) {
        connectSpy.mockClear();
        const url = publicUrl(`/redirect?status=${status}&to=${encodeURIComponent(to)}`);
        await expectCode(safeFetch(url, { policy: policy() }), 'ssrf_blocked');
        expect(connectSpy).toHaveBeenCalledTimes(1); // only the first, trusted hop
      }
    }
    expect(secretHits).toBe(0);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const url = publicUrl(`/redirect?to=${encodeURIComponent('file:///etc/passwd')}`);
    await expectCode(safeFetch(url, { policy: policy() }), 'ssrf_blocked');
  });

  it('caps the number of redirects', async () => {
    loopHits = 0;
    const err = await expectCode(safeFetch(`${server.origin}/loop`, { policy: { ...base, maxRedirects: 3 } }), 'remote_error');
    expect(err.details?.reason).toBe('too_many_redirects');
    expect(loopHits).toBe(4);
  });
});

describe('size and time limits', () => {
  const capped: FetchPolicy = { ...base, maxBytes: 1 * MB };

  it('refuses a declared Content-Length over the cap', async () => {
    await expectCode(safeFetch(`${server.origin}/big`, { policy: capped }), 'too_large');
  });

  it('aborts a chunked body as soon as it passes the cap', async () => {
    streamed = 0;
    await expectCode(safeFetch(`${server.origin}/big-chunked`, { policy: capped }), 'too_large');
    await new Promise((r) => setTimeout(r, 200));
    expect(streamed).toBeLessThan(32 * MB); // the server was cut off, far from its 64 MB
  });

  it('caps decoded bytes, not just wire bytes (gzip bomb)', async () => {
    await expectCode(safeFetch(`${server.origin}/gzip-bomb`, { policy: capped }), 'too_large');
  });

  it('times out a server that never answers', async () => {
    const started = Date.now();
    const err = await expectCode(safeFetch(`${server.origin}/hang`, { policy: { ...base, timeoutMs: 300 } }), 'remote_unreachable');
    expect(err.details?.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a body that drips forever', async () => {
    const err = await expectCode(safeFetch(`${server.origin}/drip`, { policy: { ...base, timeoutMs: 400 } }), 'remote_unreachable');
    expect(err.details?.reason).toBe('timeout');
  });

  it("keeps the caller's own abort as an AbortError", async () => {
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 100);
    await expect(safeFetch(`${server.origin}/hang`, { policy: base, signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createSafeFetch', () => {
  const fetchLike = createSafeFetch(base);

  it('sends string bodies with a headers object', async () => {
    const res = await fetchLike(`${server.origin}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0ken' },
      body: JSON.stringify({ a: 1 }),
    });
    const echo = await res.json();
    expect(echo.method).toBe('POST');
    expect(echo.body).toBe('{"a":1}');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['content-length']).toBe('7');
    expect(echo.headers.authorization).toBe('Bearer t0ken');
    expect(echo.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('sends URLSearchParams as a form with a Headers instance', async () => {
    const res = await fetchLike(`${server.origin}/echo`, {
      method: 'POST',
      headers: new Headers({ accept: 'application/json' }),
      body: new URLSearchParams({ q: 'a b', n: '1' }),
    });
    const echo = await res.json();
    expect(echo.body).toBe('q=a+b&n=1');
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(echo.headers.accept).toBe('application/json');
  });

  it('turns POST into GET on 303 and replays the body on 307', async () => {
    const to = encodeURIComponent('/echo');
    const after303 = await (await fetchLike(`${server.origin}/redirect?status=303&to=${to}`, { method: 'POST', body: 'x' })).json();
    expect(after303).toMatchObject({ method: 'GET', body: '' });
    const after307 = await (await fetchLike(`${server.origin}/redirect?status=307&to=${to}`, { method: 'POST', body: 'x' })).json();
    expect(after307).toMatchObject({ method: 'POST', body: 'x' });
  });

  it('drops credentials on a cross-origin redirect', async () => {
    const to = encodeURIComponent(`http://localhost:${server.port}/echo`);
    const res = await fetchLike(`${server.origin}/redirect?to=${to}`, { headers: { authorization: 'Bearer t0ken', 'x-keep': '1' } });
    const echo = await res.json();
    expect(echo.headers.authorization).toBeUndefined();
    expect(echo.headers['x-keep']).toBe('1');
    expect(res.url).toBe(`http://localhost:${server.port}/echo`);
  });
});
