/** Lemmy watch-list reads against the real fake over HTTP, through API v3 (0.19) and v4 (1.0). */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function post(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/__fake/posts`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return `post:${((await res.json()) as { id: number }).id}`;
}

for (const apiVersion of ['v3', 'v4'] as const) {
  describe(`Lemmy watch reads (${apiVersion})`, () => {
    it('returns only posts above the cursor, newest first; an empty page keeps the cursor', async () => {
      setup = await withFakeLemmy({ reports: 4, apiVersion });
      const { fake, connector } = setup;
      const first = await connector.listRecentPosts!({});
      expect(first.newest).toMatch(/^\d+$/);
      const a = await post(fake.url, { html: 'Pump #crypto\nbody <b>x</b>', acct: 'trader@spam.example', url: 'https://scam.example/buy' });
      const b = await post(fake.url, { html: 'Picture', media: 1 });
      const page = await connector.listRecentPosts!({ since: first.newest });
      expect(page.items.map((p) => p.remoteId)).toEqual([b, a]);
      expect(page.newest).toBe(b.slice('post:'.length));
      const pa = page.items[1];
      expect(pa.contentHtml).toBe('<p>Pump #crypto</p><p>body &lt;b&gt;x&lt;/b&gt;</p>');
      expect(pa.links).toEqual(['https://scam.example/buy']);
      expect(pa.tags).toEqual([]);
      // A link post's thumbnail (pict-rs's image of the linked page) is its media, as for a reported post.
      expect(pa.media.map((m) => m.remoteId)).toEqual([`${a}:image`]);
      expect(pa.account).toMatchObject({ acct: 'trader@spam.example', domain: 'spam.example' });
      expect(pa.account.createdAt).toEqual(expect.any(String));
      const pb = page.items[0];
      expect(pb.media).toEqual([expect.objectContaining({ remoteId: `${b}:image`, type: 'image' })]);
      expect((await fetch(pb.media[0].url)).headers.get('content-type')).toBe('image/png');
      expect(await connector.listRecentPosts!({ since: page.newest })).toEqual({ items: [], skipped: [], newest: null });
    });

    it('pages back to the cursor when more posts arrived than one page holds', async () => {
      setup = await withFakeLemmy({ reports: 0, apiVersion });
      const { fake, connector } = setup;
      const start = (await post(fake.url, { html: 'baseline' })).slice('post:'.length);
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) ids.push(await post(fake.url, { html: `post ${i}` }));
      const page = await connector.listRecentPosts!({ since: start, limit: 100 });
      expect(page.items.map((p) => p.remoteId)).toEqual([...ids].reverse());
    });

    it('skips a malformed post while the rest land, and leaves removed posts out', async () => {
      setup = await withFakeLemmy({ reports: 0, apiVersion });
      const { fake, connector } = setup;
      const start = (await post(fake.url, { html: 'baseline' })).slice('post:'.length);
      const good = await post(fake.url, { html: 'fine' });
      const bad = await post(fake.url, { html: 'broken SECRET', malformed: true });
      const removed = await post(fake.url, { html: 'removed' });
      fake.state.posts.get(Number(removed.slice(5)))!.removed = true;
      const page = await connector.listRecentPosts!({ since: start });
      expect(page.items.map((p) => p.remoteId)).toEqual([good]);
      expect(page.skipped).toEqual([expect.objectContaining({ remoteId: bad, error: expect.stringContaining('creator') })]);
      expect(page.skipped[0].error).not.toContain('SECRET');
      expect(page.newest).toBe(removed.slice(5));
    });

    it('searches keywords without the login, so Lemmy never fetches the term', async () => {
      setup = await withFakeLemmy({ reports: 0, apiVersion });
      const { fake, connector } = setup;
      const hit = await post(fake.url, { html: 'Guaranteed returns\nsend coins' });
      await post(fake.url, { html: 'unrelated' });
      const page = await connector.searchPosts!({ kind: 'keyword', value: 'guaranteed' });
      expect(page.items.map((p) => p.remoteId)).toEqual([hit]);
      await connector.searchPosts!({ kind: 'keyword', value: 'https://elsewhere.example/post/1' });
      expect(fake.state.remoteFetches).toEqual([]);
      const err = (await caught(() => connector.searchPosts!({ kind: 'hashtag', value: 'crypto' }))) as AppError;
      expect(err.code).toBe('unsupported');
    });

    it('backs off on a rate limit like listReports and gives up with rate_limited', async () => {
      setup = await withFakeLemmy({ reports: 0, apiVersion });
      const { fake, connector, sleeps } = setup;
      await connector.verify();
      await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 2 }) });
      await connector.listRecentPosts!({});
      expect(sleeps).toHaveLength(2);
      await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 10 }) });
      expect(((await caught(() => connector.listRecentPosts!({}))) as AppError).code).toBe('rate_limited');
    });
  });
}
