/**
 * Test support for the watch-list parser properties (issue 14): arbitrary JSON pages, hostile mutations of valid
 * items (../shared/fuzz-pages.ts), and the check every parsed page must pass: nothing thrown, every post writable
 * as is (the exit check changes nothing), every other item skipped with a short one-line reason free of post text.
 * Only tests import this file (it needs fast-check and vitest).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { SkippedItem } from '../types';
import type { RemotePost } from '../watch-types';
import { hostileValue, SECRET } from './fuzz-pages';
import { MAX_REASON } from './report-items';
import { toWritablePost } from './writable-post';

/** Any JSON value, with hostile strings and numbers mixed in where fast-check would put plain ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostileValue,
    fc.jsonValue(),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('id', 'user', 'post', 'creator', 'account', 'createdAt', 'publishedAt', 'name', 'text', 'files', 'tags', 'uuid'), tie('v'), { maxKeys: 6 }),
  ),
})).v;

export function checkPostPage(page: { items: RemotePost[]; skipped: SkippedItem[] }, rawCount: number): void {
  expect(page.items.length + page.skipped.length).toBeLessThanOrEqual(rawCount);
  for (const post of page.items) {
    const again = toWritablePost(post);
    expect(again.ok && again.post, `post ${post.remoteId} is writable as is`).toEqual(post);
    expect(JSON.stringify(post)).not.toContain('\\u0000');
    if (post.createdAt !== null) expect(new Date(post.createdAt).toISOString()).toBe(post.createdAt);
  }
  for (const s of page.skipped) {
    expect(s.error).not.toMatch(/[\r\n]/);
    expect(s.error.length).toBeGreaterThan(0);
    expect(s.error.length).toBeLessThanOrEqual(MAX_REASON);
    expect(s.error).not.toContain(SECRET);
    expect(JSON.stringify(s.raw ?? null)).not.toContain('\\u0000');
  }
}
