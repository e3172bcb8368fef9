/**
 * A matcher's key sealed at rest and bound to its base URL: a sealed key copied onto another matcher row, or left
 * behind when the URL changes, does not open, so a key is never sent anywhere but where the admin entered it.
 */
import { boundSealer } from '@/lib/crypto/bound-sealer';

const sealer = boundSealer('matcher-key');

export const sealMatcherKey = (key: string, baseUrl: string) => sealer.seal(key, baseUrl);

/** null when there is none or it does not open (another URL, another master key): the caller sends no key. */
export async function openMatcherKey(row: { keySealed: string | null; baseUrl: string }): Promise<string | null> {
  return row.keySealed ? sealer.open(row.keySealed, row.baseUrl) : null;
}
