/**
 * Link header parsing and opaque cursors for GoToSocial. Its ids are ULIDs (26 Crockford base32 characters),
 * so Mastodon's digits-only parser does not fit. Only the id parameters are kept: the host and path of a
 * remote Link header are never followed, so a hostile server cannot steer the next request (and the token).
 */
import { z } from 'zod';
import { AppError } from '../../errors';

const PAGE_KEYS = ['max_id', 'min_id', 'since_id'] as const;
export type PageParams = Partial<Record<(typeof PAGE_KEYS)[number], string>>;

const ID = /^[0-9A-Za-z]{1,64}$/;
const cursorSchema = z
  .object({ max_id: z.string().regex(ID), min_id: z.string().regex(ID), since_id: z.string().regex(ID) })
  .partial()
  .strict();

/** rel -> the page parameters of that link. Malformed entries and non-id values are ignored. */
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
      if (v && ID.test(v)) params[key] = v;
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
    throw new AppError('bad_request', 'Invalid GoToSocial pagination cursor', { userMessage: 'The page cursor is not valid.' });
  }
}
