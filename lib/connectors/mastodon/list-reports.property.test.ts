/**
 * Property (issue 8, point 1): whatever a Mastodon server puts in the fields of a report page, the listing
 * completes, good reports land writable, and bad ones are skipped with a one-line reason (../shared/fuzz-pages.ts).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkListing, fakeFetch, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import { createMastodonConnector } from './connector';
import { mastodonReport } from './list-reports.property.fixture';
import { safeId } from './parse-remote';

const N = 8;

describe('mastodon listReports (property)', () => {
  it('completes, returns every untouched report writable, and skips the rest with a clean reason', async () => {
    const items = Array.from({ length: N }, (_, i) => mastodonReport(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), async (muts) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createMastodonConnector({
          baseUrl: 'https://m.example', token: 'tok', sleep: async () => {},
          fetch: fakeFetch((url) => (url.pathname === '/api/v1/admin/reports' ? json(raw) : null)),
        });
        await checkListing({
          connector, input: { resolved: false, limit: 100 }, raw,
          untouchedIds: items.filter((_, i) => !touched.has(i)).map((r) => r.id), refreshable: safeId,
        });
      }),
      RUNS,
    );
  });
});
