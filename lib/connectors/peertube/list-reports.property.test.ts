/**
 * Property (issue 8, point 1) for PeerTube's abuse list, paging included: whatever `total` says (negative, odd,
 * fractional, missing, a string), paging ends, and items are kept or skipped as ../shared/fuzz-pages.ts states.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { safeId } from '../shared/parse-remote';
import { checkListing, fakeFetch, hostileValue, json, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { createPeerTubeConnector } from './connector';

const N = 9;
const PAGE = 4;
const BASE = 'https://pt.example';

const account = (n: number, name: string, host: string) => ({
  id: n, name, host, displayName: name, url: `https://${host}/accounts/${name}`, createdAt: '2024-01-01T00:00:00.000Z',
  avatars: [{ path: `/lazy-static/avatars/${n}.png`, width: 48 }],
});

/** AdminAbuse as GET /api/v1/abuses serves it to an admin (PeerTube 7). */
function abuse(i: number) {
  return {
    id: 1000 + i, reason: `${SECRET} report ${i}`, predefinedReasons: ['violentOrRepulsive'],
    reporterAccount: account(10 + i, `reporter${i}`, 'pt.example'), flaggedAccount: account(500 + i, `target${i}`, 'remote.example'),
    state: { id: 1, label: 'Pending' }, moderationComment: '', countReportsForReporter: 1, countReportsForReportee: 1,
    video: {
      id: 300 + i, uuid: `9c9de5e8-0a1e-484a-b099-e80766180a${String(i).padStart(2, '0')}`, name: `${SECRET} video`, nsfw: false, deleted: false,
      blacklisted: false, thumbnailPath: `/lazy-static/thumbnails/${i}.jpg`, channel: { id: 1 },
    },
    comment: null, createdAt: '2026-01-07T08:09:10.000Z', updatedAt: '2026-01-07T08:09:10.000Z',
  };
}

describe('peertube listReports (property)', () => {
  it('pages to the end whatever `total` says, returns untouched abuses writable, and skips the rest cleanly', async () => {
    const items = Array.from({ length: N }, (_, i) => abuse(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), fc.oneof(fc.constant(N), hostileValue), async (muts, total) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createPeerTubeConnector({
          baseUrl: BASE, token: 'access-token', sleep: async () => {},
          fetch: fakeFetch((url) => {
            if (url.pathname !== '/api/v1/abuses') return null;
            const start = Number(url.searchParams.get('start') ?? 0);
            const count = Number(url.searchParams.get('count') ?? 15);
            return json({ total, data: raw.slice(start, start + count) });
          }),
        });
        await checkListing({
          connector, input: { resolved: false, limit: PAGE }, raw, maxPages: Math.ceil(N / PAGE) + 2,
          untouchedIds: items.filter((_, i) => !touched.has(i)).map((r) => String(r.id)), refreshable: safeId,
        });
      }),
      RUNS,
    );
  });
});
