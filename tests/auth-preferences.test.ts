import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { updatePreferences } from '@/lib/users/update-preferences';
import { changePassword } from '@/lib/users/change-password';
import { getUserPreferences } from '@/lib/auth/current-actor';
import { ensureSetupToken, consumeSetupToken } from '@/lib/auth/setup-token';
import { inviteUser } from '@/lib/users/invite-user';
import { acceptInvite } from '@/lib/users/accept-invite';
import { createUser } from '@/lib/users/create-user';
import { signIn } from '@/lib/auth/sign-in';
import { hashToken } from '@/lib/auth/tokens';
import { actorOf, PASSWORD } from './auth-fixtures';

describe('preferences and password', () => {
  it('updates preferences for the current user only, audited', async () => {
    const u = await createUser({ ctx: { actor: { type: 'system', label: 'test' } }, input: { email: 'p@example.org', role: 'viewer', password: PASSWORD } });
    const ctx = { actor: actorOf(u.user) };
    expect(await getUserPreferences(u.user.id)).toEqual({ blurMedia: true, grayscaleMedia: true, severeAsHashes: true, severeAt: 4, theme: 'system' });
    expect(await updatePreferences({ ctx, input: { grayscaleMedia: false } })).toEqual({ blurMedia: true, grayscaleMedia: false, severeAsHashes: true });
    const [ev] = await db.auditEvent.findMany({ where: { action: 'user.preferences_updated' } });
    expect(ev).toMatchObject({ actorId: u.user.id, targetId: u.user.id });
    expect(ev.details).toMatchObject({ from: { grayscaleMedia: true }, to: { grayscaleMedia: false } });
    await expect(updatePreferences({ ctx: { actor: { type: 'system', label: 'x' } }, input: { blurMedia: false } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('changes the password only with the current one, and locks out guessing', async () => {
    const u = await createUser({ ctx: { actor: { type: 'system', label: 'test' } }, input: { email: 'pw@example.org', role: 'moderator', password: PASSWORD } });
    const ctx = { actor: actorOf(u.user) };
    await expect(changePassword({ ctx, input: { currentPassword: 'wrong one', newPassword: 'a brand new password' } })).rejects.toMatchObject({ code: 'bad_request' });
    await changePassword({ ctx, input: { currentPassword: PASSWORD, newPassword: 'a brand new password' } });
    expect(await signIn({ email: 'pw@example.org', password: 'a brand new password' })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) await changePassword({ ctx, input: { currentPassword: `bad ${i}`, newPassword: 'whatever whatever' } }).catch(() => {});
    await expect(changePassword({ ctx, input: { currentPassword: 'a brand new password', newPassword: 'another new password' } })).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('audit rows never hold secrets', () => {
  it('no password, password hash or token (or its hash) appears in any audit detail', async () => {
    await db.user.deleteMany();
    const setupToken = (await ensureSetupToken())!;
    const ownerPassword = 'owner password 123';
    const owner = await consumeSetupToken(setupToken, { email: 'root@example.org', name: 'Root', password: ownerPassword });
    const actor = actorOf({ id: owner.id, email: owner.email, role: 'owner' });
    const invite = await inviteUser({ ctx: { actor }, input: { email: 'inv@example.org', role: 'viewer' } });
    const inviteToken = invite.path.replace('/invite/', '');
    await acceptInvite({ input: { token: inviteToken, name: 'Inv', password: 'invitee password 1' } });
    await signIn({ email: 'root@example.org', password: 'a wrong password guess' });
    await signIn({ email: 'root@example.org', password: ownerPassword });
    const cli = await createUser({ ctx: { actor: { type: 'system', label: 'cli' } }, input: { email: 'gen@example.org', role: 'admin' } });

    const secrets = [setupToken, ownerPassword, inviteToken, 'invitee password 1', 'a wrong password guess', cli.password];
    const hashes = (await db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
    const tokenHashes = [hashToken(setupToken), ...(await db.invite.findMany({ select: { tokenHash: true } })).map((i) => i.tokenHash)];
    const rows = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify(rows.map((r) => ({ ...r, seq: String(r.seq) })));
    for (const s of [...secrets, ...hashes, ...tokenHashes]) expect(text).not.toContain(s);
    expect(text).not.toContain('scrypt$');
  });
});
