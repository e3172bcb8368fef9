/**
 * The CyberTipline username and password, sealed like instance tokens (AES-256-GCM with the 'tokens' key). The base
 * URL is the AAD, so sealed credentials cannot be moved to another address: a changed URL needs them typed again.
 */
import { z } from 'zod';
import { deriveKey } from '@/lib/crypto/master-key';
import { openString, sealString } from '@/lib/crypto/secret-box';

export interface NcmecCredentials { username: string; password: string }

const credentials = z.object({ username: z.string().min(1), password: z.string().min(1) });

const aad = (baseUrl: string) => `ncmec:${baseUrl}`;

export async function sealNcmecCredentials(c: NcmecCredentials, baseUrl: string): Promise<string> {
  return sealString(JSON.stringify({ username: c.username, password: c.password }), await deriveKey('tokens'), aad(baseUrl));
}

/** null when the sealed value does not open (another key, another URL) or holds something else. */
export async function openNcmecCredentials(sealed: string, baseUrl: string): Promise<NcmecCredentials | null> {
  let text: string;
  try {
    text = openString(sealed, await deriveKey('tokens'), aad(baseUrl));
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = credentials.safeParse(value);
  return parsed.success ? parsed.data : null;
}
