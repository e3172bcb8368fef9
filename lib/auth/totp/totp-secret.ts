/** The TOTP secret sealed at rest, bound to its user (lib/crypto/bound-sealer.ts): it fails closed elsewhere. */
import { boundSealer } from '@/lib/crypto/bound-sealer';

const sealer = boundSealer('totp');

export const sealTotpSecret = (secret: string, userId: string): Promise<string> => sealer.seal(secret, userId);
export const openTotpSecret = (sealed: string, userId: string): Promise<string | null> => sealer.open(sealed, userId);
