/**
 * The TOTP secret sealed at rest like instance tokens (AES-256-GCM with the 'tokens' key). The user id is the AAD:
 * a sealed secret copied onto another account does not open.
 */
import { deriveKey } from '@/lib/crypto/master-key';
import { openString, sealString } from '@/lib/crypto/secret-box';

const aad = (userId: string) => `totp:${userId}`;

export async function sealTotpSecret(secret: string, userId: string): Promise<string> {
  return sealString(secret, await deriveKey('tokens'), aad(userId));
}

/** null when it does not open (another key, another user): the factor then fails closed. */
export async function openTotpSecret(sealed: string, userId: string): Promise<string | null> {
  try {
    return openString(sealed, await deriveKey('tokens'), aad(userId));
  } catch {
    return null;
  }
}
