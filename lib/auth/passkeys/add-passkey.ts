/**
 * Step two of adding a passkey: the browser's attestation is verified against this user's stored, unexpired
 * 'register' challenge (consumed whether or not the rest verifies), then the credential is kept. Attestation is
 * 'none': we learn a public key, not which device made it, and need no vendor certificates.
 */
import { verifyRegistrationResponse, type VerifiedRegistrationResponse } from '@simplewebauthn/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { Prisma } from '@/lib/generated/prisma/client';
import { consumeChallenge } from './challenges';
import { relyingParty } from './relying-party';
import { knownTransports, registrationResponseSchema } from './schemas';

export const addPasskeyInput = z.object({
  name: z.string().trim().min(1, 'Give the passkey a name.').max(60, 'Keep the name under 60 characters.'),
  response: registrationResponseSchema,
});
export type AddPasskeyInput = z.input<typeof addPasskeyInput>;

export interface PasskeyView { id: string; name: string; createdAt: string; lastUsedAt: string | null }

const NOT_VERIFIED = 'The passkey could not be verified. Please try adding it again.';

export async function addPasskey({ ctx, input }: { ctx: Ctx; input: AddPasskeyInput }): Promise<PasskeyView> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'passkeys belong to a person');
  const actor = ctx.actor;
  const data = addPasskeyInput.parse(input);
  const rp = relyingParty();
  let verified: VerifiedRegistrationResponse;
  try {
    verified = await verifyRegistrationResponse({
      response: data.response,
      expectedChallenge: (challenge) => consumeChallenge({ userId: actor.id, purpose: 'register', challenge }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch (e) {
    throw new AppError('bad_request', `passkey registration refused: ${e instanceof Error ? e.message : 'unknown'}`, { userMessage: NOT_VERIFIED });
  }
  if (!verified.verified) throw new AppError('bad_request', 'passkey registration not verified', { userMessage: NOT_VERIFIED });
  const { credential } = verified.registrationInfo;
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.passkey.create({
        data: {
          userId: actor.id, name: data.name, credentialId: credential.id, publicKey: new Uint8Array(credential.publicKey),
          counter: credential.counter, transports: knownTransports(data.response.response.transports),
        },
      });
      await recordEvent(tx, { actor, action: 'auth.passkey_added', targetType: 'user', targetId: actor.id, details: { name: data.name, passkeyId: created.id } });
      return created;
    });
    return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: null };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'credential already registered', { userMessage: 'This passkey is already registered.' });
    }
    throw e;
  }
}
