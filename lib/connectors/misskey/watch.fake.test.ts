/** Misskey watch-list reads against the real fake over HTTP: cursor paging, tag and keyword lookups, skips, limits. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { caught, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function post(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/__fake/posts`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const control = (url: string, path: string, body: unknown) => fetch(`${url}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body) });

describe('Misskey listRecentPosts', () => {
  it('returns only notes newer than the cursor, newest first, and an empty page keeps the cursor', async () => {
    setup = await withFake({ reports: 3 });
    const { fake, connector } = setup;
    const first = await connector.listRecentPosts!({ limit: 100 });
    expect(first.newest).not.toBeNull();
    const a = await post(fake.url, { html: 'Buy #Crypto <now>', acct: 'trader@spam.example', media: 1 });
    const b = await post(fake.url, { html: 'second note', tags: ['Pump'] });
    const page = await connector.listRecentPosts!({ since: first.newest });
    expect(page.items.map((p) => p.remoteId)).toEqual([b, a]);
    expect(page.newest).toBe(b);
    const [, pa] = page.items;
    expect(pa.contentHtml).toBe('Buy #Crypto &lt;now&gt;');
    expect(pa.tags).toEqual(['crypto']);
    expect(pa.account).toMatchObject({ acct: 'trader@spam.example', domain: 'spam.example' });
    expect(pa.account.createdAt).toBeUndefined(); // UserLite says nothing about age
    expect(pa.media).toHaveLength(1);
    expect((await fetch(pa.media[0].url)).headers.get('content-type')).toMatch(/^image\//);
    const empty = await connector.listRecentPosts!({ since: page.newest });
    expect(empty).toEqual({ items: [], skipped: [], newest: null });
  });

  it('reads a busy server without gaps: with sinceId Misskey answers the oldest notes after the cursor', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const start = await post(fake.url, { html: 'baseline' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post(fake.url, { html: `n${i}` }));
    const p1 = await connector.listRecentPosts!({ since: start, limit: 2 });
    expect(p1.items.map((p) => p.remoteId)).toEqual([ids[1], ids[0]]);
    const p2 = await connector.listRecentPosts!({ since: p1.newest, limit: 2 });
    expect(p2.items.map((p) => p.remoteId)).toEqual([ids[3], ids[2]]);
  });

  it('skips a malformed note while the rest land, and leaves pure renotes out', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const start = (await connector.listRecentPosts!({})).newest;
    const good = await post(fake.url, { html: 'fine' });
    const bad = await post(fake.url, { html: 'broken', malformed: true });
    const renote = await post(fake.url, { html: '', renoteOf: good });
    const page = await connector.listRecentPosts!({ since: start });
    expect(page.items.map((p) => p.remoteId)).toEqual([good]);
    expect(page.skipped).toEqual([expect.objectContaining({ remoteId: bad, error: expect.any(String) })]);
    expect(page.skipped[0].error).not.toContain('broken');
    expect(page.newest).toBe(renote);
  });

  it('falls back to the local timeline when the global one is closed', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    await control(fake.url, 'watch-settings', { gtl: false });
    const local = await post(fake.url, { html: 'local one' });
    await post(fake.url, { html: 'remote one', acct: 'far@remote.example' });
    const page = await connector.listRecentPosts!({});
    expect(page.items.map((p) => p.remoteId)).toContain(local);
    expect(page.items.every((p) => p.account.domain === null)).toBe(true);
  });

  it('waits out a rate limit like listReports, then gives up with rate_limited when it persists', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector, sleeps } = setup;
    await control(fake.url, 'rate-limit', { remaining: 0, times: 2 });
    await connector.listRecentPosts!({});
    expect(sleeps).toHaveLength(2);
    await control(fake.url, 'rate-limit', { remaining: 0, times: 50 });
    const err = (await caught(() => connector.listRecentPosts!({}))) as AppError;
    expect(err.code).toBe('rate_limited');
  });

  it('reports a refused token as forbidden', async () => {
    setup = await withFake({ reports: 0 }, 'wrong-token');
    // The global timeline needs no login, but Misskey authenticates any token sent (the connector always sends it).
    const err = (await caught(() => setup!.connector.listRecentPosts!({}))) as AppError;
    expect(err.code).toBe('forbidden');
  });
});

describe('Misskey searchPosts', () => {
  it('looks hashtags up with notes/search-by-tag, only newer than the cursor', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const old = await post(fake.url, { html: 'old #pump' });
    const fresh = await post(fake.url, { html: 'fresh #pump', url: 'https://scam.example/x' });
    await post(fake.url, { html: 'other #dump' });
    const all = await connector.searchPosts!({ kind: 'hashtag', value: 'pump' });
    expect(all.items.map((p) => p.remoteId)).toEqual([fresh, old]);
    expect(all.items[0].contentHtml).toContain('https://scam.example/x');
    const since = await connector.searchPosts!({ kind: 'hashtag', value: 'pump', since: old });
    expect(since.items.map((p) => p.remoteId)).toEqual([fresh]);
  });

  it('searches keywords with notes/search, and says clearly when search is off', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const hit = await post(fake.url, { html: 'Guaranteed RETURNS today' });
    expect((await connector.searchPosts!({ kind: 'keyword', value: 'returns' })).items.map((p) => p.remoteId)).toEqual([hit]);
    await control(fake.url, 'watch-settings', { search: false });
    const err = (await caught(() => connector.searchPosts!({ kind: 'keyword', value: 'returns' }))) as AppError;
    expect(err.code).toBe('unsupported');
    expect(err.userMessage).toMatch(/search notes/);
  });
});
