import { signIn } from 'next-auth/react';

/** Messages for the codes lib/auth/auth-options.ts lets through; anything else reads as bad credentials. */
const MESSAGES: Record<string, string> = {
  RateLimited: 'Too many failed attempts. Please wait 15 minutes and try again.',
  AccountDisabled: 'This account is disabled. Ask an admin of your team.',
};

/**
 * Signs in through next-auth without its redirect (its idea of our URL may differ from the browser's);
 * returns null on success or a message to show.
 */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  try {
    const res = await signIn('credentials', { email, password, redirect: false });
    if (!res) return 'Could not reach the server. Please try again.';
    if (res.ok && !res.error) return null;
    return (res.error && MESSAGES[res.error]) || 'The email or password is not right.';
  } catch {
    return 'Could not reach the server. Please try again.';
  }
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? (code === 'CredentialsSignin' ? 'The email or password is not right.' : 'Sign-in failed. Please try again.');
}
