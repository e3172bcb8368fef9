/** findCopies on Akkoma against a stub server: which endpoints it asks, what it maps, and what it never calls. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { fakeFetch, json } from '../shared/fuzz-pages';
import type { CopyQuery } from '../types';
import { createAkkomaConnector } from './connector';

const BASE = 'https://ak.example';
const ORIGIN_URI = 'https://spreader.test/users/spreader/statuses/1';
const ORIGIN_FILE = 'https://spreader.test/media/1.png';
const QUERY: CopyQuery = { originUri: ORIGIN_URI, originUrl: null, originMediaUrls: [ORIGIN_FILE], originAccount: { acct: 'spreader@spreader.test', url: null } };

const account = { id: 'AC1', username: 'spreader', acct: 'spreader@spreader.test' };
const attachment = (id: string, remote: string | null) => ({ id, type: 'image', url: `${BASE}/proxy/${id}`, remote_url: remote });
const status = (id: string, uri: string, media: unknown[]) => ({ id, uri, url: uri, account, media_attachments: media });

function connectorWith(route: (url: URL) => Response | null) {
  const calls: string[] = [];
  const connector = createAkkomaConnector({
    baseUrl: BASE, token: 'tok', sleep: async () => {},
    fetch: fakeFetch((url) => {
      calls.push(url.pathname + url.search);
      return route(url);
    }),
  });
  return { connector, calls };
}

const users = (list: unknown[]) => json({ users: list, count: list.length, page_size: 50 });

describe('Akkoma findCopies', () => {
  it('finds the origin post and a re-post of the same file through the account\'s FlakeId', async () => {
    const { connector, calls } = connectorWith((url) => {
      if (url.pathname === '/api/v1/pleroma/admin/users') return users([{ id: 'X1', nickname: 'spreader@spreader.test.evil' }, { id: 'AbC9', nickname: 'Spreader@spreader.test' }]);
      if (url.pathname === '/api/v1/pleroma/admin/users/AbC9/statuses') {
        return json({ total: 3, activities: [
          status('S3', 'https://spreader.test/other', [attachment('M9', 'https://elsewhere/x.png')]),
          status('S2', 'https://spreader.test/again', [attachment('M2', ORIGIN_FILE)]),
          status('S1', ORIGIN_URI, [attachment('M0', null), attachment('M1', ORIGIN_FILE)]),
        ] });
      }
      return null;
    });
    const result = await connector.findCopies!(QUERY);
    expect(result).toEqual({ status: 'checked', checked: expect.stringContaining('spreader@spreader.test'), copies: [
      { postId: 'S2', postUrl: `${BASE}/notice/S2`, postUri: 'https://spreader.test/again', mediaId: 'M2', mediaUrl: `${BASE}/proxy/M2`, originMediaUrl: ORIGIN_FILE,
        account: { remoteId: 'Spreader@spreader.test', acct: 'spreader@spreader.test' }, foundBy: 'media_url' },
      { postId: 'S1', postUrl: `${BASE}/notice/S1`, postUri: ORIGIN_URI, mediaId: 'M1', mediaUrl: `${BASE}/proxy/M1`, originMediaUrl: ORIGIN_FILE,
        account: { remoteId: 'Spreader@spreader.test', acct: 'spreader@spreader.test' }, foundBy: 'origin_uri' },
    ] });
    expect(calls).toEqual([
      '/api/v1/pleroma/admin/users?query=spreader%40spreader.test&filters=external&page=1&page_size=50',
      '/api/v1/pleroma/admin/users/AbC9/statuses?godmode=true&with_reblogs=false&page=1&page_size=100',
    ]);
  });

  it('stops after one request when the account is unknown here, and never asks by nickname or search', async () => {
    const { connector, calls } = connectorWith((url) => (url.pathname === '/api/v1/pleroma/admin/users' ? users([]) : null));
    expect(await connector.findCopies!(QUERY)).toEqual({ status: 'checked', copies: [], checked: expect.any(String) });
    expect(calls).toHaveLength(1);
  });

  it('accepts the older bare-list status answer', async () => {
    const { connector } = connectorWith((url) =>
      url.pathname.endsWith('/statuses') ? json([status('S1', ORIGIN_URI, [])]) : users([{ id: 'A1', nickname: 'spreader@spreader.test' }]));
    const result = await connector.findCopies!(QUERY);
    expect(result.status === 'checked' && result.copies.map((c) => [c.postId, c.mediaId, c.foundBy])).toEqual([['S1', null, 'origin_uri']]);
  });

  it('cannot check without the origin account, and asks nothing', async () => {
    const { connector, calls } = connectorWith(() => null);
    const result = await connector.findCopies!({ ...QUERY, originAccount: null });
    expect(result).toEqual({ status: 'cannot_check', reason: expect.stringContaining('search fetches') });
    expect(calls).toEqual([]);
  });

  it('surfaces a refused token as forbidden', async () => {
    const { connector } = connectorWith(() => json({ error: 'Insufficient permissions: admin:read:accounts.' }, { status: 403 }));
    const err = await connector.findCopies!(QUERY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
  });
});
