/**
 * Akkoma error bodies come in four shapes: {"error":"..."}, a bare JSON string ("Not found"), from a bulk
 * PATCH /reports a list of {id, error}, and from a crash Phoenix's {"errors":{"detail":"..."}}. All become short text with the token redacted (a hostile server
 * could echo the Authorization header) and then an AppError whose message names only method and path.
 */
import { AppError } from '../../errors';
import { clean, redact } from '../shared/remote-text';

export function remoteErrorText(body: string, token: string): string {
  return clean(redact(extract(body), token));
}

function extract(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Plain text is kept; an HTML error page from a proxy is not worth showing.
    return body.trimStart().startsWith('<') ? '' : body;
  }
  if (typeof parsed === 'string') return parsed;
  const first = Array.isArray(parsed) ? parsed.find((x) => errorOf(x)) : parsed;
  return errorOf(first) ?? '';
}

function errorOf(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const { error, errors } = v as Record<string, unknown>;
  if (typeof error === 'string') return error;
  const detail = errors && typeof errors === 'object' ? (errors as Record<string, unknown>).detail : undefined;
  return typeof detail === 'string' ? detail : null;
}

export function httpError(status: number, remoteText: string, label: string, retryAt: string | null = null): AppError {
  const said = remoteText ? `: ${remoteText}` : '';
  const details = { status, remoteError: remoteText || null, ...(retryAt ? { retryAt } : {}) };
  const message = `Akkoma ${label} failed with ${status}${said}`;
  switch (status) {
    case 401:
    case 403:
      return new AppError('forbidden', message, {
        details,
        userMessage: `The instance refused this${said}. Check the token, its admin scopes and that the account is an admin.`,
      });
    case 404:
      return new AppError('not_found', message, { details, userMessage: `The instance could not find it${said}.` });
    case 422:
      return new AppError('remote_error', message, { details, userMessage: `The instance rejected the request${said}.` });
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
