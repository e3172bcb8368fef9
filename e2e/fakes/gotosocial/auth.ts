/**
 * Token, scope and role checks in GoToSocial's order: token (401), then scope (403), then admin role (403).
 * Scopes nest (since 0.19): "admin" grants "admin:read", which grants "admin:read:reports".
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../mastodon/http';
import type { FakeState } from './state';

export interface Guard {
  scope?: string;
  /** Admin endpoints also need an admin or moderator account behind the token. */
  staff?: boolean;
}

export function authorize(state: FakeState, req: IncomingMessage, guard: Guard): void {
  if (!guard.scope) return;
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!match || match[1].trim() !== state.auth.token) throw new HttpError(401, 'Unauthorized: token not supplied or invalid');
  if (!hasScope(state.auth.scopes, guard.scope)) {
    throw new HttpError(403, `Forbidden: token has insufficient scope permission; required ${guard.scope}`);
  }
  if (guard.staff && state.admin().role === 'user') throw new HttpError(403, 'Forbidden: user is not an admin');
}

export function hasScope(granted: string[], required: string): boolean {
  const parts = required.split(':');
  for (let n = parts.length; n > 0; n--) if (granted.includes(parts.slice(0, n).join(':'))) return true;
  return false;
}
