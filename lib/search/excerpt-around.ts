/**
 * A one-line plain-text excerpt that shows the match: remote text (comments, posts, notes) flattened like the queue's
 * excerpts (control and bidi characters dropped), then cut to a window around the first case-insensitive hit.
 */
import { excerpt } from '@/lib/queue/excerpt';

export function excerptAround(text: string, q: string, max = 160): string {
  const flat = excerpt(text ?? '', Number.MAX_SAFE_INTEGER);
  if (flat.length <= max) return flat;
  const at = q ? flat.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (at < 0) return excerpt(flat, max);
  const start = Math.max(0, Math.min(at - Math.floor((max - q.length) / 3), flat.length - max));
  const end = Math.min(flat.length, start + max);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
