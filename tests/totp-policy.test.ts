/**
 * The 2FA policy end to end on a real database: an admin without a factor cannot turn it on ("set up yours first"),
 * one with a factor can (audited); then owners and admins without a factor get an actor marked mustEnrol2fa through
 * the real session check, moderators and SSO users never, and enrolling lifts it. `users reset-2fa` through the CLI
 * dispatcher: factors, codes and passkeys gone, every session ended, audited as the system; an unknown email exits 1.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actorForSession } from '@/lib/auth/current-actor';
import { mustEnrolTwoFactor } from '@/lib/auth/totp/must-enrol';
import { getSignInPolicy } from '@/lib/auth/totp/sign-in-policy';
import { updateSignInPolicy } from '@/lib/auth/totp/update-sign-in-policy';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { db } from '@/lib/db';
import { actorOf, makeUser, PASSWORD } from './auth-fixtures';
import { enrolTotp } from './totp-fixtures';
import { signIn } from '@/lib/auth/sign-in';

async function sessionFor(user: { id: string; sessionVersion: number }) {
  const id = crypto.randomUUID();
  await db.authSession.create({ data: { id, userId: user.id, method: 'password', expiresAt: new Date(Date.now() + 3600_000) } });
  return { user: { id: user.id }, sessionVersion: user.sessionVersion, sessionId: id };
}

describe('sign-in policy', () => {
  it('refuses an admin without a factor, allows one with a factor, audited; moderators cannot change it', async () => {
    const bare = await makeUser('bare-admin@example.org', 'admin');
    await expect(updateSignInPolicy({ ctx: { actor: actorOf(bare) }, input: { require2faForAdmins: true } })).rejects.toMatchObject({ code: 'conflict', userMessage: expect.stringContaining('Set up yours first') });
    const mod = await makeUser('policy-mod@example.org', 'moderator');
    await expect(updateSignInPolicy({ ctx: { actor: actorOf(mod) }, input: { require2faForAdmins: false } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getSignInPolicy()).toEqual({ require2faForAdmins: false });

    const lead = await makeUser('lead@example.org', 'owner');
    await enrolTotp(lead);
    expect(await updateSignInPolicy({ ctx: { actor: actorOf(lead) }, input: { require2faForAdmins: true } })).toEqual({ require2faForAdmins: true });
    expect(await getSignInPolicy()).toEqual({ require2faForAdmins: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.auth_policy.updated' } });
    expect(audit).toMatchObject({ actorId: lead.id, details: { from: { require2faForAdmins: false }, to: { require2faForAdmins: true } } });

    // Now it is on: who must enrol, through the real per-request check.
    expect((await actorForSession(await sessionFor(bare), null))?.mustEnrol2fa).toBe(true);
    expect((await actorForSession(await sessionFor(lead), null))?.mustEnrol2fa).toBe(false);
    expect((await actorForSession(await sessionFor(mod), null))?.mustEnrol2fa).toBe(false);
    const ssoAdmin = await db.user.update({ where: { id: (await makeUser('sso-admin@example.org', 'admin')).id }, data: { ssoSubject: 'https://idp.test|42' } });
    expect(await mustEnrolTwoFactor(ssoAdmin)).toBe(false);

    // Enrolling lifts it at once.
    await enrolTotp(bare);
    expect((await actorForSession(await sessionFor(await db.user.findUniqueOrThrow({ where: { id: bare.id } })), null))?.mustEnrol2fa).toBe(false);
  });
});

describe('users reset-2fa', () => {
  it('removes every factor of the user and ends all their sessions, audited as the CLI', async () => {
    const owner = await makeUser('locked-owner@example.org', 'owner');
    await enrolTotp(owner);
    await db.passkey.create({ data: { userId: owner.id, credentialId: 'cred-1', publicKey: Buffer.from([1, 2, 3]), name: 'Test key' } });
    const live = await sessionFor(await db.user.findUniqueOrThrow({ where: { id: owner.id } }));
    expect(await actorForSession(live, null)).not.toBeNull();

    const lines: string[] = [];
    const code = await runCommand(parseArgs(['users', 'reset-2fa', '--email', 'Locked-Owner@example.org']), (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('authenticator app removed, 10 recovery code(s) and 1 passkey(s) removed, 1 session(s) ended');

    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect([row.totpSecretSealed, row.totpEnabledAt, row.sessionVersion]).toEqual([null, null, owner.sessionVersion + 1]);
    expect(await db.recoveryCode.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.passkey.count({ where: { userId: owner.id } })).toBe(0);
    expect(await actorForSession(live, null)).toBeNull();
    expect(await db.authSession.findUniqueOrThrow({ where: { id: live.sessionId } })).toMatchObject({ endedReason: '2fa_reset' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.2fa_reset', targetId: owner.id } });
    expect(audit).toMatchObject({ actorType: 'system', actorLabel: 'system:cli' });
    // The password alone signs in again.
    expect(await signIn({ email: owner.email, password: PASSWORD })).toMatchObject({ ok: true, method: 'password' });
  });

  it('exits 1 with words for an unknown email, and 2 with the usage when --email is missing', async () => {
    const before = await db.auditEvent.count({ where: { action: 'user.2fa_reset' } });
    const lines: string[] = [];
    expect(await runCommand(parseArgs(['users', 'reset-2fa', '--email', 'nobody@example.org']), (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual(['No user with the email nobody@example.org.']);
    expect(await runCommand(parseArgs(['users', 'reset-2fa']), (l) => lines.push(l))).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'user.2fa_reset' } })).toBe(before);
  });
});
