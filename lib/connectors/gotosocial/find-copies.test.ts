import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { CopyQuery, FetchLike } from '../types';
import { createGoToSocialConnector } from './connector';

const ORIGIN_URI = 'https://origin.example/users/alice/statuses/1';
const FILE = 'https://origin.example/media/a.png';
const QUERY: CopyQuery = {
  originUri: ORIGIN_URI,
  originUrl: 'https://origin.example/@alice/1',
  originMediaUrls: [FILE],
  originAccount: { acct: 'alice@origin.example', url: null },
};

function stub(answer: (url: URL) => { status: number; body: unknown }) {
  const calls: URL[] = [];
  const fetch: FetchLike = async (url) => {
    const u = new URL(url);
    calls.push(u);
    const a = answer(u);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  };
  return { connector: createGoToSocialConnector({ baseUrl: 'https://g.example', token: 'tok', fetch, sleep: async () => {} }), calls };
}

const ID = '01HX0000000000000000000001';
const found = (uri: string) => ({
  id: ID, uri, url: 'https://origin.example/@alice/1', account: { id: '01HX0000000000000000000002', username: 'alice', acct: 'alice@origin.example' },
  media_attachments: [{ id: '01HX0000000000000000000003', type: 'image', url: `https://g.example/fileserver/x/attachment/original/a.png`, remote_url: FILE }],
});

describe('gotosocial findCopies (stub server)', () => {
  it('one search by the origin URI with resolve=false, type=statuses; maps the status', async () => {
    const { connector, calls } = stub(() => ({ status: 200, body: { accounts: [], statuses: [found(ORIGIN_URI)], hashtags: [] } }));
    const result = await connector.findCopies!(QUERY);
    expect(result).toMatchObject({
      status: 'checked',
      copies: [{ postId: ID, postUri: ORIGIN_URI, mediaId: '01HX0000000000000000000003', originMediaUrl: FILE, foundBy: 'origin_uri' }],
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].pathname).toBe('/api/v2/search');
    expect(Object.fromEntries(calls[0].searchParams)).toMatchObject({ q: ORIGIN_URI, resolve: 'false', type: 'statuses' });
  });

  it('ignores a status the server returns that is not the origin post', async () => {
    const { connector } = stub(() => ({ status: 200, body: { statuses: [{ ...found('https://other.example/s/1'), media_attachments: [] }] } }));
    expect(await connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
  });

  it('searches by the web URL when the ActivityPub id is unknown', async () => {
    const { connector, calls } = stub(() => ({ status: 200, body: { statuses: [found(ORIGIN_URI)] } }));
    const result = await connector.findCopies!({ ...QUERY, originUri: null });
    expect(calls[0].searchParams.get('q')).toBe(QUERY.originUrl);
    expect(result).toMatchObject({ status: 'checked', copies: [{ postId: ID, foundBy: 'origin_uri' }] });
  });

  it('cannot check without the origin post, and asks nothing', async () => {
    const { connector, calls } = stub(() => ({ status: 500, body: {} }));
    expect((await connector.findCopies!({ ...QUERY, originUri: null, originUrl: null })).status).toBe('cannot_check');
    expect(calls).toHaveLength(0);
  });

  it('a scope error is an AppError', async () => {
    const { connector } = stub(() => ({ status: 403, body: { error: 'Forbidden: token has insufficient scope permission; required read:search' } }));
    await expect(connector.findCopies!(QUERY)).rejects.toBeInstanceOf(AppError);
  });
});

const hostileString = fc.oneof(fc.string(), fc.constant(ORIGIN_URI), fc.constant(FILE), fc.constant(`${ORIGIN_URI}\u0000`), fc.constant('y'.repeat(50_000)));
const hostile = fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.anything(), { maxLength: 3 }));
const hostileStatus = fc.oneof(hostile, fc.record({
  id: fc.oneof(fc.constant(ID), hostile), uri: hostile, url: hostile,
  account: fc.oneof(hostile, fc.record({ id: hostile, username: hostile, acct: hostile }, { requiredKeys: [] })),
  media_attachments: fc.oneof(hostile, fc.array(fc.record({ id: hostile, type: hostile, url: hostile, remote_url: hostile }, { requiredKeys: [] }), { maxLength: 3 })),
}, { requiredKeys: [] }));

describe('gotosocial findCopies: hostile payloads (property)', () => {
  it('never throws anything but AppError, and every copy provably matches the query', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(hostile, fc.record({ statuses: fc.oneof(hostile, fc.array(hostileStatus, { maxLength: 5 })) }, { requiredKeys: [] })),
      async (body) => {
        const { connector } = stub(() => ({ status: 200, body }));
        try {
          const result = await connector.findCopies!(QUERY);
          if (result.status !== 'checked') return;
          for (const copy of result.copies) {
            if (copy.foundBy === 'origin_uri') expect(copy.postUri).toBe(ORIGIN_URI);
            else expect(QUERY.originMediaUrls).toContain(copy.originMediaUrl);
            for (const v of [copy.postUrl, copy.postUri, copy.mediaUrl, copy.originMediaUrl, copy.account?.acct]) {
              if (v) expect(v.includes('\u0000') || v.length > 2048).toBe(false);
            }
          }
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      },
    ), { numRuns: 300 });
  });
});
