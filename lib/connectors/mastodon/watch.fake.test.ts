/** Mastodon watch-list reads (issue 14) against the real fake over HTTP: feed, tag timeline, search, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ReadRecord } from '../../../e2e/fakes/mastodon/read-record';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function post(s: FakeSetup, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${s.fake.url}/__fake/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function reads(s: FakeSetup): Promise<ReadRecord[]> {
  return (await fetch(`${s.fake.url}/__fake/reads`)).json();
}

describe('mastodon listRecentPosts', () => {
  it('returns only posts newer than the cursor, newest first, and an empty page keeps the cursor', async () => {
    setup = await withFake({ reports: 4 });
    const first = await setup.connector.listRecentPosts!({});
    expect(first.newest).not.toBeNull();
    const a = await post(setup, { html: '<p>Selling <a href="https://shop.example/x">cheap</a> #TradeTest</p>', media: 2, acct: 'seller@far.example' });
    const b = await post(setup, { html: '<p>plain words</p>', tags: ['Other'] });
    const page = await setup.connector.listRecentPosts!({ since: first.newest });
    expect(page.items.map((p) => p.remoteId)).toEqual([b, a]);
    expect(page.newest).toBe(b);
    const sell = page.items[1];
    expect(sell.tags).toEqual(['tradetest']);
    expect(sell.links).toEqual([]);
    expect(sell.contentHtml).toContain('https://shop.example/x');
    expect(sell.account).toMatchObject({ acct: 'seller@far.example', domain: 'far.example', username: 'seller' });
    expect(typeof sell.account.createdAt).toBe('string');
    expect(sell.media).toHaveLength(2);
    expect(sell.media[0]).toMatchObject({ type: 'image', remoteUrl: expect.stringMatching(/^https:\/\/far\.example\//) });
    expect((await fetch(sell.media[0].url)).headers.get('content-type')).toMatch(/^image\//);
    const empty = await setup.connector.listRecentPosts!({ since: page.newest });
    expect(empty).toEqual({ items: [], skipped: [], newest: null });
    const sent = (await reads(setup)).filter((r) => r.path === '/api/v1/timelines/public');
    expect(sent.map((r) => r.query.since_id)).toEqual([undefined, first.newest, b]);
    expect(sent.every((r) => r.query.limit === '40')).toBe(true);
  });

  it('leaves out unlisted and private posts and caps the page at 40', async () => {
    setup = await withFake({ reports: 0 });
    const hidden = await post(setup, { html: '<p>quiet</p>', visibility: 'unlisted' });
    for (let i = 0; i < 45; i++) await post(setup, { html: `<p>post ${i}</p>` });
    const page = await setup.connector.listRecentPosts!({ limit: 500 });
    expect(page.items).toHaveLength(40);
    expect(page.items.map((p) => p.remoteId)).not.toContain(hidden);
  });

  it('skips a malformed post with its error while the rest land, and accepts a lean one', async () => {
    setup = await withFake({ reports: 0 });
    const lean = await post(setup, { html: '<p>lean #Lean</p>', media: 1, lean: true });
    const broken = await post(setup, { html: '<p>broken</p>', malformed: true });
    const good = await post(setup, { html: '<p>good</p>' });
    const page = await setup.connector.listRecentPosts!({});
    expect(page.items.map((p) => p.remoteId)).toEqual([good, lean]);
    expect(page.skipped).toHaveLength(1);
    expect(page.skipped[0]).toMatchObject({ remoteId: broken, error: expect.stringMatching(/^account: /) });
    expect(page.newest).toBe(good);
    const leanPost = page.items[1];
    expect(leanPost.tags).toEqual([]); // the lean item has no tags list: the watcher reads #Lean from the text
    expect(leanPost.account.createdAt).toBeUndefined(); // unknown, not "null"
    expect(leanPost.account.displayName).toBe('');
    expect(leanPost.media[0].meta).toBeNull();
  });

  it('maps a 429 like listReports: rate_limited with retryAt when the wait is too long', async () => {
    setup = await withFake({ reports: 0, rateLimit: { limit: 300, windowMs: 60 * 60_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0 });
    const e = await caught(() => setup!.connector.listRecentPosts!({}));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('rate_limited');
    expect(typeof (e as AppError).details?.retryAt).toBe('string');
  });

  it('maps a wrong token to forbidden without the token, and rejects a forged cursor', async () => {
    setup = await withFake({ reports: 0 }, 'wrong-token-secret-123');
    const e = (await caught(() => setup!.connector.listRecentPosts!({}))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain('wrong-token-secret-123');
    const forged = (await caught(() => setup!.connector.listRecentPosts!({ since: '../admin' }))) as AppError;
    expect(forged.code).toBe('bad_request');
  });
});

describe('mastodon searchPosts', () => {
  it('reads a hashtag timeline: only tagged posts, newer than the cursor', async () => {
    setup = await withFake({ reports: 0 });
    const tagged = await post(setup, { html: '<p>buy now <a href="https://m/tags/tradetest">#<span>TradeTest</span></a></p>', tags: ['TradeTest'] });
    await post(setup, { html: '<p>nothing here</p>' });
    const page = await setup.connector.searchPosts!({ kind: 'hashtag', value: 'tradetest' });
    expect(page.items.map((p) => p.remoteId)).toEqual([tagged]);
    const later = await post(setup, { html: '<p>again #tradetest</p>' });
    const next = await setup.connector.searchPosts!({ kind: 'hashtag', value: 'tradetest', since: page.newest });
    expect(next.items.map((p) => p.remoteId)).toEqual([later]);
    expect((await reads(setup)).filter((r) => r.path.startsWith('/api/v1/timelines/tag')).map((r) => r.query.hashtag)).toEqual(['tradetest', 'tradetest']);
  });

  it('finds keyword posts only when full-text search is on, and never asks to resolve', async () => {
    setup = await withFake({ reports: 0 });
    await post(setup, { html: '<p>Cheap WIDGETS for sale</p>' });
    const off = await setup.connector.searchPosts!({ kind: 'keyword', value: 'widgets' });
    expect(off).toEqual({ items: [], skipped: [], newest: null });
    await setup.fake.close();
    setup = await withFake({ reports: 0, fullTextSearch: true });
    const hit = await post(setup, { html: '<p>Cheap WIDGETS for sale</p>' });
    await post(setup, { html: '<p>unrelated</p>' });
    const on = await setup.connector.searchPosts!({ kind: 'keyword', value: 'widgets' });
    expect(on.items.map((p) => p.remoteId)).toEqual([hit]);
    const again = await setup.connector.searchPosts!({ kind: 'keyword', value: 'widgets', since: on.newest });
    expect(again.items).toEqual([]);
    const searches = (await reads(setup)).filter((r) => r.path === '/api/v2/search');
    expect(searches).toHaveLength(2);
    for (const r of searches) expect(r.query).toMatchObject({ resolve: 'false', type: 'statuses', q: 'widgets' });
    expect(searches[1].query.min_id).toBe(hit);
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
