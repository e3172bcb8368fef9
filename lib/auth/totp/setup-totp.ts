/**
 * Starts enrolment: a fresh secret, sealed, with totpEnabledAt still null until a first code confirms it (so a
 * half-done setup never locks anyone out). Starting again replaces an unconfirmed secret; an enabled one must be
 * removed first, so nobody swaps a working factor without the password. Not audited: nothing is enabled yet.
 */
import QRCode from 'qrcode';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { generateTotpSecret, otpauthUri } from './totp';
import { sealTotpSecret } from './totp-secret';

export interface TotpSetup { otpauthUri: string; secret: string; qrSvg: string }

export async function setupTotp({ ctx }: { ctx: Ctx }): Promise<TotpSetup> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'second factors belong to a person');
  const userId = ctx.actor.id;
  const secret = generateTotpSecret();
  const sealed = await sealTotpSecret(secret, userId);
  const updated = await db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecretSealed: sealed, totpLastStep: null } });
  if (updated.count !== 1) {
    throw new AppError('conflict', 'totp already enabled', { userMessage: 'An authenticator app is already set up. Remove it first to set up another.' });
  }
  const uri = otpauthUri(ctx.actor.email, secret);
  return { otpauthUri: uri, secret, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}
