/**
 * CSRF check for state-changing requests: the browser must say the request came from this site.
 *
 * Origin is compared as a whole (scheme, host and port) with the app's own URL (APP_URL). The host a request was
 * sent to counts only where it cannot be chosen by someone else: X-Forwarded-Host/-Proto only with TRUSTED_PROXIES
 * set (the proxy overwrites them), and the Host header only while APP_URL is unset (a direct, development-style
 * setup, plain http). Sec-Fetch-Site is a fallback for browsers that send `Origin: null` (strict referrer
 * policies); page scripts cannot forge it.
 */
import { appUrl, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { trustedProxies, type ProxyList } from './trusted-proxies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string | null | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function first(value: string | null): string | null {
  const v = value?.split(',')[0].trim();
  return v ? v : null;
}

export interface SameOriginConfig {
  /** The app's own URL; APP_URL or the HOST:PORT default. */
  appUrl: string;
  /** False when APP_URL is unset: then the Host header of a direct request also counts. */
  appUrlConfigured: boolean;
  proxies: ProxyList;
}

function currentConfig(): SameOriginConfig {
  return { appUrl: appUrl(), appUrlConfigured: Boolean(env().APP_URL), proxies: trustedProxies() };
}

/** The origins a legitimate page of this app can have for this request. */
export function expectedOrigins(req: Request, config: SameOriginConfig): Set<string> {
  const h = req.headers;
  const out = [originOf(config.appUrl)];
  if (config.proxies.length > 0) {
    const host = first(h.get('x-forwarded-host'));
    const proto = first(h.get('x-forwarded-proto'));
    if (host && (proto === 'http' || proto === 'https')) out.push(originOf(`${proto}://${host}`));
  } else if (!config.appUrlConfigured) {
    const host = h.get('host');
    if (host) out.push(originOf(`http://${host}`));
  }
  return new Set(out.filter((o): o is string => o !== null));
}

export function isSameOriginRequest(req: Request, config: SameOriginConfig = currentConfig()): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const h = req.headers;
  const expected = expectedOrigins(req, config);
  const origin = originOf(h.get('origin'));
  if (origin) return expected.has(origin);
  if (h.get('sec-fetch-site') === 'same-origin') return true;
  const referer = originOf(h.get('referer'));
  return referer !== null && expected.has(referer);
}

export function assertSameOrigin(req: Request): void {
  if (!isSameOriginRequest(req)) throw new AppError('forbidden', 'cross-site request refused', { userMessage: 'This request did not come from this site.' });
}
