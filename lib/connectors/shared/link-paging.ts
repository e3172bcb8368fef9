/**
 * Link header parsing and opaque cursors for Mastodon-style APIs. A cursor keeps only the id parameters
 * (max_id, min_id, since_id), each matching the server's id format: the host and path in a remote Link header are
 * never followed, so a hostile server cannot steer the next request (and the token) elsewhere.
 */
import { z } from 'zod';
import { AppError } from '../../errors';

const PAGE_KEYS = ['max_id', 'min_id', 'since_id'] as const;
export type PageParams = Partial<Record<(typeof PAGE_KEYS)[number], string>>;

export interface LinkPaging {
  /** rel -> the page parameters of that link. Malformed entries and non-id values are ignored. */
  parseLinkHeader(header: string | null): Record<string, PageParams>;
  encodeCursor(params: PageParams | undefined): string | null;
  decodeCursor(cursor: string): PageParams;
}

/** `id` is the server's id format (Mastodon: digits; GoToSocial: ULIDs); `server` names it in errors. */
export function linkPaging(id: RegExp, server: string): LinkPaging {
  const cursorSchema = z
    .object({ max_id: z.string().regex(id), min_id: z.string().regex(id), since_id: z.string().regex(id) })
    .partial()
    .strict();
  return {
    parseLinkHeader(header) {
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
          if (v && id.test(v)) params[key] = v;
        }
        for (const r of rel.split(/\s+/)) out[r] = params;
      }
      return out;
    },
    encodeCursor(params) {
      if (!params || Object.keys(params).length === 0) return null;
      return Buffer.from(JSON.stringify(params)).toString('base64url');
    },
    decodeCursor(cursor) {
      try {
        return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      } catch {
        throw new AppError('bad_request', `Invalid ${server} pagination cursor`, { userMessage: 'The page cursor is not valid.' });
      }
    },
  };
}
