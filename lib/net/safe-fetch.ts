/**
 * SSRF-safe HTTP for everything the server fetches from instances and remote media hosts.
 *
 * Every hop: only http/https, resolve once, refuse if any address is forbidden, connect to exactly the
 * checked addresses. Redirects are followed by hand so each Location is checked like the first URL.
 * One timer covers all hops and the body; the body is capped while it streams.
 *
 * The returned Response is fully buffered. `response.url` is the final URL after redirects and
 * `response.redirected` says whether any were followed (both set explicitly; see to-response.ts).
 */
import { AppError, isAppError } from '@/lib/errors';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './fetch-policy';
import { encodeBody } from './request-body';
import { isEncoded, readCappedBody } from './read-capped-body';
import { requestOnce } from './request-once';
import { parseTargetUrl, resolveTarget } from './resolve-target';
import { hasNoBody, toResponse } from './to-response';

export type { FetchPolicy } from './fetch-policy';

export interface SafeFetchInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | Buffer | null;
  policy?: FetchPolicy;
  signal?: AbortSignal | null;
  /** As in fetch: 'manual' returns the 3xx response itself, 'error' rejects on any redirect. */
  redirect?: RequestRedirect;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Headers that carry the caller's identity must not follow a redirect to another origin (as fetch does).
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
// Headers we compute ourselves; letting callers set them would desync framing or the checked host.
const CONTROLLED_HEADERS = ['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade'];

function initialHeaders(init: HeadersInit | undefined, contentType: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new Headers(init)) {
    if (!CONTROLLED_HEADERS.includes(name)) out[name] = value;
  }
  if (contentType && !out['content-type']) out['content-type'] = contentType;
  out['accept-encoding'] ??= 'identity';
  out['user-agent'] ??= 'fedimod (moderation dashboard)';
  return out;
}

/** Rejects as soon as the signal fires; DNS lookups cannot be cancelled, so we stop waiting for them instead. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function safeFetch(rawUrl: string | URL, init: SafeFetchInit = {}): Promise<Response> {
  const policy = init.policy ?? DEFAULT_FETCH_POLICY;
  const redirectMode = init.redirect ?? 'follow';
  let url = parseTargetUrl(String(rawUrl));
  let method = (init.method ?? 'GET').toUpperCase();
  const encoded = await encodeBody(init.body);
  let body = encoded?.bytes ?? null;
  const headers = initialHeaders(init.headers, encoded?.contentType ?? null);

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), policy.timeoutMs);
  const signal = init.signal ? AbortSignal.any([timeout.signal, init.signal]) : timeout.signal;

  try {
    for (let hop = 0; ; hop++) {
      const target = await untilAborted(resolveTarget(url, policy), signal);
      const res = await requestOnce({ target, method, headers, body, signal });
      const status = res.statusCode ?? 0;
      const location = res.headers.location;

      if (REDIRECT_STATUSES.has(status) && location && redirectMode !== 'manual') {
        res.destroy();
        if (redirectMode === 'error') throw new AppError('remote_error', 'safeFetch: unexpected redirect');
        if (hop >= policy.maxRedirects) {
          throw new AppError('remote_error', `safeFetch: more than ${policy.maxRedirects} redirects`, {
            details: { reason: 'too_many_redirects' },
          });
        }
        let next: URL;
        try {
          next = parseTargetUrl(new URL(location, url).href);
        } catch (e) {
          throw isAppError(e) && e.code === 'ssrf_blocked' ? e : new AppError('remote_error', 'safeFetch: bad redirect location', { cause: e });
        }
        if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) delete headers[h];
        // Fetch's rules: 303 always becomes GET; 301/302 turn POST into GET; 307/308 replay method and body.
        if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = null;
          delete headers['content-type'];
        }
        url = next;
        continue;
      }

      const data = hasNoBody(method, status) ? (res.destroy(), null) : await readCappedBody(res, policy.maxBytes);
      return toResponse(res, data, { url, redirected: hop > 0, decoded: isEncoded(res) });
    }
  } catch (e) {
    if (timeout.signal.aborted) {
      throw new AppError('remote_unreachable', `safeFetch: timed out after ${policy.timeoutMs} ms`, {
        details: { reason: 'timeout', host: url.hostname },
        cause: e,
      });
    }
    // The caller's own abort keeps fetch semantics (an AbortError), so their handling still works.
    if (init.signal?.aborted) throw init.signal.reason;
    if (isAppError(e)) throw e;
    throw new AppError('remote_unreachable', `safeFetch: request to ${url.hostname} failed`, {
      details: { host: url.hostname, errno: e instanceof Error && 'code' in e ? String(e.code) : undefined },
      cause: e,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** A fetch-shaped function bound to one policy, handed to connectors (see FetchLike in lib/connectors/types). */
export function createSafeFetch(policy: FetchPolicy): (url: string | URL, init?: RequestInit) => Promise<Response> {
  return (url, init = {}) =>
    safeFetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      redirect: init.redirect,
      policy,
    });
}
