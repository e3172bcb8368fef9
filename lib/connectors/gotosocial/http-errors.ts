/** Maps a final HTTP error status to an AppError. The remote text is already cleaned and redacted. */
import { AppError } from '../../errors';

export function httpError(status: number, remoteText: string, label: string, retryAt: string | null = null): AppError {
  const said = remoteText ? `: ${remoteText}` : '';
  const details = { status, remoteError: remoteText || null, ...(retryAt ? { retryAt } : {}) };
  const message = `GoToSocial ${label} failed with ${status}${said}`;
  if (status === 401 || status === 403) {
    return new AppError('forbidden', message, {
      details,
      userMessage: status === 401
        ? `The instance rejected the token${said}. Check that it is correct and not revoked.`
        : `The instance refused this${said}. Check the token's admin scopes and that the account is an admin or moderator.`,
    });
  }
  if (status === 404) return new AppError('not_found', message, { details, userMessage: `The instance could not find it${said}.` });
  if (status === 409) {
    return new AppError('conflict', message, {
      details,
      userMessage: `The instance is still running another action on this account${said}. Try again when it has finished.`,
    });
  }
  if (status === 429) {
    return new AppError('rate_limited', message, {
      details,
      userMessage: `The instance is rate limiting requests${retryAt ? ` until ${retryAt}` : ''}. Try again later.`,
    });
  }
  return new AppError('remote_error', message, {
    details,
    userMessage: remoteText ? `The instance returned an error: ${remoteText}` : `The instance returned an error (HTTP ${status}).`,
  });
}
