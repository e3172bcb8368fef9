/**
 * The plain Video as PeerTube's lists and searches send it (issue 14, watch lists): serializeVideo plus the dates
 * and the description shortened to 250 characters (truncatedDescription; `description` is the same shortened text
 * on older versions and null when there is none). Tags and support text are VideoDetails only, so they are absent.
 */
import type { FakeVideo } from './entities';
import { serializeVideo } from './serialize';
import type { FakePeerTubeState } from './state';

const EPOCH = Date.parse('2025-12-01T00:00:00Z');

/** Seeded videos have no publishing time: one derived from the id keeps them in creation order. */
export function publishedAt(v: FakeVideo): string {
  return v.publishedAt ?? new Date(EPOCH + v.id * 60_000).toISOString();
}

export function serializeListedVideo(state: FakePeerTubeState, v: FakeVideo): Record<string, unknown> {
  const short = v.description ? (v.description.length > 250 ? `${v.description.slice(0, 247)}...` : v.description) : null;
  const out: Record<string, unknown> = {
    ...serializeVideo(state, v), shortUUID: v.uuid.replace(/-/g, '').slice(0, 22), publishedAt: publishedAt(v), createdAt: publishedAt(v),
    description: short,
  };
  // Leaner items, as real ones are: no truncatedDescription key when there is no description.
  if (short) out.truncatedDescription = short;
  if (v.malformed) delete out.account;
  return out;
}

/** Newest first by publishing time (then id), as sort=-publishedAt orders them; other sorts the fake does not model. */
export function byPublished(a: FakeVideo, b: FakeVideo): number {
  return publishedAt(b).localeCompare(publishedAt(a)) || b.id - a.id;
}
