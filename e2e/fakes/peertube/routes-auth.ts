/** OAuth: the local client, the password and refresh grants, /users/me, and the bearer check for other routes. */
import type { IncomingMessage } from 'node:http';
import { str } from '../mastodon/http';
import { ProblemError, type Route, type Viewer } from './http';
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
      if (str(body.client_id) !== state.auth.clientId || str(body.client_secret) !== state.auth.clientSecret) {
        throw new ProblemError(400, 'Bad Request', 'Invalid client: client is invalid', { code: 'invalid_client' });
      }
      const grant = str(body.grant_type);
      if (grant === 'password') {
        if (str(body.username) !== state.auth.username || str(body.password) !== state.auth.password) throw invalidGrant('user credentials are invalid');
      } else if (grant === 'refresh_token') {
        if (!state.auth.refresh.has(str(body.refresh_token) ?? '')) throw invalidGrant('refresh token is invalid');
      } else {
        throw new ProblemError(400, 'Bad Request', 'Unsupported grant type', { code: 'unsupported_grant_type' });
      }
      return { json: { token_type: 'Bearer', expires_in: 86_399, refresh_token_expires_in: 1_209_599, ...state.issueTokens() } };
    },
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

/**
 * Throws the problem PeerTube sends for a missing or stale token, or a role that cannot moderate; otherwise returns
 * who is asking, so optional-auth routes can show moderators what others may not see.
 */
export function authorize(state: FakePeerTubeState, req: IncomingMessage, route: Route): Viewer {
  if (!route.auth) return null;
  const header = req.headers.authorization ?? '';
  if (route.auth === 'optional' && !header) return null;
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!state.auth.access.has(token)) {
    throw new ProblemError(401, 'Unauthorized', 'Invalid token: access token is invalid', { code: 'invalid_token' });
  }
  const staff = state.auth.role <= 1;
  if (route.auth === 'staff' && !staff) {
    throw new ProblemError(403, 'Forbidden', 'User does not have the right to do this', { code: 'forbidden' });
  }
  return staff ? 'staff' : 'user';
}
