/**
 * Property: whatever a hostile Lemmy answers to the copy searches (v3 and v4), findCopies either returns copies or
 * throws an AppError, and every copy it returns IS the queried item on this instance: its ap_id equals the origin
 * URI (foundBy origin_uri) or its url equals a queried file URL (media_url), with ids and page URL of this instance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { fakeFetch, hostileValue, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import type { CopyLookupResult, CopyQuery } from '../types';
import { createLemmyConnector } from './connector';

const BASE = 'https://lemmy.example';
const QUERY: CopyQuery = {
  originUri: 'https://origin.example/users/a/statuses/1',
  originUrl: null,
  originMediaUrls: ['https://origin.example/files/a.png'],
  originAccount: null,
};

const person = (v4: boolean) => ({ id: 9, name: 'a', local: false, ...(v4 ? { ap_id: 'https://origin.example/users/a' } : { actor_id: 'https://origin.example/users/a' }) });
const view = (id: number, v4: boolean, match: 'uri' | 'url' | 'none') => ({
  post: {
    id, name: 'p', thumbnail_url: `${BASE}/pictrs/image/${id}.webp`,
    url: match === 'url' ? QUERY.originMediaUrls[0] : 'https://other.example/x.png',
    ap_id: match === 'uri' ? QUERY.originUri : `https://other.example/post/${id}`,
  },
  creator: person(v4),
  community: { id: 1, name: 'c' },
});

async function run(v4: boolean, items: unknown[], resolve: unknown, envelope: unknown): Promise<CopyLookupResult | unknown> {
  const fetch = fakeFetch((url) => {
    if (url.pathname === '/api/v3/site') return json({ version: '0.19.9' });
    if (envelope !== undefined) return json(envelope);
    return json(v4 ? { posts: items, resolve } : { type_: 'Url', posts: items });
  });
  const c = createLemmyConnector({ baseUrl: BASE, token: 'eyJjwt.x.y', fetch, sleep: async () => {}, apiVersion: v4 ? 'v4' : 'v3' });
  try {
    return await c.findCopies!(QUERY);
  } catch (e) {
    return e;
  }
}

function assertSound(r: unknown): void {
  if (!(r && typeof r === 'object' && 'status' in r)) {
    expect(isAppError(r), String(r)).toBe(true);
    return;
  }
  const res = r as CopyLookupResult;
  if (res.status !== 'checked') return;
  for (const c of res.copies) {
    expect(c.postId).toMatch(/^post:\d{1,12}$/);
    expect(c.postUrl).toBe(`${BASE}/post/${c.postId!.slice(5)}`);
    if (c.foundBy === 'origin_uri') expect(c.postUri).toBe(QUERY.originUri);
    else expect(c.originMediaUrl).toBe(QUERY.originMediaUrls[0]);
  }
  expect(new Set(res.copies.map((c) => c.postId)).size).toBe(res.copies.length);
}

describe('lemmy findCopies: hostile search answers', () => {
  it('never throws anything but AppError and never returns a copy that is not the item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), mutations(4), fc.option(hostileValue, { nil: undefined }), fc.boolean(), async (v4, muts, envelope, hostileEnvelope) => {
        const items = [view(1, v4, 'uri'), view(2, v4, 'url'), view(3, v4, 'none'), { type_: 'post', ...view(4, v4, 'uri') }];
        const { raw } = mutate(items, muts);
        const r = await run(v4, raw.slice(0, 3), raw[3], hostileEnvelope ? envelope : undefined);
        assertSound(r);
      }),
      RUNS,
    );
  });
});
