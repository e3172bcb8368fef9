/**
 * Bearer token, OAuth scope and role checks, in Mastodon's order: token (401), then scope, then role (403).
 * Real Mastodon words a missing scope "This action is outside the authorized scopes"; the fake uses the one
 * text the reference documents for both cases (instance-apis.md §10).
 */
import type { IncomingMessage } from 'node:http';
import type { RolePermissions } from './entities';
import { HttpError } from './http';
import type { FakeState } from './state';

export interface Guard {
  /** The granular scope, e.g. "admin:read:reports"; its parent ("admin:read") is accepted too. */
  scope?: string;
  permission?: keyof RolePermissions;
}

export const NOT_ALLOWED = 'This action is not allowed';

export function authorize(state: FakeState, req: IncomingMessage, guard: Guard): void {
  if (!guard.scope) return;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match || match[1].trim() !== state.auth.token) throw new HttpError(401, 'The access token is invalid');
  if (!hasScope(state.auth.scopes, guard.scope)) throw new HttpError(403, NOT_ALLOWED);
  if (guard.permission && !state.auth.rolePermissions[guard.permission]) throw new HttpError(403, NOT_ALLOWED);
}

export function hasScope(granted: string[], required: string): boolean {
  if (granted.includes(required)) return true;
  const parts = required.split(':');
  // admin:read:reports <- admin:read; read:accounts <- read. There is no bare "admin" scope.
  const parent = parts[0] === 'admin' ? parts.slice(0, 2).join(':') : parts[0];
  return parent !== 'admin' && granted.includes(parent);
}
