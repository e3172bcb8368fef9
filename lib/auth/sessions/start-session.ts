/**
 * OWNER: sessions helper (issue 15). STUB: replace. Creates the AuthSession row a new sign-in's cookie names,
 * and returns its id (the JWT's `sid`).
 */
import crypto from 'node:crypto';

export type SessionMethod = 'password' | 'password+totp' | 'password+recovery' | 'password+passkey' | 'sso';

export async function startSession(input: { userId: string; method: SessionMethod }): Promise<string> {
  void input;
  return crypto.randomUUID();
}
