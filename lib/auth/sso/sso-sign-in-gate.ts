/**
 * next-auth's signIn callback, for single sign-on refusals. next-auth v4 swallows an error thrown by a provider's
 * profile() and redirects to its own idea of our address (http://localhost:3000 while NEXTAUTH_URL is unset) without
 * saying why; so the provider turns a refusal into a marker user and this callback sends the browser to our own
 * sign-in page with SIGN_IN_ERRORS.ssoRefused instead. Without this callback wired, a marker still fails closed: its
 * id is not a user id, so the jwt callback issues a session that resolves to nobody.
 */
import type { CallbacksOptions } from 'next-auth';
import { appUrl } from '@/lib/env';
import { SIGN_IN_ERRORS } from '../sign-in-errors';

export const SSO_REFUSED_ID = 'sso-refused';

export const ssoSignInGate: CallbacksOptions['signIn'] = ({ user, account }) => {
  if (account?.provider !== 'oidc') return true;
  if (user.id === SSO_REFUSED_ID) return `${appUrl().replace(/\/$/, '')}/signin?error=${SIGN_IN_ERRORS.ssoRefused}`;
  return true;
};
