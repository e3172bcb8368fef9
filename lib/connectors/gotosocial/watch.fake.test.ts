/** GoToSocial watch-list reads (issue 14) against the real fake over HTTP. */
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

describe('gotosocial watch reads', () => {
  it('reads new public posts after the cursor (ULIDs), with media, tags and the author; an empty page keeps the cursor', async () => {
    setup = await withFake({ reports: 3 });
    const first = await setup.connector.listRecentPosts!({});
    expect(first.newest).toMatch(/^[0-9A-Z]{26}$/);
    const a = await post(setup, { html: '<p>deal #TradeTest</p>', media: 1, acct: 'seller@far.example' });
    const b = await post(setup, { html: '<p>lean</p>', lean: true });
    const bad = await post(setup, { html: '<p>bad</p>', malformed: true });
    const page = await setup.connector.listRecentPosts!({ since: first.newest });
    expect(page.items.map((p) => p.remoteId)).toEqual([b, a]);
    expect(page.skipped.map((s) => s.remoteId)).toEqual([bad]);
    expect(page.newest).toBe(bad);
    expect(page.items[1]).toMatchObject({ tags: ['tradetest'], account: { acct: 'seller@far.example', domain: 'far.example' } });
    expect(page.items[1].account.email).toBeUndefined();
    expect(page.items[1].media).toHaveLength(1);
    expect(page.items[0].account.createdAt).toBeUndefined();
    expect(await setup.connector.listRecentPosts!({ since: page.newest })).toEqual({ items: [], skipped: [], newest: null });
  });

  it('reads a tag timeline; keyword search is unsupported and never sent', async () => {
    setup = await withFake({ reports: 0 });
    const tagged = await post(setup, { html: '<p>x</p>', tags: ['tradetest'] });
    await post(setup, { html: '<p>y #other</p>' });
    const page = await setup.connector.searchPosts!({ kind: 'hashtag', value: 'tradetest' });
    expect(page.items.map((p) => p.remoteId)).toEqual([tagged]);
    expect(setup.connector.capabilities.watch?.keywordLookup).toBe(false);
    const e = (await caught(() => setup!.connector.searchPosts!({ kind: 'keyword', value: 'widgets' }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('unsupported');
    const reads: ReadRecord[] = await (await fetch(`${setup.fake.url}/__fake/reads`)).json();
    expect(reads.map((r) => r.path)).toEqual(['/api/v1/timelines/tag/:tag_name']);
  });

  it('maps a 429 like listReports', async () => {
    setup = await withFake({ reports: 0, rateLimit: { limit: 300, windowMs: 60 * 60_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0 });
    const e = (await caught(() => setup!.connector.listRecentPosts!({}))) as AppError;
    expect(e.code).toBe('rate_limited');
    expect(typeof e.details?.retryAt).toBe('string');
  });
});
