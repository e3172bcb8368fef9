/** Property (issue 14): PeerTube's video parser never throws on any page, and what it returns is writable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import type { PostSink } from '../shared/watch-post-items';
import { anyJson, checkPostPage } from '../shared/watch-fuzz';
import { collectVideos } from './watch-parse';

const BASE = 'https://pt.example';

function video(i: number) {
  return {
    id: 10 + i, uuid: `0000000${i}-0000-4000-a000-000000000000`, name: `${SECRET} video ${i}`, truncatedDescription: 'desc',
    publishedAt: `2026-01-0${i + 1}T00:00:00.000Z`, nsfw: false, url: `${BASE}/videos/watch/x${i}`, thumbnailPath: `/lazy-static/thumbnails/${i}.jpg`,
    account: { id: i, name: `user${i}`, host: 'pt.example', displayName: null, avatars: [] },
  };
}

describe('PeerTube watch video parser (property)', () => {
  it('never throws on arbitrary JSON items', () => {
    const since = fc.option(fc.constant({ at: '2026-01-02T00:00:00.000Z', id: 11 }), { nil: null });
    fc.assert(fc.property(fc.array(anyJson, { maxLength: 8 }), since, (raw, cursor) => {
      const sink: PostSink = { items: [], skipped: [] };
      collectVideos(sink, raw, BASE, cursor);
      checkPostPage(sink, raw.length);
    }), RUNS);
  });

  it('keeps every untouched video and handles the mutated ones cleanly', () => {
    const items = Array.from({ length: 6 }, (_, i) => video(i));
    fc.assert(fc.property(mutations(items.length), (muts) => {
      const { raw, touched } = mutate(items, muts);
      const sink: PostSink = { items: [], skipped: [] };
      collectVideos(sink, raw, BASE, null);
      checkPostPage(sink, raw.length);
      const ids = sink.items.map((p) => p.remoteId);
      items.forEach((v, i) => touched.has(i) || expect(ids).toContain(`video-${v.id}`));
    }), RUNS);
  });
});
