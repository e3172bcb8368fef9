/** Instance secrets are sealed with AES-256-GCM; the instance URL is the AAD so a sealed token cannot be moved to another row. */
import { deriveKey } from '@/lib/crypto/master-key';
import { openString, sealString } from '@/lib/crypto/secret-box';

export async function sealToken(token: string, baseUrl: string): Promise<string> {
  return sealString(token, await deriveKey('tokens'), baseUrl);
}

export async function openToken(sealed: string, baseUrl: string): Promise<string> {
  return openString(sealed, await deriveKey('tokens'), baseUrl);
}
