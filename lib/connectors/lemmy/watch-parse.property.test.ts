/** Property (issue 14): Lemmy's post-view parser never throws on any page, and what it returns is writable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import type { PostSink } from '../shared/watch-post-items';
import { anyJson, checkPostPage } from '../shared/watch-fuzz';
import { collectViews } from './watch-parse';

function view(i: number, v4: boolean) {
  const at = v4 ? 'published_at' : 'published';
  return {
    post: { id: 100 + i, name: `${SECRET} title ${i}`, body: 'body', url: `https://img.example/${i}.png`, thumbnail_url: null, ap_id: `https://l.example/post/${100 + i}`, nsfw: false, [at]: '2026-01-05T00:00:00Z' },
    creator: { id: i, name: `user${i}`, [v4 ? 'ap_id' : 'actor_id']: `https://l.example/u/user${i}`, local: true, [at]: '2025-01-01T00:00:00Z' },
  };
}

describe('Lemmy watch post parser (property)', () => {
  it('never throws on arbitrary JSON items', () => {
    fc.assert(fc.property(fc.array(anyJson, { maxLength: 8 }), fc.option(fc.nat({ max: 200 }), { nil: null }), (raw, since) => {
      const sink: PostSink = { items: [], skipped: [] };
      collectViews(sink, raw, since);
      checkPostPage(sink, raw.length);
    }), RUNS);
  });

  for (const v4 of [false, true]) {
    it(`keeps every untouched ${v4 ? 'v4' : 'v3'} view and handles the mutated ones cleanly`, () => {
      const items = Array.from({ length: 6 }, (_, i) => view(i, v4));
      fc.assert(fc.property(mutations(items.length), (muts) => {
        const { raw, touched } = mutate(items, muts);
        const sink: PostSink = { items: [], skipped: [] };
        collectViews(sink, raw, null);
        checkPostPage(sink, raw.length);
        const ids = sink.items.map((p) => p.remoteId);
        items.forEach((v, i) => touched.has(i) || expect(ids).toContain(`post:${v.post.id}`));
      }), RUNS);
    });
  }
});
