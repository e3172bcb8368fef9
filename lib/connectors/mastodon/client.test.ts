import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { FetchLike } from '../types';
import { MastodonClient } from './client';
import { createMastodonConnector } from './connector';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const TOKEN = 'tok_SECRET_0123456789abcdef';

/** A scripted fetch: each call takes the next response; records the requests. */
function scripted(responses: Array<() => Response>) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    return next();
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function client(fetch: FetchLike, sleeps: number[] = []) {
  return new MastodonClient({ baseUrl: 'https://m.example/', token: TOKEN, fetch, sleep: async (ms) => { sleeps.push(ms); }, random: () => 0 });
}

describe('mastodon client: rate limits and retries', () => {
  it('waits per X-RateLimit-Reset on 429 and then succeeds (against the fake)', async () => {
    setup = await withFake({ reports: 5, rateLimit: { limit: 300, windowMs: 2_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 2 });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.length).toBeGreaterThan(0);
    expect(setup.sleeps).toHaveLength(2);
    // Reset is at most one window (2 s) away, measured on the server clock (Date has 1 s resolution).
    for (const ms of setup.sleeps) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(3_250);
    }
  });

  it('gives AppError rate_limited after the bounded number of attempts', async () => {
    setup = await withFake({ reports: 5, rateLimit: { limit: 300, windowMs: 2_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 50 });
    const err = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('rate_limited');
    expect((err as AppError).details?.remoteError).toBe('Too many requests');
    expect((err as AppError).details?.retryAt).toEqual(expect.any(String));
    expect(setup.sleeps).toHaveLength(3); // 4 attempts
  });

  it('does not sleep through a reset further away than maxWaitMs', async () => {
    setup = await withFake({ reports: 5 }); // the default window is 5 minutes
    setup.fake.state.rateLimiter.force({ remaining: 0 });
    const err = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect((err as AppError).code).toBe('rate_limited');
    expect(setup.sleeps).toEqual([]);
  });

  it('pauses before the next request when Remaining hits 0', async () => {
    const reset = new Date(Date.now() + 1_500).toISOString();
    const { fetch, calls } = scripted([
      json(200, [], { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
      json(200, []),
    ]);
    const sleeps: number[] = [];
    const c = client(fetch, sleeps);
    await c.get('/api/v1/admin/reports');
    await c.get('/api/v1/admin/reports');
    expect(calls).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(500);
    expect(sleeps[0]).toBeLessThanOrEqual(1_500);
  });

  it('retries 5xx with exponential backoff and honours Retry-After', async () => {
    const { fetch, calls } = scripted([
      json(503, { error: 'busy' }),
      json(502, { error: 'busy' }, { 'retry-after': '3' }),
      json(200, { ok: 1 }),
    ]);
    const sleeps: number[] = [];
    const res = await client(fetch, sleeps).get('/x');
    expect(res.data).toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 3_000]);
  });

  it('gives remote_error with the remote text after exhausting 5xx retries', async () => {
    const { fetch } = scripted(Array.from({ length: 4 }, () => json(500, { error: 'Kaboom' })));
    const sleeps: number[] = [];
    const err = await caught(() => client(fetch, sleeps).get('/x'));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).details).toMatchObject({ status: 500, remoteError: 'Kaboom' });
    expect(sleeps).toEqual([500, 1_000, 2_000]);
  });

  it('maps network failures to remote_unreachable, retrying reads but not writes', async () => {
    const failing: FetchLike = async () => { throw new TypeError('fetch failed'); };
    const sleeps: number[] = [];
    const read = await caught(() => client(failing, sleeps).get('/x'));
    expect((read as AppError).code).toBe('remote_unreachable');
    expect(sleeps).toHaveLength(3);
    const writeSleeps: number[] = [];
    const write = await caught(() => client(failing, writeSleeps).post('/x', { a: 1 }));
    expect((write as AppError).code).toBe('remote_unreachable');
    expect(writeSleeps).toEqual([]);
  });

  it('passes policy refusals from the injected safe fetch through unchanged, without retrying', async () => {
    const blocked: FetchLike = async () => { throw new AppError('ssrf_blocked', 'address 10.0.0.1 is private'); };
    const sleeps: number[] = [];
    const err = await caught(() => client(blocked, sleeps).get('/x'));
    expect((err as AppError).code).toBe('ssrf_blocked');
    expect(sleeps).toEqual([]);
  });

  it('maps a timeout to remote_unreachable', async () => {
    const hang: FetchLike = (_url, init) => new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
    });
    const c = new MastodonClient({ baseUrl: 'https://m.example', token: TOKEN, fetch: hang, timeoutMs: 50, maxAttempts: 1 });
    const err = await caught(() => c.get('/x'));
    expect((err as AppError).code).toBe('remote_unreachable');
    expect((err as AppError).message).toMatch(/timed out/);
  });

  it('sends the bearer token, form bodies with key[] arrays, and no redirects', async () => {
    const { fetch, calls } = scripted([json(200, {})]);
    await client(fetch).put('/api/v1/admin/reports/1', { category: 'violation', rule_ids: ['1', '2'], skip: undefined });
    const init = calls[0].init!;
    expect(calls[0].url).toBe('https://m.example/api/v1/admin/reports/1');
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(init.body).toBe('category=violation&rule_ids%5B%5D=1&rule_ids%5B%5D=2');
    expect(init.redirect).toBe('manual');
  });
});

describe('mastodon client: the token never leaks into errors', () => {
  const serialize = (e: unknown) => {
    const err = e as AppError;
    return JSON.stringify({ message: err.message, userMessage: err.userMessage, details: err.details, stack: err.stack, cause: String(err.cause) });
  };

  it('redacts a token echoed back by the server and keeps it out of every error', async () => {
    const errors: unknown[] = [];
    const echo = (status: number) => json(status, { error: `invalid token ${TOKEN} for you` });
    for (const status of [401, 403, 404, 422, 500]) {
      const { fetch } = scripted(Array.from({ length: 4 }, () => echo(status)()).map((r) => () => r));
      errors.push(await caught(() => client(fetch).get('/x')));
    }
    const boom: FetchLike = async () => { throw new Error(`connect ECONNREFUSED with ${TOKEN}`); };
    errors.push(await caught(() => client(boom).post('/x')));
    for (const e of errors) {
      expect(e).toBeInstanceOf(AppError);
      expect(serialize(e)).not.toContain(TOKEN);
    }
    expect((errors[0] as AppError).details?.remoteError).toBe('invalid token [redacted] for you');
  });

  it('keeps the token out of errors from the fake (wrong token, forbidden, rate limited, 422)', async () => {
    setup = await withFake({ reports: 3, token: 'fake-token-should-never-leak' });
    const wrong = createMastodonConnector({ baseUrl: setup.fake.url, token: 'wrong-token-also-secret', fetch: globalThis.fetch });
    const errors = [await caught(() => wrong.listReports({ resolved: false }))];
    await setup.connector.perform({ kind: 'domain.block', domain: 'x.test', severity: 'noop', rejectMedia: false, rejectReports: false, obfuscate: false });
    errors.push(await caught(() => setup!.connector.perform({ kind: 'domain.block', domain: 'x.test', severity: 'noop', rejectMedia: false, rejectReports: false, obfuscate: false })));
    setup.fake.state.rateLimiter.force({ remaining: 0 });
    errors.push(await caught(() => setup!.connector.getReport('1')));
    for (const e of errors) {
      expect(serialize(e)).not.toContain('fake-token-should-never-leak');
      expect(serialize(e)).not.toContain('wrong-token-also-secret');
    }
    expect((errors[0] as AppError).code).toBe('forbidden');
    expect((errors[0] as AppError).details?.remoteError).toBe('The access token is invalid');
  });
});
