import { createHash } from 'node:crypto';
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { startTestServer, type TestServer } from '@/lib/net/test-server';
import { createNcmecClient } from './client';

// Synthetic credentials only.
const creds = { username: 'esp-synthetic', password: 'pw-Synthetic-0123' };
const pair = `${creds.username}:${creds.password}`;
const b64 = Buffer.from(pair).toString('base64');

interface Seen { method: string; url: string; auth: string | undefined; type: string | undefined; body: Buffer }
let server: TestServer | null = null;
const seen: Seen[] = [];

async function start(answer: (req: Seen) => { status?: number; body: string }) {
  server = await startTestServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, type: req.headers['content-type'], body: Buffer.concat(chunks) };
      seen.push(s);
      const a = answer(s);
      res.writeHead(a.status ?? 200, { 'Content-Type': 'application/xml' }).end(a.body);
    });
  });
  // The production transport: the SSRF-safe fetch, with only this test server's origin exempt.
  const fetch = createSafeFetch({ exemptOrigin: server.origin, maxBytes: 1 << 20, timeoutMs: 5_000, maxRedirects: 0 });
  return createNcmecClient({ baseUrl: `${server.origin}/ispws/`, ...creds, fetch, sleep: async () => {} });
}

afterEach(async () => {
  await server?.close();
  server = null;
  seen.length = 0;
});

const ok = (inner = '') => ({ body: `<?xml version="1.0"?><reportResponse><responseCode>0</responseCode>${inner}</reportResponse>` });

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(() => null, (x: unknown) => x);
  if (e instanceof AppError) return e;
  throw new Error(`expected an AppError, got ${String(e)}`);
}

/** Everything an error could leak through: message, user message, details and cause. */
function leakText(e: AppError): string {
  return JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, c: e.cause instanceof Error ? e.cause.message : String(e.cause ?? '') });
}

describe('createNcmecClient', () => {
  it('sends Basic auth and each endpoint in its format', async () => {
    const client = await start((s) => {
      if (s.url.endsWith('/upload')) {
        return ok(`<reportId>77</reportId><fileId>file-1</fileId><hash>${createHash('md5').update(Buffer.from('bytes-1')).digest('hex')}</hash>`);
      }
      if (s.url.endsWith('/finish')) return { body: '<reportDoneResponse><responseCode>0</responseCode><reportId>77</reportId><files><fileId>file-1</fileId></files></reportDoneResponse>' };
      return ok('<reportId>77</reportId>');
    });
    expect((await client.status()).responseCode).toBe(0);
    expect((await client.submit('<report/>')).reportId).toBe('77');
    const up = await client.upload('77', 'a.png', new TextEncoder().encode('bytes-1'));
    expect(up.hash).toBe(createHash('md5').update('bytes-1').digest('hex'));
    await client.fileInfo('<fileDetails/>');
    expect((await client.finish('77')).fileIds).toEqual(['file-1']);
    await client.retract('77');

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /ispws/status', 'POST /ispws/submit', 'POST /ispws/upload', 'POST /ispws/fileinfo', 'POST /ispws/finish', 'POST /ispws/retract',
    ]);
    expect(seen.every((s) => s.auth === `Basic ${b64}`)).toBe(true);
    expect(seen[1]?.type).toMatch(/^text\/xml/);
    expect(seen[1]?.body.toString()).toBe('<report/>');
    expect(seen[4]?.body.toString()).toBe('id=77');
    // The multipart body parses back to the id and the exact bytes.
    const upload = seen[2];
    const form = await new Response(new Uint8Array(upload?.body ?? Buffer.alloc(0)), { headers: { 'content-type': upload?.type ?? '' } }).formData();
    expect(form.get('id')).toBe('77');
    const file = form.get('file');
    expect(file instanceof Blob && Buffer.from(await file.arrayBuffer()).toString()).toBe('bytes-1');
  });

  it('surfaces a nonzero code with its description, also on a non-2xx answer', async () => {
    const client = await start((s) =>
      s.url.endsWith('/submit')
        ? { body: '<reportResponse><responseCode>4000</responseCode><responseDescription>incidentType not valid</responseDescription></reportResponse>' }
        : { status: 400, body: '<reportResponse><responseCode>5001</responseCode><responseDescription>Report is finished</responseDescription></reportResponse>' },
    );
    expect((await errorOf(client.submit('<report/>'))).userMessage).toBe('CyberTipline: incidentType not valid (code 4000)');
    expect((await errorOf(client.retract('5'))).userMessage).toBe('CyberTipline: Report is finished (code 5001)');
  });

  it('never re-sends a failed submit (a second submit is a second report)', async () => {
    const client = await start(() => ({ status: 503, body: 'busy' }));
    const e = await errorOf(client.submit('<report/>'));
    expect(e.details?.maybeApplied).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('keeps credentials out of errors, even when the server echoes them back', async () => {
    const echo = `<reportResponse><responseCode>9</responseCode><responseDescription>bad auth Basic ${b64} ${pair} ${creds.password}</responseDescription></reportResponse>`;
    const client = await start((s) => (s.url.endsWith('/status') ? { status: 401, body: echo } : { status: 500, body: echo }));
    const errors = [await errorOf(client.status()), await errorOf(client.submit('<report/>')), await errorOf(client.finish('1'))];
    expect(errors[0]?.userMessage).toBe('CyberTipline refused the username or password. Check the NCMEC settings.');
    expect(errors[1]?.userMessage).toContain('[redacted]');
    for (const e of errors) {
      const text = leakText(e);
      for (const secret of [pair, b64, creds.password]) expect(text).not.toContain(secret);
    }
  });

  it('keeps credentials out of transport errors', async () => {
    const client = createNcmecClient({ baseUrl: 'http://127.0.0.1:1/ispws', ...creds, sleep: async () => {}, fetch: () => Promise.reject(new Error(`connect failed for ${pair} ${b64}`)) });
    const text = leakText(await errorOf(client.status()));
    for (const secret of [pair, b64, creds.password]) expect(text).not.toContain(secret);
  });

  it('refuses a non-numeric report id before sending anything', async () => {
    const client = await start(() => ok());
    expect((await errorOf(client.finish('1&id=2'))).code).toBe('bad_request');
    expect(seen).toHaveLength(0);
  });
});
