/** PeerTube watch-list reads against the real fake over HTTP: cursor paging, tag and keyword search, skips, limits. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function post(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/__fake/posts`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return `video-${((await res.json()) as { id: number }).id}`;
}

describe('PeerTube listRecentPosts', () => {
  it('returns only videos past the cursor, newest first; an empty page keeps the cursor', async () => {
    setup = await withFakePeerTube({ reports: 4 });
    const { fake, connector } = setup;
    const first = await connector.listRecentPosts!({});
    expect(first.newest).toMatch(/^\d{4}-.*Z\|\d+$/);
    expect(first.items.length).toBeGreaterThan(0);
    const a = await post(fake.url, { html: 'Get rich #crypto\nsee <here>', acct: 'trader@spam.example', url: 'https://scam.example/pay' });
    const b = await post(fake.url, { html: 'Plain video' });
    const page = await connector.listRecentPosts!({ since: first.newest });
    expect(page.items.map((p) => p.remoteId)).toEqual([b, a]);
    const pa = page.items[1];
    expect(pa.contentHtml).toBe('<p>Get rich #crypto</p><p>see &lt;here&gt;</p>');
    expect(pa.tags).toEqual([]); // lists carry no tags (VideoDetails only)
    expect(pa.account).toMatchObject({ acct: 'trader@spam.example', domain: 'spam.example' });
    expect(pa.media.map((m) => m.remoteId)).toEqual([`${a.slice(6)}-thumbnail`, `${a.slice(6)}-preview`]);
    expect((await fetch(pa.media[0].url)).headers.get('content-type')).toMatch(/^image\//);
    expect(await connector.listRecentPosts!({ since: page.newest })).toEqual({ items: [], skipped: [], newest: null });
  });

  it('pages back to the cursor when more videos arrived than one page holds', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { fake, connector } = setup;
    await post(fake.url, { html: 'baseline' });
    const start = (await connector.listRecentPosts!({ limit: 1 })).newest;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await post(fake.url, { html: `video ${i}` }));
    const page = await connector.listRecentPosts!({ since: start, limit: 300 });
    expect(page.items.map((p) => p.remoteId)).toEqual([...ids].reverse());
  });

  it('skips a malformed video while the rest land', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { fake, connector } = setup;
    await post(fake.url, { html: 'baseline' });
    const start = (await connector.listRecentPosts!({ limit: 1 })).newest;
    const good = await post(fake.url, { html: 'fine' });
    const bad = await post(fake.url, { html: 'broken SECRET', malformed: true });
    const page = await connector.listRecentPosts!({ since: start });
    expect(page.items.map((p) => p.remoteId)).toEqual([good]);
    expect(page.skipped).toEqual([expect.objectContaining({ remoteId: bad, error: expect.stringContaining('account') })]);
    expect(page.skipped[0].error).not.toContain('SECRET');
  });

  it('backs off on 429 like listReports and gives up with rate_limited', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { fake, connector, sleeps } = setup;
    await connector.verify();
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 2 }) });
    await connector.listRecentPosts!({});
    expect(sleeps).toHaveLength(2);
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 10 }) });
    expect(((await caught(() => connector.listRecentPosts!({}))) as AppError).code).toBe('rate_limited');
  });
});

describe('PeerTube searchPosts', () => {
  it('looks tags up with tagsOneOf, only past the cursor', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { fake, connector } = setup;
    const old = await post(fake.url, { html: 'Old one', tags: ['pump'] });
    const fresh = await post(fake.url, { html: 'Fresh one', tags: ['Pump'] });
    await post(fake.url, { html: 'Other', tags: ['dump'] });
    const all = await connector.searchPosts!({ kind: 'hashtag', value: 'pump' });
    expect(all.items.map((p) => p.remoteId)).toEqual([fresh, old]);
    const since = await connector.searchPosts!({ kind: 'hashtag', value: 'pump', since: all.newest });
    expect(since).toEqual({ items: [], skipped: [], newest: null });
  });

  it('searches keywords in titles locally and never sends an address PeerTube would fetch', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { fake, connector } = setup;
    const hit = await post(fake.url, { html: 'Guaranteed RETURNS' });
    expect((await connector.searchPosts!({ kind: 'keyword', value: 'returns' })).items.map((p) => p.remoteId)).toEqual([hit]);
    const err = (await caught(() => connector.searchPosts!({ kind: 'keyword', value: 'https://elsewhere.example/w/x' }))) as AppError;
    expect(err.code).toBe('unsupported');
    expect(fake.state.remoteFetches).toEqual([]);
  });
});
