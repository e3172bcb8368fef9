/**
 * `auto`: which of the three formats a list is, from its first lines. JSON starts with "[". A CSV export starts
 * with its "#domain,..." header, or (the older headerless form) has commas in its rows; a plain list has neither.
 */
import type { DetectedFormat } from '@/lib/blocklists/types';

const LOOK_AT_LINES = 50;

export function detectFormat(text: string): DetectedFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('[') || body.startsWith('{')) return 'mastodon_json';
  let looked = 0;
  for (const raw of body.split(/\r\n|\r|\n/, 1000)) {
    const line = raw.trim();
    if (line === '') continue;
    if (looked === 0 && /^#?\s*domain\s*(,|$)/i.test(line)) return 'mastodon_csv';
    if (++looked > LOOK_AT_LINES) break;
    if (line.startsWith('#')) continue;
    if (line.includes(',')) return 'mastodon_csv';
  }
  return 'plain';
}
