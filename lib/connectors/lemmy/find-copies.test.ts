/** Lemmy copy lookups against a stub server: which requests are sent (and without a login on 1.0), and the mapping. */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { fakeFetch, json } from '../shared/fuzz-pages';
import type { CopyQuery } from '../types';
import { createLemmyConnector } from './connector';
import { caught } from './test-support';

const BASE = 'https://lemmy.example';
const QUERY: CopyQuery = {
  originUri: 'https://origin.example/users/a/statuses/1',
  originUrl: 'https://origin.example/@a/1',
  originMediaUrls: ['https://origin.example/files/a.png'],
  originAccount: { acct: 'a@origin.example', url: null },
};

const view = (id: number, over: { url?: string | null; ap_id?: string; thumb?: string | null } = {}) => ({
  post: {
    id, name: 'p', url: over.url === undefined ? QUERY.originMediaUrls[0] : over.url,
    thumbnail_url: over.thumb === undefined ? `${BASE}/pictrs/image/t${id}.webp` : over.thumb, ap_id: over.ap_id ?? QUERY.originUri,
  },
  creator: { id: 9, name: 'a', actor_id: 'https://origin.example/users/a', local: false },
});

interface Sent { path: string; query: URLSearchParams; auth: boolean }

function server(version: string, answer: (path: string, q: URLSearchParams) => unknown) {
  const sent: Sent[] = [];
  const fetch = fakeFetch((url, init) => {
    const auth = new Headers(init?.headers).has('authorization');
    sent.push({ path: url.pathname, query: url.searchParams, auth });
    if (url.pathname.endsWith('/site')) return json({ version, site_view: { site: { name: 'x' } } });
    const body = answer(url.pathname, url.searchParams);
    return body instanceof Response ? body : json(body);
  });
  return { sent, fetch };
}

const connector = (fetch: ReturnType<typeof server>['fetch'], apiVersion?: 'v3' | 'v4') =>
  createLemmyConnector({ baseUrl: BASE, token: 'eyJjwt.x.y', fetch, sleep: async () => {}, apiVersion });

describe('lemmy findCopies', () => {
  it('0.19: one type_=Url search per file URL, logged in (0.19 search never resolves), mapped to the instance\'s ids', async () => {
    const s = server('0.19.9', () => ({ type_: 'Url', posts: [view(4), view(5, { url: 'https://else.example/x.png', ap_id: 'https://else.example/p/5' })] }));
    const r = await connector(s.fetch).findCopies!(QUERY);
    expect(s.sent.map((x) => x.path)).toEqual(['/api/v3/site', '/api/v3/search']);
    expect(Object.fromEntries(s.sent[1].query)).toMatchObject({ q: QUERY.originMediaUrls[0], type_: 'Url' });
    expect(r).toEqual({
      status: 'checked', checked: expect.stringContaining('1 file address'),
      copies: [{
        postId: 'post:4', postUrl: `${BASE}/post/4`, postUri: QUERY.originUri, mediaId: 'post:4:image', mediaUrl: `${BASE}/pictrs/image/t4.webp`,
        originMediaUrl: QUERY.originMediaUrls[0], account: { remoteId: '9', acct: 'a@origin.example' }, foundBy: 'origin_uri',
      }],
    });
  });

  it('0.19 without a file URL cannot check (only resolve_object finds a post by ap_id, and it fetches)', async () => {
    const s = server('0.19.9', () => ({ posts: [] }));
    const r = await connector(s.fetch).findCopies!({ ...QUERY, originMediaUrls: [] });
    expect(r).toMatchObject({ status: 'cannot_check', reason: expect.stringContaining('0.19') });
    expect(s.sent.map((x) => x.path)).toEqual(['/api/v3/site']);
  });

  it('a v3 connector talking to Lemmy 1.0 switches to the anonymous v4 search (1.0\'s v3 search would resolve, i.e. fetch)', async () => {
    const s = server('1.0.0', (_p, q) => ({ posts: [], resolve: q.get('search_term') === QUERY.originUri ? { type_: 'post', ...view(7, { url: null }) } : null }));
    const r = await connector(s.fetch, 'v3').findCopies!(QUERY);
    const searches = s.sent.filter((x) => x.path.endsWith('/search'));
    expect(searches.map((x) => x.path)).toEqual(['/api/v4/search', '/api/v4/search']);
    expect(searches.every((x) => !x.auth)).toBe(true);
    expect(r).toMatchObject({ status: 'checked', copies: [{ postId: 'post:7', foundBy: 'origin_uri', originMediaUrl: null }] });
  });

  it('v4: at most 3 anonymous searches (origin URI + 2 file URLs), post_url_only and show_nsfw, no /site', async () => {
    const s = server('1.0.0', (_p, q) => ({ posts: q.get('search_term')?.endsWith('b.png') ? [view(8, { url: 'https://origin.example/files/b.png', ap_id: 'https://o/x' })] : [] }));
    const r = await connector(s.fetch, 'v4').findCopies!({ ...QUERY, originMediaUrls: ['https://origin.example/files/a.png', 'https://origin.example/files/b.png', 'https://origin.example/files/c.png'] });
    expect(s.sent).toHaveLength(3);
    expect(s.sent.every((x) => x.path === '/api/v4/search' && !x.auth && x.query.get('post_url_only') === 'true' && x.query.get('show_nsfw') === 'true')).toBe(true);
    expect(r).toMatchObject({ status: 'checked', copies: [{ postId: 'post:8', foundBy: 'media_url' }] });
  });

  it('drops results that are not the item, and keeps one copy per post (the origin-URI match)', async () => {
    const s = server('1.0.0', () => ({
      posts: [view(1, { ap_id: 'https://x.example/p/1', url: 'https://x.example/other.png' }), view(2, { ap_id: 'https://x.example/p/2' })],
      resolve: { type_: 'post', ...view(2) },
    }));
    const r = await connector(s.fetch, 'v4').findCopies!(QUERY);
    expect(r).toMatchObject({ status: 'checked', copies: [{ postId: 'post:2', foundBy: 'origin_uri' }] });
    if (r.status === 'checked') expect(r.copies).toHaveLength(1);
  });

  it('a private 1.0 instance (instance_is_private to anonymous requests) cannot be checked; rate limits stay errors', async () => {
    const priv = server('1.0.0', () => json({ error: 'instance_is_private' }, { status: 400 }));
    expect(await connector(priv.fetch, 'v4').findCopies!(QUERY)).toMatchObject({ status: 'cannot_check', reason: expect.stringContaining('private') });
    const limited = server('1.0.0', () => json({ error: 'rate_limit_error' }, { status: 429 }));
    const e = await caught(() => connector(limited.fetch, 'v4').findCopies!(QUERY));
    expect(isAppError(e) && e.code).toBe('rate_limited');
  });
});
