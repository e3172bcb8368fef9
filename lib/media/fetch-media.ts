/**
 * Downloads one media file through the SSRF-safe fetch. The size cap aborts the transfer as soon as it is
 * passed; the caller sniffs and processes the bytes (never the server's Content-Type).
 */
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { FetchPolicy } from '@/lib/net/fetch-policy';
import { safeFetch } from '@/lib/net/safe-fetch';

export interface FetchMediaOptions {
  /**
   * The instance's own origin when it is marked as a local test host (`exemptOriginFor(instance)`), else null.
   * Media on any other origin, and redirects off it, keep the full address policy.
   */
  exemptOrigin: string | null;
  /** Defaults to MEDIA_MAX_BYTES (40 MB). */
  maxBytes?: number;
  timeoutMs?: number;
  /** Test seams passed through to the fetch policy (see FetchPolicy). */
  resolve?: FetchPolicy['resolve'];
}

export async function fetchMedia(url: string, opts: FetchMediaOptions): Promise<Buffer> {
  const policy: FetchPolicy = {
    exemptOrigin: opts.exemptOrigin,
    maxBytes: opts.maxBytes ?? env().MEDIA_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? 60_000,
    maxRedirects: 5,
    resolve: opts.resolve,
  };
  const res = await safeFetch(url, { policy, headers: { accept: 'image/*, video/*, audio/*;q=0.9, */*;q=0.5' } });
  if (!res.ok) {
    throw new AppError('remote_error', `media: fetch failed with status ${res.status}`, { details: { status: res.status } });
  }
  return Buffer.from(await res.arrayBuffer());
}
