/**
 * A hook's signing key or Matrix token, sealed and bound to the hook's URL: a sealed value copied onto another
 * hook (another address) does not open, so a database edit cannot point a token at a different receiver.
 */
import { boundSealer } from '@/lib/crypto/bound-sealer';

const sealer = boundSealer('notify-hook');

export function sealHookSecret(secret: string, url: string): Promise<string> {
  return sealer.seal(secret, url);
}

/** null when it does not open (moved URL, another key): the caller fails closed. */
export function openHookSecret(sealed: string, url: string): Promise<string | null> {
  return sealer.open(sealed, url);
}
