/** Property (issue 8, point 1) for Akkoma's report list, `total` included: see ../shared/fuzz-pages.ts. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkListing, fakeFetch, hostileValue, json, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { createAkkomaConnector } from './connector';
import { safeId } from './parse';

const N = 8;

/** A report as Pleroma/Akkoma's ReportView renders it: merged account views, Mastodon statuses, notes. */
function akkomaReport(i: number) {
  const account = (nickname: string, local: boolean) => ({
    id: `AbC${i}${nickname.replace(/[^a-z0-9]/g, '')}`, username: nickname.split('@')[0], acct: nickname, nickname, display_name: nickname,
    url: `https://ak.example/users/${nickname}`, avatar: 'https://ak.example/images/avi.png', created_at: '2024-01-01T00:00:00.000Z',
    local, is_active: true, deactivated: false, tags: [], roles: { admin: false, moderator: false },
  });
  return {
    id: `ARep${1000 + i}`, state: 'open', account: account(`target${i}@remote.example`, false), actor: account(`reporter${i}`, true),
    content: `${SECRET} report ${i}`, created_at: '2026-01-02T03:04:05.000Z',
    statuses: [{
      id: `ASt${i}`, created_at: '2026-01-01T00:00:00.000Z', sensitive: false, spoiler_text: '', visibility: 'public',
      uri: `https://remote.example/objects/${i}`, url: `https://remote.example/notice/${i}`, content: `<p>${SECRET} post</p>`,
      media_attachments: [{ id: `AMd${i}`, type: 'image', url: `https://ak.example/media/${i}.png`, preview_url: null, remote_url: null, description: null }],
    }],
    notes: [{ id: i + 1, content: 'checked', user: { nickname: 'mod', acct: 'mod' }, created_at: '2026-01-03T00:00:00.000Z' }],
  };
}

describe('akkoma listReports (property)', () => {
  it('completes, returns every untouched report writable, and skips the rest with a clean reason, whatever `total` says', async () => {
    const items = Array.from({ length: N }, (_, i) => akkomaReport(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), fc.oneof(fc.constant(N), hostileValue), async (muts, total) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createAkkomaConnector({
          baseUrl: 'https://ak.example', token: 'tok', sleep: async () => {},
          fetch: fakeFetch((url) => {
            if (url.pathname !== '/api/v1/pleroma/admin/reports') return null;
            // One page holds everything; page 2 (asked for only if `total` claims more) is empty.
            return json({ total, reports: url.searchParams.get('page') === '1' ? raw : [] });
          }),
        });
        await checkListing({
          connector, input: { resolved: false, limit: 50 }, raw, maxPages: 3,
          untouchedIds: items.filter((_, i) => !touched.has(i)).map((r) => r.id), refreshable: safeId,
        });
      }),
      RUNS,
    );
  });
});
