/**
 * Provisioning rules of an SSO sign-in, over the verb with a real database: a new user gets the highest mapped role,
 * no mapped group is refused, owners stay owners, only a verified email links an existing account, a disabled user
 * is refused, and a role change at sign-in ends the user's other sessions (sessionVersion). Plus the pure parts.
 */
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { provisionSsoUser, SSO_UNUSABLE_PASSWORD } from '@/lib/auth/sso/provision-sso-user';
import { groupsFromClaims, roleFromGroups } from '@/lib/auth/sso/role-from-groups';
import { SIGN_IN_ERRORS } from '@/lib/auth/sign-in-errors';
import { db } from '@/lib/db';
import { makeUser } from './auth-fixtures';

const ISSUER = 'https://idp.example.test/realms/mods';
const settings = {
  issuer: ISSUER, groupsClaim: 'groups',
  roleMap: [{ group: 'readers', role: 'viewer' as const }, { group: 'mods', role: 'moderator' as const }, { group: 'leads', role: 'admin' as const }],
};
const provision = (claims: Record<string, unknown>) => provisionSsoUser({ input: { settings, claims } });

async function lastRefusal() {
  return db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sso_refused' }, orderBy: { seq: 'desc' } });
}

describe('groups and roles (pure)', () => {
  it('reads the groups claim as an array or a single string, ignoring anything else', () => {
    expect(groupsFromClaims({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFromClaims({ roles: 'mods' }, 'roles')).toEqual(['mods']);
    expect(groupsFromClaims({ groups: { mods: true } }, 'groups')).toEqual([]);
    expect(groupsFromClaims({}, 'groups')).toEqual([]);
  });
  it('the highest mapped role wins; nothing mapped is null', () => {
    expect(roleFromGroups(['readers', 'leads', 'mods'], settings.roleMap)).toBe('admin');
    expect(roleFromGroups(['readers'], settings.roleMap)).toBe('viewer');
    expect(roleFromGroups(['strangers'], settings.roleMap)).toBeNull();
  });
});

describe('provisionSsoUser', () => {
  it('creates a new user with the highest mapped role, a DB pseudonym and no usable password', async () => {
    const signed = await provision({ sub: 'n1', email: 'New.One@Example.test', email_verified: false, name: 'New One', groups: ['readers', 'mods'] });
    const user = await db.user.findUniqueOrThrow({ where: { id: signed.id } });
    expect(signed).toMatchObject({ email: 'new.one@example.test', name: 'New One', method: 'sso', sessionVersion: 0 });
    expect(user.role).toBe('moderator');
    expect(user.ssoSubject).toBe(`${ISSUER}|n1`);
    expect(user.pseudonym).toMatch(/^[a-z0-9-]{3,32}$/);
    expect(user.passwordHash).toBe(SSO_UNUSABLE_PASSWORD);
    expect(await verifyPassword('', user.passwordHash)).toBe(false);
    expect(await verifyPassword(SSO_UNUSABLE_PASSWORD, user.passwordHash)).toBe(false);
    const created = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.created_by_sso', targetId: user.id } });
    expect(created.details).toMatchObject({ role: 'moderator', issuer: ISSUER });
    expect(await db.auditEvent.count({ where: { action: 'auth.sso_sign_in', targetId: user.id } })).toBe(1);
  });

  it('refuses a user none of whose groups is mapped, and creates nothing', async () => {
    await expect(provision({ sub: 'n2', email: 'nobody@example.test', email_verified: true, groups: ['strangers'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    await expect(provision({ sub: 'n3', email: 'nogroups@example.test', email_verified: true })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    expect(await db.user.count({ where: { email: { in: ['nobody@example.test', 'nogroups@example.test'] } } })).toBe(0);
    expect((await lastRefusal()).details).toMatchObject({ reason: 'no_mapped_group' });
  });

  it('links an existing account by a verified email, never by an unverified one', async () => {
    const existing = await makeUser('linked@example.test', 'viewer');
    await expect(provision({ sub: 'l1', email: 'linked@example.test', email_verified: false, groups: ['mods'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    expect((await lastRefusal()).details).toMatchObject({ reason: 'email_unverified' });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).ssoSubject).toBeNull();

    const signed = await provision({ sub: 'l1', email: 'linked@example.test', email_verified: true, groups: ['mods'] });
    expect(signed.id).toBe(existing.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.ssoSubject).toBe(`${ISSUER}|l1`);
    expect(after.passwordHash).toBe(existing.passwordHash); // password sign-in stays
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sso_sign_in', targetId: existing.id } });
    expect(audit.details).toMatchObject({ linked: true });
  });

  it('does not link an account already linked to another subject', async () => {
    await provision({ sub: 'x1', email: 'taken@example.test', email_verified: true, groups: ['mods'] });
    await expect(provision({ sub: 'x2', email: 'taken@example.test', email_verified: true, groups: ['mods'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    expect((await lastRefusal()).details).toMatchObject({ reason: 'email_linked_elsewhere' });
  });

  it('refuses a disabled user', async () => {
    const first = await provision({ sub: 'd1', email: 'disabled@example.test', email_verified: true, groups: ['mods'] });
    await db.user.update({ where: { id: first.id }, data: { disabledAt: new Date() } });
    await expect(provision({ sub: 'd1', email: 'disabled@example.test', email_verified: true, groups: ['mods'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    expect((await lastRefusal()).details).toMatchObject({ reason: 'disabled' });
  });

  it('keeps an owner an owner whatever the mapping says', async () => {
    const owner = await makeUser('owner.sso@example.test', 'owner');
    const signed = await provision({ sub: 'o1', email: 'owner.sso@example.test', email_verified: true, groups: ['readers'] });
    expect(signed.id).toBe(owner.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after.role).toBe('owner');
    expect(after.sessionVersion).toBe(owner.sessionVersion);
  });

  it('follows the mapping at each sign-in and a role change bumps sessionVersion', async () => {
    const first = await provision({ sub: 'r1', email: 'rolechange@example.test', email_verified: true, groups: ['mods'] });
    const same = await provision({ sub: 'r1', email: 'rolechange@example.test', email_verified: true, groups: ['mods'] });
    expect(same.sessionVersion).toBe(first.sessionVersion);
    const promoted = await provision({ sub: 'r1', email: 'rolechange@example.test', email_verified: true, groups: ['mods', 'leads'] });
    expect(promoted.sessionVersion).toBe(first.sessionVersion + 1);
    const user = await db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(user).toMatchObject({ role: 'admin', sessionVersion: first.sessionVersion + 1 });
    const changed = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.role_changed', targetId: first.id } });
    expect(changed.details).toMatchObject({ from: 'moderator', to: 'admin', via: 'sso' });
  });

  it('refuses claims without a subject, and a new user without an email', async () => {
    await expect(provision({ email: 'nosub@example.test', groups: ['mods'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    await expect(provision({ sub: 'ne1', groups: ['mods'] })).rejects.toThrow(SIGN_IN_ERRORS.ssoRefused);
    expect((await lastRefusal()).details).toMatchObject({ reason: 'no_email' });
  });
});
