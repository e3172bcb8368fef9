/**
 * Verifies a WebAuthn assertion (the JSON of @simplewebauthn/browser's startAuthentication) as the second factor
 * of this user: the credential must be theirs, the challenge an unexpired 'authenticate' one of theirs (consumed,
 * so an assertion works once), the signature valid for the stored key, and the counter must move forward when the
 * authenticator keeps one (a counter that does not is a sign of a cloned key). False on anything wrong; never
 * throws for bad input. The caller (the credentials provider) audits the outcome.
 */
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { consumeChallenge } from './challenges';
import { relyingParty } from './relying-party';
import { authenticationResponseSchema } from './schemas';

const log = logger('passkeys');

export async function verifyPasskeySignIn(input: { userId: string; response: unknown }): Promise<boolean> {
  const parsed = authenticationResponseSchema.safeParse(input.response);
  if (!parsed.success) return false;
  const response = parsed.data;
  const passkey = await db.passkey.findFirst({ where: { credentialId: response.id, userId: input.userId } });
  if (!passkey) return false;
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge({ userId: input.userId, purpose: 'authenticate', challenge }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      // A second factor after the password: presence is required, a PIN or biometric is welcome but not demanded.
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    const { newCounter } = result.authenticationInfo;
    if (passkey.counter > 0 && newCounter > 0 && newCounter <= passkey.counter) return false;
    // Conditional on the counter read above: of two racing sign-ins with the same counter only one wins.
    const updated = await db.passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      data: { counter: newCounter, lastUsedAt: new Date() },
    });
    return updated.count === 1;
  } catch (e) {
    log.info('passkey assertion refused', { userId: input.userId, reason: e instanceof Error ? e.message : 'unknown' });
    return false;
  }
}

/** Whether the user has at least one passkey (the sign-in page offers it, and it counts as a second factor). */
export async function hasPasskeys(userId: string): Promise<boolean> {
  return (await db.passkey.count({ where: { userId } })) > 0;
}
