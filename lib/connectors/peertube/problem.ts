/**
 * PeerTube errors are RFC 7807 problem+json ({type,title,status,detail,code}); older endpoints and the OAuth
 * token route send {error}. Both become short text with every secret redacted (a hostile server could echo
 * the Authorization header or the form body), then an AppError whose message names only method and path.
 */
import { AppError } from '../../errors';
import { clean, redact } from '../shared/remote-text';
import { problemSchema } from './api-types';

export function problemText(body: string, secrets: readonly string[]): string {
  let text = '';
  try {
    const p = problemSchema.safeParse(JSON.parse(body));
    if (p.success) text = p.data.detail || p.data.title || p.data.error || '';
  } catch {
    // Not JSON (a proxy's HTML page): the status code says more than markup would.
  }
  return redactAll(clean(text), secrets);
}

export function redactAll(text: string, secrets: readonly string[]): string {
  // Longest first, so a secret that contains another is not half-redacted.
  return [...secrets].filter(Boolean).sort((a, b) => b.length - a.length).reduce((t, s) => redact(t, s), text);
}

export function httpError(status: number, remoteText: string, label: string, retryAt: string | null = null): AppError {
  const said = remoteText ? `: ${remoteText}` : '';
  const details = { status, remoteError: remoteText || null, ...(retryAt ? { retryAt } : {}) };
  const message = `PeerTube ${label} failed with ${status}${said}`;
  switch (status) {
    case 401:
    case 403:
      return new AppError('forbidden', message, {
        details,
        userMessage: `The instance refused this${said}. Check the credentials and that the user is an admin or moderator.`,
      });
    case 404:
      return new AppError('not_found', message, { details, userMessage: `The instance could not find it${said}.` });
    case 429:
      return new AppError('rate_limited', message, {
        details,
        userMessage: `The instance is rate limiting requests${retryAt ? ` until ${retryAt}` : ''}. Try again later.`,
      });
    default:
      return new AppError('remote_error', message, {
        details,
        userMessage: remoteText ? `The instance returned an error: ${remoteText}` : `The instance returned an error (HTTP ${status}).`,
      });
  }
}
