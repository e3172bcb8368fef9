/**
 * Misskey's nested error body → AppError. The remote text is cleaned and the token redacted before it goes
 * anywhere: a hostile server could echo the request body (which carries `i`) back in its message.
 */
import { AppError } from '../../errors';
import { clean, redact } from '../shared/remote-text';
import { errorBodySchema, type MisskeyErrorBody } from './api-types';
import { kindFor } from './endpoint-kinds';

export interface RemoteErrorBody {
  code: string | null;
  /** Misskey's error id (a UUID): it tells apart errors that share a code, like the two ROLE_PERMISSION_DENIED. */
  id: string | null;
  text: string;
  info: unknown;
  /** INTERNAL_ERROR's cause (info.e.message), cleaned and redacted like the message. */
  cause?: string | null;
}

export function readErrorBody(raw: string, token: string): RemoteErrorBody {
  let body: MisskeyErrorBody | null = null;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(raw));
    if (parsed.success) body = parsed.data.error;
  } catch {
    // Not JSON (a proxy's HTML page): the status and nothing else.
  }
  const code = body?.code && /^[A-Z0-9_]{1,64}$/.test(body.code) ? body.code : null;
  const id = body?.id && /^[A-Za-z0-9-]{1,64}$/.test(body.id) ? body.id : null;
  const cause = code === 'INTERNAL_ERROR' ? internalCause(body?.info) : null;
  return { code, id, text: clean(redact(body?.message ?? '', token)), info: body?.info, cause: cause && clean(redact(cause, token)).slice(0, 200) };
}

const TOKEN_REJECTED = new Set(['CREDENTIAL_REQUIRED', 'AUTHENTICATION_FAILED', 'INVALID_TOKEN']);
const NOT_MODERATOR = new Set(['ROLE_PERMISSION_DENIED', 'ACCESS_DENIED']);
/** ApiCallService's "You are not assigned to an administrator role." (requireAdmin endpoints such as admin/delete-account). */
const NOT_ADMIN_ID = 'c3d38592-54c0-429d-be96-5636b0431a61';

export function misskeyError(
  status: number, err: Pick<RemoteErrorBody, 'code' | 'id' | 'text' | 'cause'>, endpoint: string, retryAt: string | null = null,
): AppError {
  const { code, text: remoteText } = err;
  const said = remoteText ? `: ${remoteText}` : '';
  const cause = err.cause ?? null;
  const details = { status, code, remoteError: remoteText || null, ...(retryAt ? { retryAt } : {}), ...(cause ? { cause } : {}) };
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
    // Misskey does not name the missing kind; the endpoint's kind is known, so the moderator is told which one.
    const kind = kindFor(endpoint);
    return new AppError('forbidden', message, {
      details: { ...details, ...(kind ? { missingPermission: kind } : {}) },
      userMessage: kind
        ? `The token lacks the "${kind}" permission (needed for ${endpoint}). Create a token that includes it.`
        : `The token lacks the permission for ${endpoint}. Create a token that includes it.`,
    });
  }
  if (code === 'ROLE_PERMISSION_DENIED' && err.id === NOT_ADMIN_ID) {
    return new AppError('forbidden', message, {
      details,
      userMessage: 'This action needs an administrator on Misskey: the token\'s account is only a moderator.',
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

/**
 * INTERNAL_ERROR carries the thrown error's message in info.e.message: the only way to tell "user not found"
 * (admin/show-user throws a plain Error for it) from a real failure.
 */
function internalCause(info: unknown): string | null {
  if (!info || typeof info !== 'object' || !('e' in info)) return null;
  const e = info.e;
  if (!e || typeof e !== 'object' || !('message' in e) || typeof e.message !== 'string') return null;
  return e.message;
}
