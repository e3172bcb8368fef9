/** Endpoints a connector calls to check its token and the server: verify_credentials and instance. */
import type { Route } from './route-types';
import { serializeCredentialAccount } from './serialize-account';
import { serializeInstanceV1, serializeInstanceV2 } from './serialize-report';

export const publicRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/verify_credentials$/,
    scope: 'read:accounts',
    handler: ({ state }) => ({ json: serializeCredentialAccount(state) }),
  },
  { method: 'GET', pattern: /^\/api\/v1\/instance$/, handler: ({ state }) => ({ json: serializeInstanceV1(state) }) },
  { method: 'GET', pattern: /^\/api\/v2\/instance$/, handler: ({ state }) => ({ json: serializeInstanceV2(state) }) },
];
