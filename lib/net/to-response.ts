/**
 * Wraps a fully read Node response as a standard `Response`, so callers (connectors, media fetch) use the
 * fetch API they know. The body is already in memory and capped; nothing streams from the remote any more.
 */
import type { IncomingMessage } from 'node:http';
import { AppError } from '@/lib/errors';

// Statuses for which the Response constructor forbids a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || NULL_BODY_STATUSES.has(status);
}

function copyHeaders(res: IncomingMessage, decoded: boolean): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    // Once we decoded the body these would describe bytes the caller never sees.
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    try {
      headers.append(name, raw[i + 1]);
    } catch {
      // A header value the platform rejects is dropped rather than failing the whole response.
    }
  }
  return headers;
}

/**
 * `url` and `redirected` are set as own properties (the Response constructor leaves them empty), so
 * `response.url` is the final URL after redirects, exactly as with global fetch.
 */
export function toResponse(res: IncomingMessage, body: Buffer<ArrayBuffer> | null, opts: { url: URL; redirected: boolean; decoded: boolean }): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) {
    throw new AppError('remote_error', `safeFetch: unusable status ${status}`, { details: { status } });
  }
  const response = new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
    status,
    statusText: res.statusMessage ?? '',
    headers: copyHeaders(res, opts.decoded),
  });
  Object.defineProperty(response, 'url', { value: opts.url.href });
  Object.defineProperty(response, 'redirected', { value: opts.redirected });
  return response;
}
