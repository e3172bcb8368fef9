/**
 * Turns a verified OpenID Connect identity into one of our users, at every SSO sign-in. The subject key is
 * "issuer|sub" (a `sub` is only unique per issuer). Found by that key; else an existing account is linked by email
 * only when the issuer says the email is verified (otherwise anyone able to set an email at the IdP could take over
 * an account); else a new user is created with the mapped role and a password hash no password can ever match.
 * The role follows the mapping at each sign-in (owners stay owners: SSO never grants nor takes that), and a change
 * bumps sessionVersion as every role change does. Refusals throw SIGN_IN_ERRORS.ssoRefused and are audited.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { SIGN_IN_ERRORS } from '../sign-in-errors';
import { groupsFromClaims, roleFromGroups } from './role-from-groups';
import type { StoredSsoSettings } from './sso-stored';

/** Not the `scrypt$N$r$p$salt$hash` shape lib/auth/password.ts parses, so verifyPassword always says no. */
export const SSO_UNUSABLE_PASSWORD = 'sso$no-password';

// Postgres text cannot hold NUL: an identifier or email with one is refused as bad claims; a display name only
// loses its control characters.
const noNul = (max: number) => z.string().max(max).refine((v) => !v.includes('\u0000'), 'NUL in a claim');
const displayName = z.string().max(200).transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ''));
const claimsSchema = z.looseObject({
  sub: noNul(255).pipe(z.string().min(1)),
  email: noNul(320).optional(),
  email_verified: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  name: displayName.optional(),
  preferred_username: displayName.optional(),
});

export interface SsoSignedIn { id: string; email: string; name: string; sessionVersion: number; method: 'sso' }

type Settings = Pick<StoredSsoSettings, 'issuer' | 'groupsClaim' | 'roleMap'>;

const SYSTEM: Actor = { type: 'system', label: 'sso' };

type UserRow = { id: string; email: string; name: string; role: Role; sessionVersion: number };
type Outcome = { refused: string; userId: string | null } | { refused?: undefined; user: UserRow; linked: boolean };

export async function provisionSsoUser({ input }: { input: { settings: Settings; claims: Record<string, unknown> } }): Promise<SsoSignedIn> {
  const { settings } = input;
  const parsed = claimsSchema.safeParse(input.claims);
  if (!parsed.success) return refuse('bad_claims', null);
  const claims = parsed.data;
  const subject = `${settings.issuer}|${claims.sub}`;
  const email = claims.email?.trim().toLowerCase() ?? '';
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const mapped = roleFromGroups(groupsFromClaims(input.claims, settings.groupsClaim), settings.roleMap);

  const outcome = await db.$transaction(async (tx): Promise<Outcome> => {
    let user = await tx.user.findUnique({ where: { ssoSubject: subject } });
    let linked = false;
    if (!user && email !== '') {
      const byEmail = await tx.user.findUnique({ where: { email } });
      if (byEmail) {
        if (!verified) return { refused: 'email_unverified', userId: byEmail.id };
        if (byEmail.ssoSubject !== null) return { refused: 'email_linked_elsewhere', userId: byEmail.id };
        user = byEmail;
        linked = true;
      }
    }
    if (user?.disabledAt) return { refused: 'disabled', userId: user.id };
    if (mapped === null) return { refused: 'no_mapped_group', userId: user?.id ?? null };
    if (!user) {
      if (email === '') return { refused: 'no_email', userId: null };
      const created = await tx.user.create({
        data: { email, name: claims.name ?? claims.preferred_username ?? '', role: mapped, passwordHash: SSO_UNUSABLE_PASSWORD, ssoSubject: subject },
      });
      await recordEvent(tx, { actor: SYSTEM, action: 'user.created_by_sso', targetType: 'user', targetId: created.id, details: { email, role: mapped, issuer: settings.issuer } });
      return { user: created, linked: false };
    }
    const role: Role = user.role === 'owner' ? 'owner' : mapped;
    const from = user.role;
    if (role !== from || linked) {
      user = await tx.user.update({
        where: { id: user.id },
        data: { ssoSubject: subject, ...(role !== from ? { role, sessionVersion: { increment: 1 } } : {}) },
      });
    }
    if (role !== from) {
      await recordEvent(tx, { actor: SYSTEM, action: 'user.role_changed', targetType: 'user', targetId: user.id, details: { email: user.email, from, to: role, via: 'sso' } });
    }
    return { user, linked };
  });
  if (outcome.refused !== undefined) return refuse(outcome.refused, outcome.userId ?? null, settings.issuer);
  return finish(outcome.user, outcome.linked, settings.issuer);
}

async function finish(user: UserRow, linked: boolean, issuer: string): Promise<SsoSignedIn> {
  const actor: Actor = { type: 'user', id: user.id, email: user.email, role: user.role, instanceIds: null };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordEvent(tx, { actor, action: 'auth.sso_sign_in', targetType: 'user', targetId: user.id, details: { issuer, role: user.role, linked } });
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, method: 'sso' };
}

async function refuse(reason: string, userId: string | null, issuer?: string): Promise<never> {
  await db.$transaction((tx) => recordEvent(tx, { actor: SYSTEM, action: 'auth.sso_refused', targetType: userId ? 'user' : null, targetId: userId, details: { reason, issuer } }));
  // next-auth passes a thrown message through; the sign-in page maps it to words.
  throw new Error(SIGN_IN_ERRORS.ssoRefused);
}
