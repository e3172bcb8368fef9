/** PeerTube copy lookups: video URL parsing (UUID and short UUID), the one DB-only search, and the cannot_check answer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { fakeFetch, hostileValue, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import type { CopyLookupResult, CopyQuery } from '../types';
import { createPeerTubeConnector } from './connector';
import { NOT_A_VIDEO } from './find-copies';
import { shortToUuid, uuidToShort, videoUuidFromUrl } from './video-ref';

const BASE = 'https://tube.example';
const UUID = 'a44521d0-0fb8-4ade-8002-3385545c3318';
const q = (originUri: string | null, originUrl: string | null = null): CopyQuery => ({ originUri, originUrl, originMediaUrls: [], originAccount: null });

function stub(videos: unknown[] | ((search: string) => unknown)) {
  const sent: URL[] = [];
  const fetch = fakeFetch((url) => {
    if (url.pathname === '/api/v1/oauth-clients/local') return json({ client_id: 'c', client_secret: 's' });
    if (url.pathname === '/api/v1/users/token') return json({ access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 3600, refresh_token_expires_in: 99999 });
    sent.push(url);
    return json(typeof videos === 'function' ? videos(url.searchParams.get('search') ?? '') : { total: videos.length, data: videos });
  });
  const connector = createPeerTubeConnector({ baseUrl: BASE, token: JSON.stringify({ username: 'root', password: 'pw' }), fetch, sleep: async () => {} });
  return { sent, connector };
}

const video = (over: Record<string, unknown> = {}) => ({
  id: 12, uuid: UUID, url: `https://origin.example/videos/watch/${UUID}`, name: 'v', thumbnailPath: `/lazy-static/thumbnails/${UUID}.jpg`,
  account: { name: 'al', host: 'origin.example' }, ...over,
});

describe('peertube video references', () => {
  it('reads /videos/watch/, /w/ and /videos/embed/ with a UUID or a short UUID (short-uuid\'s flickr base 58)', () => {
    expect(uuidToShort(UUID)).toBe('mhvXdrZT4jP5T8vBxuvm75'); // the example published with the short-uuid package
    for (const path of [`/videos/watch/${UUID}`, `/w/${UUID.toUpperCase()}`, '/w/mhvXdrZT4jP5T8vBxuvm75', '/videos/embed/mhvXdrZT4jP5T8vBxuvm75']) {
      expect(videoUuidFromUrl(`https://any.example${path}`)).toBe(UUID);
    }
    for (const url of ['https://m.example/@a/1', 'https://m.example/w/', 'ftp://x.example/w/mhvXdrZT4jP5T8vBxuvm75', 'not a url', `https://x.example/w/${'z'.repeat(23)}`, null]) {
      expect(videoUuidFromUrl(url)).toBeNull();
    }
  });

  it('short UUIDs round-trip for any 128-bit value', () => {
    fc.assert(fc.property(fc.uuid(), (u) => shortToUuid(uuidToShort(u)) === u.toLowerCase()));
  });
});

describe('peertube findCopies', () => {
  it('an image post (not a PeerTube video) is cannot_check, without any request', async () => {
    const s = stub([]);
    expect(await s.connector.findCopies!(q('https://m.example/users/a/statuses/1', 'https://m.example/@a/1'))).toEqual({ status: 'cannot_check', reason: NOT_A_VIDEO });
    expect(s.sent).toEqual([]);
  });

  it('a video: one local, non-URL search by UUID (never a URL, never GET /videos/{id}), mapped to this instance\'s ids', async () => {
    const s = stub([video({ id: 3, uuid: '00000000-0000-4000-8000-000000000000' }), video()]);
    const r = await s.connector.findCopies!(q(null, 'https://origin.example/w/mhvXdrZT4jP5T8vBxuvm75'));
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0].pathname).toBe('/api/v1/search/videos');
    expect(Object.fromEntries(s.sent[0].searchParams)).toMatchObject({ search: UUID, searchTarget: 'local', nsfw: 'both' });
    expect(r).toEqual({
      status: 'checked', checked: expect.stringContaining(UUID),
      copies: [{
        postId: 'video-12', postUrl: `${BASE}/w/${UUID}`, postUri: `https://origin.example/videos/watch/${UUID}`, mediaId: '12-thumbnail',
        mediaUrl: `${BASE}/lazy-static/thumbnails/${UUID}.jpg`, originMediaUrl: null, account: { remoteId: 'al@origin.example', acct: 'al@origin.example' }, foundBy: 'origin_uri',
      }],
    });
  });

  it('hostile answers: only AppError is thrown, and a returned copy is always the queried video', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(3), fc.option(hostileValue, { nil: undefined }), async (muts, envelope) => {
        const { raw } = mutate([video(), video({ uuid: '00000000-0000-4000-8000-000000000000' }), video({ thumbnailPath: '/../../etc' })], muts);
        const s = stub(() => (envelope === undefined ? { total: 3, data: raw } : envelope));
        let r: CopyLookupResult | unknown;
        try {
          r = await s.connector.findCopies!(q(`https://origin.example/videos/watch/${UUID}`));
        } catch (e) {
          expect(isAppError(e), String(e)).toBe(true);
          return;
        }
        const res = r as CopyLookupResult;
        if (res.status !== 'checked') throw new Error('expected checked');
        expect(res.copies.length).toBeLessThanOrEqual(1);
        for (const c of res.copies) {
          expect(c.postUrl).toBe(`${BASE}/w/${UUID}`);
          expect(c.postId).toMatch(/^video-\d+$/);
          if (c.mediaUrl) expect(c.mediaUrl.startsWith(`${BASE}/`) && !c.mediaUrl.includes('..')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
