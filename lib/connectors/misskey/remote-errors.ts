/**
 * Misskey's nested error body → AppError. The remote text is cleaned and the token redacted before it goes
 * anywhere: a hostile server could echo the request body (which carries `i`) back in its message.
 */
import { AppError } from '../../errors';
import { clean, redact } from './remote-text';
import { errorBodySchema, type MisskeyErrorBody } from './api-types';

export function readErrorBody(raw: string, token: string): { code: string | null; text: string; info: unknown } {
  let body: MisskeyErrorBody | null = null;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(raw));
    if (parsed.success) body = parsed.data.error;
  } catch {
    // Not JSON (a proxy's HTML page): the status and nothing else.
  }
  const code = body?.code && /^[A-Z0-9_]{1,64}$/.test(body.code) ? body.code : null;
  return { code, text: clean(redact(body?.message ?? '', token)), info: body?.info };
}

const TOKEN_REJECTED = new Set(['CREDENTIAL_REQUIRED', 'AUTHENTICATION_FAILED', 'INVALID_TOKEN']);
const NOT_MODERATOR = new Set(['ROLE_PERMISSION_DENIED', 'ACCESS_DENIED']);

export function misskeyError(status: number, code: string | null, remoteText: string, endpoint: string, retryAt: string | null = null): AppError {
  const said = remoteText ? `: ${remoteText}` : '';
  const details = { status, code, remoteError: remoteText || null, ...(retryAt ? { retryAt } : {}) };
  const message = `Misskey ${endpoint} failed with ${status}${code ? ` ${code}` : ''}${said}`;
  if (code === 'RATE_LIMIT_EXCEEDED' || status === 429) {
    return new AppError('rate_limited', message, {
      details,
      userMessage: `The instance is rate limiting requests${retryAt ? ` until ${retryAt}` : ''}. Try again later.`,
    });
  }
  if ((code && TOKEN_REJECTED.has(code)) || status === 401) {
    return new AppError('forbidden', message, {
      details,
      userMessage: 'The instance rejected the token. Check that it is correct and not revoked.',
    });
  }
  if (code === 'PERMISSION_DENIED') {
    return new AppError('forbidden', message, {
      details,
      userMessage: `The token lacks the permission for ${endpoint}. Create a token that includes it.`,
    });
  }
  if ((code && NOT_MODERATOR.has(code)) || status === 403) {
    return new AppError('forbidden', message, {
      details,
      userMessage: 'The token\'s account is not a moderator or administrator on this instance.',
    });
  }
  if ((code && code.startsWith('NO_SUCH_')) || status === 404) {
    return new AppError('not_found', message, { details, userMessage: `The instance could not find it${said}.` });
  }
  return new AppError('remote_error', message, {
    details,
    userMessage: remoteText ? `The instance returned an error: ${remoteText}` : `The instance returned an error (HTTP ${status}).`,
  });
}
