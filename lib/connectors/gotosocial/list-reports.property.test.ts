/** Property (issue 8, point 1) for GoToSocial's Mastodon-shaped report list: see ../shared/fuzz-pages.ts. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { mastodonReport } from '../mastodon/list-reports.property.fixture';
import { checkListing, fakeFetch, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import { createGoToSocialConnector } from './connector';
import { safeId } from './parse-remote';

const N = 8;
const ulid = (n: number) => `01J${String(n).padStart(23, '0')}`;

/** GoToSocial's admin report: Mastodon's shape with ULID ids and its action_taken_comment. */
function gtsReport(i: number) {
  const r = mastodonReport(i);
  return {
    ...r, id: ulid(1000 + i), action_taken_comment: null,
    account: { ...r.account, id: ulid(10 + i), email: '' }, target_account: { ...r.target_account, id: ulid(500 + i), email: '' },
    statuses: r.statuses.map((s) => ({ ...s, id: ulid(90000 + i), media_attachments: s.media_attachments.map((m) => ({ ...m, id: ulid(70000 + i) })) })),
  };
}

describe('gotosocial listReports (property)', () => {
  it('completes, returns every untouched report writable, and skips the rest with a clean reason', async () => {
    const items = Array.from({ length: N }, (_, i) => gtsReport(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), async (muts) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createGoToSocialConnector({
          baseUrl: 'https://gts.example', token: 'tok', sleep: async () => {},
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
