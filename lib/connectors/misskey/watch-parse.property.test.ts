/** Property (issue 14): Misskey's note parser never throws on any page, and what it returns is writable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { anyJson, checkPostPage } from '../shared/watch-fuzz';
import { parseNotePage } from './watch-parse';

const BASE = 'https://mk.example';
const aid = (n: number) => `9x${n.toString(36).padStart(8, '0')}`;

function note(i: number) {
  return {
    id: aid(1000 + i), createdAt: '2026-01-05T00:00:00.000Z', userId: aid(i), text: `${SECRET} note #tag${i}`, cw: null, visibility: 'public',
    uri: null, url: null, tags: [`tag${i}`], renoteId: null,
    user: { id: aid(i), username: `user${i}`, host: i % 2 ? 'remote.example' : null, name: null, avatarUrl: null },
    files: [{ id: aid(5000 + i), type: 'image/png', url: `${BASE}/files/${i}`, thumbnailUrl: null, comment: null, isSensitive: false }],
  };
}

describe('Misskey watch note parser (property)', () => {
  it('never throws on arbitrary JSON items', () => {
    fc.assert(fc.property(fc.array(anyJson, { maxLength: 8 }), fc.option(fc.constant(aid(1)), { nil: null }), (raw, since) => {
      checkPostPage(parseNotePage(raw, BASE, since), raw.length);
    }), RUNS);
  });

  it('keeps every untouched note and skips or keeps the mutated ones cleanly', () => {
    const items = Array.from({ length: 6 }, (_, i) => note(i));
    fc.assert(fc.property(mutations(items.length), (muts) => {
      const { raw, touched } = mutate(items, muts);
      const page = parseNotePage(raw, BASE, null);
      checkPostPage(page, raw.length);
      const ids = page.items.map((p) => p.remoteId);
      items.forEach((n, i) => touched.has(i) || expect(ids).toContain(n.id));
    }), RUNS);
  });
});
