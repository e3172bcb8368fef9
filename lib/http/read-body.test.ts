import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { readBody, readJson } from './read-body';

const MB = 1024 * 1024;

/** A body that would be `total` bytes long, produced only as it is pulled; `pulled()` says how much was. */
function countingBody(total: number, chunk = 64 * 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const n = Math.min(chunk, total - pulled);
      pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled };
}

function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
  return new Request('http://app.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return { code: (e as AppError).code, status: (e as AppError).status };
}

describe('readBody', () => {
  it('stops pulling a streamed body right after the cap and answers 413', async () => {
    const body = countingBody(200 * MB);
    expect(await codeOf(readBody(post(body.stream), 2 * MB))).toEqual({ code: 'too_large', status: 413 });
    expect(body.pulled()).toBeLessThan(3 * MB);
  });

  it('refuses a declared Content-Length over the cap without reading at all', async () => {
    const body = countingBody(150 * MB);
    expect((await codeOf(readBody(post(body.stream, { 'content-length': String(150 * MB) }), MB))).status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it('returns bodies within the cap whole, and parses JSON from them', async () => {
    const bytes = await readBody(post('x'.repeat(1000)), 1000);
    expect(bytes.byteLength).toBe(1000);
    expect(await readJson(post('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect((await codeOf(readJson(post('{"a":')))).code).toBe('bad_request');
    expect((await codeOf(readJson(post(countingBody(150 * MB).stream))))).toEqual({ code: 'too_large', status: 413 });
  });
});

describe('readJson and NUL characters', () => {
  it('refuses a NUL in any string or key with words (Postgres text cannot hold one), and keeps an escaped backslash', async () => {
    for (const body of ['{"name":"a\\u0000b"}', '{"list":["ok","\\u0000"]}', '{"a\\u0000":1}', '{"deep":{"x":[{"y":"\\u0000"}]}}']) {
      await expect(readJson(post(body))).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringContaining('NUL') });
    }
    // The six characters \u0000 typed as text arrive as an escaped backslash: text, not a NUL.
    expect(await readJson(post('{"name":"\\\\u0000"}'))).toEqual({ name: '\\u0000' });
  });
});
