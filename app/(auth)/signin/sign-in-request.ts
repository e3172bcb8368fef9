/**
 * The sign-in page's calls to next-auth's credentials provider, with the second factor when there is one. Returns
 * the error code next-auth passed through (lib/auth/sign-in-errors.ts) or null on success, so the page can move
 * to the second step on TwoFactorRequired instead of showing an error.
 */
import { signIn } from 'next-auth/react';

export const UNREACHABLE = 'Unreachable';

export type Factor = { code: string } | { recoveryCode: string } | null;

export async function requestSignIn(email: string, password: string, factor: Factor): Promise<string | null> {
  try {
    const res = await signIn('credentials', { email, password, ...(factor ?? {}), redirect: false });
    if (!res) return UNREACHABLE;
    return res.ok && !res.error ? null : (res.error ?? 'CredentialsSignin');
  } catch {
    return UNREACHABLE;
  }
}

const MESSAGES: Record<string, string> = {
  [UNREACHABLE]: 'Could not reach the server. Please try again.',
  RateLimited: 'Too many failed attempts. Please wait 15 minutes and try again.',
  AccountDisabled: 'This account is disabled. Ask an admin of your team.',
  CredentialsSignin: 'The email or password is not right.',
  TwoFactorInvalid: 'That code is not right, or it was already used. Codes change every 30 seconds.',
  SsoRefused: 'Single sign-on could not sign you in: your account there has no role here, or this account is disabled. Ask an admin of your team.',
};

export function messageFor(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Sign-in failed. Please try again.';
}
