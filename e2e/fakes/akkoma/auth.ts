/**
 * Token and scope checks in Pleroma's words: an unknown token is 403 "Invalid credentials." (Pleroma's
 * EnsureAuthenticatedPlug, not a 401), a missing scope is 403 "Insufficient permissions: <scope>." and a
 * non-admin is refused on admin routes.
 */
import type { IncomingMessage } from 'node:http';
import { FakeError, type Route } from './route-types';
import type { FakeAkkomaState } from './state';

export function authorize(state: FakeAkkomaState, req: IncomingMessage, route: Route): void {
  if (!route.scope) return;
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!match || match[1].trim() !== state.auth.token) throw new FakeError(403, { error: 'Invalid credentials.' });
  if (!hasScope(state.auth.scopes, route.scope)) throw new FakeError(403, { error: `Insufficient permissions: ${route.scope}.` });
  if (route.scope.startsWith('admin:') && !state.admin().isAdmin) throw new FakeError(403, { error: 'User is not an admin.' });
}

/** admin:read:reports <- admin:read <- admin; read:accounts <- read. */
export function hasScope(granted: string[], required: string): boolean {
  const parts = required.split(':');
  return parts.some((_, i) => granted.includes(parts.slice(0, i + 1).join(':')));
}
