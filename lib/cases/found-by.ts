/**
 * How strongly a copy is recognised, strongest first: a byte-identical file beats a shared origin URI, which beats
 * a perceptual near-match. One order for the case index (which hit of a case to report) and the copy upsert (which
 * way a copy found twice keeps). Pure.
 */
import type { CopyFoundBy } from './types';

export const FOUND_BY_ORDER: readonly CopyFoundBy[] = ['sha256', 'md5', 'origin_uri', 'media_url', 'pdq'];

export function foundByRank(f: CopyFoundBy): number {
  return FOUND_BY_ORDER.indexOf(f);
}

export function strongerFoundBy(a: CopyFoundBy, b: CopyFoundBy): CopyFoundBy {
  return foundByRank(a) <= foundByRank(b) ? a : b;
}
