/**
 * The team's merged list as a Mastodon-compatible CSV, for other collectives to subscribe to. Read without a
 * session: disabled or a wrong token both answer not_found (nothing says whether a list exists). Public comments
 * only (to-mastodon-csv.ts never writes private comments, source names, or who decided).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { loadMerged } from '../load-merged';
import { toMastodonCsv } from '../to-mastodon-csv';
import { readPublishSettings } from './publish-settings';

function sameToken(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function publishedCsv(token: string | null): Promise<string> {
  const s = await readPublishSettings();
  if (!s.enabled) throw new AppError('not_found', 'blocklist not published');
  if (!s.public && !(token && s.token && sameToken(token, s.token))) throw new AppError('not_found', 'blocklist token missing or wrong');
  const { merged } = await loadMerged();
  return toMastodonCsv(merged.blocks.values());
}
