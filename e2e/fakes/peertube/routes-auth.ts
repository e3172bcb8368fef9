/** OAuth: the local client, the password and refresh grants, /users/me, and the bearer check for other routes. */
import type { IncomingMessage } from 'node:http';
import { str, type Params } from '../mastodon/http';
import { ProblemError, type Route, type Viewer } from './http';
import type { IssuedTokens } from './oauth';
import type { FakePeerTubeState } from './state';

const ROLE_LABELS = ['Administrator', 'Moderator', 'User'];

const invalidGrant = (detail: string) => new ProblemError(400, 'Bad Request', `Invalid grant: ${detail}`, { code: 'invalid_grant', error: `Invalid grant: ${detail}` });

export const authRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/oauth-clients\/local$/,
    handler: ({ state }) => ({ json: { client_id: state.auth.clientId, client_secret: state.auth.clientSecret } }),
  },
  {
    method: 'POST', pattern: /^\/api\/v1\/users\/token$/,
    handler: ({ state, body }) => {
      try {
        return { json: { token_type: 'Bearer', ...grant(state, body) } };
      } catch (e) {
        state.auth.grants.refused++;
        throw e;
      }
    },
  },
  {
    // PeerTube answers with revokeToken's result: {success: true} (redirectUrl only for plugin logins).
    method: 'POST', pattern: /^\/api\/v1\/users\/revoke-token$/, auth: 'user',
    handler: ({ state, token }) => ({ json: { success: state.auth.revoke(token ?? '') } }),
  },
  {
    method: 'GET', pattern: /^\/api\/v1\/users\/me$/, auth: 'user',
    handler: ({ state }) => ({
      json: {
        id: 1, username: state.auth.username, role: { id: state.auth.role, label: ROLE_LABELS[state.auth.role] ?? 'User' },
        account: { id: 1, name: state.auth.username, host: state.host },
      },
    }),
  },
];

function grant(state: FakePeerTubeState, body: Params): IssuedTokens {
  if (str(body.client_id) !== state.auth.clientId || str(body.client_secret) !== state.auth.clientSecret) {
    throw new ProblemError(400, 'Bad Request', 'Invalid client: client is invalid', { code: 'invalid_client' });
  }
  const type = str(body.grant_type);
  if (type === 'password') {
    if (str(body.username) !== state.auth.username || str(body.password) !== state.auth.password) throw invalidGrant('user credentials are invalid');
    state.auth.grants.password++;
    return state.auth.issueTokens();
  }
  if (type === 'refresh_token') {
    const issued = state.auth.refreshTokens(str(body.refresh_token) ?? '');
    if (issued === 'invalid') throw invalidGrant('refresh token is invalid');
    if (issued === 'expired') throw invalidGrant('refresh token has expired');
    state.auth.grants.refresh_token++;
    return issued;
  }
  throw new ProblemError(400, 'Bad Request', 'Unsupported grant type: `grant_type` is invalid', { code: 'unsupported_grant_type' });
}

/**
 * PeerTube's login limiter on POST /users/token (RATES_LIMIT.LOGIN: 15 per 5 minutes per IP by default), after the
 * general API limiter. Every request counts, refused ones too.
 */
export function limitLogin(state: FakePeerTubeState, req: IncomingMessage, path: string): void {
  if (req.method !== 'POST' || path !== '/api/v1/users/token') return;
  const verdict = state.auth.hitLogin(req.socket.remoteAddress ?? 'unknown');
  if (verdict.allowed) return;
  const retryAfter = Math.max(1, Math.ceil((verdict.resetAt.getTime() - state.auth.now()) / 1000));
  throw new ProblemError(429, 'Too Many Requests', 'Too many requests, please try again later.', { retryAfter });
}

/**
 * Throws the problem PeerTube sends for a missing or stale token, or a role that cannot moderate; otherwise returns
 * who is asking, so optional-auth routes can show moderators what others may not see.
 */
export function authorize(state: FakePeerTubeState, req: IncomingMessage, route: Route): Viewer {
  if (!route.auth) return null;
  const header = req.headers.authorization ?? '';
  if (route.auth === 'optional' && !header) return null;
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const check = state.auth.checkAccess(token);
  if (check !== 'ok') {
    throw new ProblemError(401, 'Unauthorized', `Invalid token: access token ${check === 'expired' ? 'has expired' : 'is invalid'}`, { code: 'invalid_token' });
  }
  const staff = state.auth.role <= 1;
  if (route.auth === 'staff' && !staff) {
    throw new ProblemError(403, 'Forbidden', 'User does not have the right to do this', { code: 'forbidden' });
  }
  return staff ? 'staff' : 'user';
}
