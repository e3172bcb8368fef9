/**
 * CSRF check for state-changing requests: the browser must say the request came from this site.
 * Origin is compared with the Host the request was sent to (or the configured app URL). Sec-Fetch-Site is a
 * fallback for browsers that send `Origin: null` (strict referrer policies); page scripts cannot forge it.
 */
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(url: string | null): string | null {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

export function isSameOriginRequest(req: Request, configuredUrl = appUrl()): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const h = req.headers;
  const expected = new Set(
    [h.get('x-forwarded-host'), h.get('host'), hostOf(req.url), hostOf(configuredUrl)]
      .filter((v): v is string => Boolean(v))
      .map((v) => v.split(',')[0].trim().toLowerCase()),
  );
  const origin = hostOf(h.get('origin'));
  if (origin) return expected.has(origin);
  if (h.get('sec-fetch-site') === 'same-origin') return true;
  const referer = hostOf(h.get('referer'));
  return referer !== null && expected.has(referer);
}

export function assertSameOrigin(req: Request): void {
  if (!isSameOriginRequest(req)) throw new AppError('forbidden', 'cross-site request refused', { userMessage: 'This request did not come from this site.' });
}
