/**
 * The OpenID Connect provider (next-auth id 'oidc') built from the admin's settings (Setting 'auth.sso'), or null
 * when single sign-on is off, incomplete, or its secret does not open. Authorization code flow with PKCE, state and
 * nonce; the ID token is verified by openid-client against the issuer's keys.
 *
 * Redirect URI: next-auth v4 derives it from NEXTAUTH_URL, which we leave unset (see auth-options.ts), so it would
 * say http://localhost:3000. The provider states it itself instead: in the authorization request (client
 * redirect_uris and the explicit parameter) and in the code exchange (token.request), both appUrl() + the callback
 * path, the address the admin registered at the identity provider.
 */
import type { OAuthConfig, Provider } from 'next-auth/providers/index';
import type { TokenSet, TokenSetParameters } from 'openid-client';
import { logger } from '@/lib/log/logger';
import { SIGN_IN_ERRORS } from '../sign-in-errors';
import { provisionSsoUser } from './provision-sso-user';
import { SSO_REFUSED_ID } from './sso-sign-in-gate';
import { ssoCallbackUrl } from './sso-settings';
import { ssoLookup } from './sso-lookup';
import { isSsoComplete, openSsoSecret, readStoredSso, type StoredSsoSettings } from './sso-stored';

const log = logger('sso');

export async function ssoProvider(): Promise<Provider | null> {
  const settings = await readStoredSso();
  if (!settings.enabled || !isSsoComplete(settings)) return null;
  const secret = await openSsoSecret(settings.clientSecretSealed!, settings.issuer);
  if (secret === null) {
    log.warn('sso client secret does not open; single sign-on is off until it is saved again');
    return null;
  }
  return buildSsoProvider(settings, secret);
}

export function buildSsoProvider(settings: StoredSsoSettings, clientSecret: string): OAuthConfig<Record<string, unknown>> {
  const callbackUrl = ssoCallbackUrl();
  const scope = ['openid', 'email', 'profile', ...(settings.groupsScope ? [settings.groupsScope] : [])].join(' ');
  const exemptHost = settings.allowPrivate ? new URL(settings.issuer).hostname : null;
  return {
    id: 'oidc',
    name: settings.label || 'Single sign-on',
    type: 'oauth',
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    clientId: settings.clientId,
    clientSecret,
    client: { redirect_uris: [callbackUrl] },
    httpOptions: { timeout: 10_000, lookup: ssoLookup(exemptHost) } as never,
    authorization: { params: { scope, redirect_uri: callbackUrl } },
    token: {
      async request({ client, params, checks }) {
        const tokens = await client.callback(callbackUrl, params, checks);
        return { tokens: tokens as TokenSetParameters };
      },
    },
    userinfo: {
      // The ID token's claims, completed from the userinfo endpoint when the groups are not in the token.
      async request({ client, tokens }) {
        const claims: Record<string, unknown> = { ...(tokens as TokenSet).claims() };
        if (claims[settings.groupsClaim] === undefined && tokens.access_token && client.issuer.metadata.userinfo_endpoint) {
          const info = await client.userinfo(tokens.access_token);
          // The ID token's subject is the verified one; userinfo only adds what the token lacks.
          if (info.sub === claims.sub) for (const [k, v] of Object.entries(info)) claims[k] ??= v;
        }
        return claims;
      },
    },
    // A refusal (audited by the verb) becomes a marker that ssoSignInGate turns into /signin?error=SsoRefused.
    profile: async (claims) => {
      try {
        return (await provisionSsoUser({ input: { settings, claims } })) as never;
      } catch (e) {
        if (e instanceof Error && e.message === SIGN_IN_ERRORS.ssoRefused) return { id: SSO_REFUSED_ID } as never;
        throw e;
      }
    },
  };
}
