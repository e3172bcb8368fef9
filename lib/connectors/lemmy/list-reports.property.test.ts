/**
 * Property (issue 8, point 1) for Lemmy's report lists, API v3 (three tables) and v4 (one combined list):
 * see ../shared/fuzz-pages.ts. Ids stay numbers bounded like the typed ids, so a listed report can be refreshed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkListing, fakeFetch, json, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { createLemmyConnector } from './connector';
import { parseTypedId } from './report-types';

const N = 8;
const BASE = 'https://lemmy.example';

const person = (id: number, name: string, v4: boolean) => ({
  id, name, display_name: null, avatar: null, banned: false, local: true, deleted: false, bot_account: false, instance_id: 1,
  ...(v4 ? { ap_id: `${BASE}/u/${name}`, published_at: '2025-12-01T00:00:00Z' } : { actor_id: `${BASE}/u/${name}`, published: '2025-12-01T00:00:00Z' }),
});

/** PostReportView (v3: `published`, `actor_id`; v4: `published_at`, `ap_id` and the `type_` tag). */
function postReport(i: number, v4: boolean) {
  const stamp = v4 ? 'published_at' : 'published';
  return {
    ...(v4 ? { type_: 'post', creator_banned: false, creator_is_admin: false } : {}),
    post_report: { id: 100 + i, creator_id: 10 + i, post_id: 300 + i, original_post_name: 'x', reason: `${SECRET} report ${i}`, resolved: false, [stamp]: '2026-01-02T00:00:00Z' },
    post: { id: 300 + i, name: `${SECRET} title`, body: 'body', url: `https://img.example/${i}.png`, thumbnail_url: null, ap_id: `${BASE}/post/${300 + i}`, nsfw: false, [stamp]: '2026-01-01T00:00:00Z' },
    community: { id: 1, name: 'general', title: 'General' },
    creator: person(10 + i, `reporter${i}`, v4),
    post_creator: person(500 + i, `target${i}`, v4),
  };
}

function commentReport(i: number, v4: boolean) {
  const stamp = v4 ? 'published_at' : 'published';
  return {
    ...(v4 ? { type_: 'comment', creator_banned: false } : {}),
    comment_report: { id: 200 + i, creator_id: 10 + i, comment_id: 400 + i, reason: `${SECRET} comment report ${i}`, resolved: false, [stamp]: '2026-01-03T00:00:00Z' },
    comment: { id: 400 + i, content: `${SECRET} comment`, ap_id: `${BASE}/comment/${400 + i}`, [stamp]: '2026-01-01T00:00:00Z' },
    creator: person(10 + i, `reporter${i}`, v4),
    comment_creator: person(600 + i, `ctarget${i}`, v4),
  };
}

const typedId = (raw: { post_report?: { id: number }; comment_report?: { id: number } }) =>
  raw.post_report ? `post:${raw.post_report.id}` : `comment:${raw.comment_report!.id}`;

describe('lemmy listReports (property)', () => {
  it('v3: completes, returns every untouched report writable, and skips the rest with a clean reason', async () => {
    const posts = Array.from({ length: N / 2 }, (_, i) => postReport(i, false));
    const comments = Array.from({ length: N / 2 }, (_, i) => commentReport(i, false));
    const items = [...posts, ...comments];
    await fc.assert(
      fc.asyncProperty(mutations(N), async (muts) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createLemmyConnector({
          baseUrl: BASE, token: 'jwt', sleep: async () => {}, apiVersion: 'v3',
          fetch: fakeFetch((url) => {
            if (url.pathname === '/api/v3/post/report/list') return json({ post_reports: raw.slice(0, N / 2) });
            if (url.pathname === '/api/v3/comment/report/list') return json({ comment_reports: raw.slice(N / 2) });
            if (url.pathname === '/api/v3/private_message/report/list') return json({ private_message_reports: [] });
            return null;
          }),
        });
        await checkListing({
          connector, input: { resolved: false, limit: 50 }, raw,
          untouchedIds: items.filter((_, i) => !touched.has(i)).map(typedId), refreshable: (id) => parseTypedId(id),
        });
      }),
      RUNS,
    );
  });

  it('v4: completes, returns every untouched report writable, and skips the rest with a clean reason', async () => {
    const items = [...Array.from({ length: N / 2 }, (_, i) => postReport(i, true)), ...Array.from({ length: N / 2 }, (_, i) => commentReport(i, true))];
    await fc.assert(
      fc.asyncProperty(mutations(N), async (muts) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createLemmyConnector({
          baseUrl: BASE, token: 'jwt', sleep: async () => {}, apiVersion: 'v4',
          fetch: fakeFetch((url) => (url.pathname === '/api/v4/report/list' ? json({ items: raw, next_page: null }) : null)),
        });
        await checkListing({
          connector, input: { resolved: false, limit: 50 }, raw,
          untouchedIds: items.filter((_, i) => !touched.has(i)).map(typedId), refreshable: (id) => parseTypedId(id),
        });
      }),
      RUNS,
    );
  });
});
