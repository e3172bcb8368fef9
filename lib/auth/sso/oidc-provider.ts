/**
 * OWNER: SSO helper (issue 15). STUB: replace. The OpenID Connect provider built from the admin's settings
 * (Setting 'auth.sso'), or null when single sign-on is off or not configured.
 */
import type { Provider } from 'next-auth/providers/index';

export async function ssoProvider(): Promise<Provider | null> {
  return null;
}
