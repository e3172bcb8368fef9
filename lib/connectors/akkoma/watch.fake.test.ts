/** Akkoma watch-list reads (issue 14) against the real fake over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ReadRecord } from '../../../e2e/fakes/mastodon/read-record';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function post(s: AkkomaSetup, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${s.fake.url}/__fake/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function reads(s: AkkomaSetup): Promise<ReadRecord[]> {
  return (await fetch(`${s.fake.url}/__fake/reads`)).json();
}

describe('akkoma watch reads', () => {
  it('reads new public posts after the cursor, keyed by nickname; a malformed post is skipped; an empty page keeps the cursor', async () => {
    setup = await withFakeAkkoma({ reports: 3 });
    const first = await setup.connector.listRecentPosts!({});
    expect(first.newest).not.toBeNull();
    const a = await post(setup, { html: '<p>deal #TradeTest</p>', media: 1, acct: 'seller@far.example' });
    const bad = await post(setup, { html: '<p>bad</p>', malformed: true });
    const c = await post(setup, { html: '<p>lean</p>', lean: true });
    const page = await setup.connector.listRecentPosts!({ since: first.newest });
    expect(page.items.map((p) => p.remoteId)).toEqual([c, a]);
    expect(page.skipped.map((s) => s.remoteId)).toEqual([bad]);
    expect(page.newest).toBe(c);
    expect(page.items[1]).toMatchObject({ tags: ['tradetest'], account: { remoteId: 'seller@far.example', domain: 'far.example' } });
    expect(page.items[1].media).toHaveLength(1);
    expect(await setup.connector.listRecentPosts!({ since: page.newest })).toEqual({ items: [], skipped: [], newest: null });
  });

  it('reads a tag timeline and searches keywords without Elasticsearch, never resolving', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    const tagged = await post(setup, { html: '<p>Cheap WIDGETS</p>', tags: ['tradetest'] });
    await post(setup, { html: '<p>other</p>' });
    expect((await setup.connector.searchPosts!({ kind: 'hashtag', value: 'tradetest' })).items.map((p) => p.remoteId)).toEqual([tagged]);
    const found = await setup.connector.searchPosts!({ kind: 'keyword', value: 'widgets' });
    expect(found.items.map((p) => p.remoteId)).toEqual([tagged]);
    const search = (await reads(setup)).filter((r) => r.path === '/api/v2/search');
    expect(search).toHaveLength(1);
    expect(search[0].query).toMatchObject({ resolve: 'false', type: 'statuses', q: 'widgets' });
  });

  it('never searches a keyword with a URL (Akkoma would fetch it), and the fake records no fetch', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    const e = (await caught(() => setup!.connector.searchPosts!({ kind: 'keyword', value: 'see https://evil.example/x' }))) as AppError;
    expect(e.code).toBe('unsupported');
    expect(await reads(setup)).toEqual([]);
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('gives up with rate_limited when the 429 persists, like listReports', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 100 });
    const e = (await caught(() => setup!.connector.listRecentPosts!({}))) as AppError;
    expect(e.code).toBe('rate_limited');
    expect(setup.sleeps).toHaveLength(3);
  });
});
