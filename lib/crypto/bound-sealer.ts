/**
 * A small secret sealed at rest like instance tokens (AES-256-GCM, the 'tokens' key), bound to what it belongs to
 * through the AAD (`<purpose>:<subject>`): a sealed value copied onto another account or issuer does not open.
 * `open` answers null instead of throwing, so the caller fails closed (another key, another subject).
 */
import { deriveKey } from './master-key';
import { openString, sealString } from './secret-box';

export interface BoundSealer {
  seal(value: string, subject: string): Promise<string>;
  open(sealed: string, subject: string): Promise<string | null>;
}

export function boundSealer(purpose: string): BoundSealer {
  const aad = (subject: string) => `${purpose}:${subject}`;
  return {
    seal: async (value, subject) => sealString(value, await deriveKey('tokens'), aad(subject)),
    open: async (sealed, subject) => {
      try {
        return openString(sealed, await deriveKey('tokens'), aad(subject));
      } catch {
        return null;
      }
    },
  };
}
