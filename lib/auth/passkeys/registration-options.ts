/**
 * Step one of adding a passkey: registration options for the signed-in user, excluding the credentials they
 * already have (an authenticator then refuses to register twice), with the challenge stored for five minutes.
 */
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { storeChallenge } from './challenges';
import { relyingParty } from './relying-party';

export async function registrationOptions({ ctx }: { ctx: Ctx }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'passkeys belong to a person');
  const user = await db.user.findUnique({
    where: { id: ctx.actor.id },
    select: { id: true, email: true, passkeys: { select: { credentialId: true, transports: true } } },
  });
  if (!user) throw new AppError('not_found', 'user not found');
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    // The user's id, not their email, identifies them to the authenticator: it is stable and says nothing.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge({ userId: user.id, purpose: 'register', challenge: options.challenge });
  return options;
}
