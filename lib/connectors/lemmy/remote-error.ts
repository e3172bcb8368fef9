/**
 * Lemmy errors are {"error":"snake_case_code","message"?}. Secrets (JWT, password, the raw token string) are
 * redacted because a hostile server could echo them; AppError messages name only method and path.
 */
import { AppError } from '../../errors';
import { clean, redact } from '../shared/remote-text';
import { errorBodySchema } from './api-types';

export function errorCode(body: string): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data.message ? `${parsed.data.error}: ${parsed.data.message}` : parsed.data.error;
  } catch {
    // Not JSON: Lemmy answers undeserializable bodies with plain text, proxies with HTML.
  }
  return body.trimStart().startsWith('<') ? '' : body;
}

export function redactAll(text: string, secrets: string[]): string {
  return clean(secrets.reduce((t, s) => (s.length >= 4 ? redact(t, s) : t), text));
}

export function httpError(status: number, remoteText: string, label: string): AppError {
  const said = remoteText ? `: ${remoteText}` : '';
  const details = { status, remoteError: remoteText || null };
  const message = `Lemmy ${label} failed with ${status}${said}`;
  if (remoteText.startsWith('rate_limit_error') || status === 429) {
    return new AppError('rate_limited', message, { details, userMessage: 'The instance is rate limiting requests. Try again later.' });
  }
  if (status === 401 || remoteText.startsWith('incorrect_login') || remoteText.startsWith('not_logged_in')) {
    return new AppError('forbidden', message, { details, userMessage: `The instance refused the login${said}. Check the username, password or JWT.` });
  }
  if (remoteText.startsWith('not_an_admin') || remoteText.startsWith('not_a_mod_or_admin')) {
    return new AppError('forbidden', message, { details, userMessage: `The instance refused this${said}. The account must be an instance admin.` });
  }
  if (status === 404 || /^couldnt_find/.test(remoteText)) {
    return new AppError('not_found', message, { details, userMessage: `The instance could not find it${said}.` });
  }
  return new AppError('remote_error', message, {
    details,
    userMessage: remoteText ? `The instance returned an error: ${remoteText}` : `The instance returned an error (HTTP ${status}).`,
  });
}
