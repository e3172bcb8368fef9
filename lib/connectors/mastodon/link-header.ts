/**
 * Link header parsing and opaque cursors. A cursor keeps only Mastodon's id parameters (max_id, min_id,
 * since_id), each digits-only: the host and path in a remote Link header are never followed, so a hostile
 * server cannot steer the next request (and the token) elsewhere.
 */
import { z } from 'zod';
import { AppError } from '../../errors';

const PAGE_KEYS = ['max_id', 'min_id', 'since_id'] as const;
type PageParams = Partial<Record<(typeof PAGE_KEYS)[number], string>>;

const cursorSchema = z
  .object({ max_id: z.string().regex(/^\d+$/), min_id: z.string().regex(/^\d+$/), since_id: z.string().regex(/^\d+$/) })
  .partial()
  .strict();

/** rel -> the page parameters of that link. Malformed entries are ignored. */
export function parseLinkHeader(header: string | null): Record<string, PageParams> {
  const out: Record<string, PageParams> = {};
  if (!header) return out;
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
    const rel = /rel\s*=\s*"?([^";]+)"?/i.exec(m[2])?.[1]?.trim();
    if (!rel) continue;
    let url: URL;
    try {
      url = new URL(m[1], 'http://link.invalid');
    } catch {
      continue;
    }
    const params: PageParams = {};
    for (const key of PAGE_KEYS) {
      const v = url.searchParams.get(key);
      if (v && /^\d+$/.test(v)) params[key] = v;
    }
    for (const r of rel.split(/\s+/)) out[r] = params;
  }
  return out;
}

export function encodeCursor(params: PageParams | undefined): string | null {
  if (!params || Object.keys(params).length === 0) return null;
  return Buffer.from(JSON.stringify(params)).toString('base64url');
}

export function decodeCursor(cursor: string): PageParams {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('bad_request', 'Invalid Mastodon pagination cursor', { userMessage: 'The page cursor is not valid.' });
  }
}
