import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { inviteUser } from '@/lib/users/invite-user';
import { acceptInvite } from '@/lib/users/accept-invite';
import { findInvite } from '@/lib/users/find-invite';
import { revokeInvite } from '@/lib/users/revoke-invite';
import { signIn } from '@/lib/auth/sign-in';
import { actorOf, makeInstance, makeUser } from './auth-fixtures';

const tokenOf = (path: string) => path.replace('/invite/', '');

describe('invites', () => {
  it('an admin invites a moderator limited to one instance; the invite is accepted once', async () => {
    const admin = await makeUser('admin@example.org', 'admin');
    const [a] = [await makeInstance('alpha'), await makeInstance('beta')];
    const out = await inviteUser({ ctx: { actor: actorOf(admin) }, input: { email: 'New@Example.org', role: 'moderator', instanceIds: [a.id] } });
    expect(out.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.invite.findUniqueOrThrow({ where: { id: out.inviteId } });
    expect(stored.tokenHash).not.toContain(tokenOf(out.path));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(await findInvite(tokenOf(out.path))).toMatchObject({ email: 'new@example.org', role: 'moderator' });

    const user = await acceptInvite({ input: { token: tokenOf(out.path), name: 'Nia', password: 'twelve chars ok!' }, ip: '192.0.2.1' });
    const created = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { instances: true } });
    expect(created).toMatchObject({ email: 'new@example.org', role: 'moderator', name: 'Nia', limitedToInstances: true });
    expect(created.instances.map((i) => i.instanceId)).toEqual([a.id]);
    expect(await signIn({ email: 'new@example.org', password: 'twelve chars ok!' })).toMatchObject({ ok: true });

    await expect(acceptInvite({ input: { token: tokenOf(out.path), name: 'Again', password: 'twelve chars ok!' } })).rejects.toMatchObject({ code: 'not_found' });
    const actions = (await db.auditEvent.findMany({ orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions).toContain('user.invited');
    expect(actions).toContain('user.invite_accepted');
  });

  it('refuses short passwords, expired and revoked invites', async () => {
    const admin = await makeUser('admin2@example.org', 'admin');
    const ctx = { actor: actorOf(admin) };
    const one = await inviteUser({ ctx, input: { email: 'short@example.org', role: 'viewer' } });
    await expect(acceptInvite({ input: { token: tokenOf(one.path), name: 'S', password: 'short' } })).rejects.toThrow();

    await db.invite.update({ where: { id: one.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvite({ input: { token: tokenOf(one.path), name: 'S', password: 'long enough now' } })).rejects.toMatchObject({ code: 'not_found' });

    const two = await inviteUser({ ctx, input: { email: 'revoked@example.org', role: 'viewer' } });
    await revokeInvite({ ctx, input: { inviteId: two.inviteId } });
    await expect(acceptInvite({ input: { token: tokenOf(two.path), name: 'R', password: 'long enough now' } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.user.count({ where: { email: { in: ['short@example.org', 'revoked@example.org'] } } })).toBe(0);
  });

  it('refuses inviting an existing email, unknown instances and limits on managers', async () => {
    const admin = await makeUser('admin3@example.org', 'admin');
    const ctx = { actor: actorOf(admin) };
    await expect(inviteUser({ ctx, input: { email: 'admin3@example.org', role: 'viewer' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(inviteUser({ ctx, input: { email: 'x@example.org', role: 'viewer', instanceIds: [crypto.randomUUID()] } })).rejects.toMatchObject({ code: 'bad_request' });
    const inst = await makeInstance('gamma');
    await expect(inviteUser({ ctx, input: { email: 'x@example.org', role: 'admin', instanceIds: [inst.id] } })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('refuses a second open invite for one email, naming the email and the expiry, until it is revoked or expired', async () => {
    const admin = await makeUser('admin4@example.org', 'admin');
    const ctx = { actor: actorOf(admin) };
    const first = await inviteUser({ ctx, input: { email: 'twice@example.org', role: 'viewer' } });
    const day = first.expiresAt.slice(0, 10);
    // Case and spaces do not make a different person.
    const again = inviteUser({ ctx, input: { email: ' Twice@Example.org ', role: 'moderator' } });
    await expect(again).rejects.toMatchObject({ code: 'conflict', status: 409 });
    await expect(inviteUser({ ctx, input: { email: 'twice@example.org', role: 'viewer' } })).rejects.toSatisfy((e: { userMessage: string }) =>
      e.userMessage.startsWith('twice@example.org already has an open invite (expires ' + day) && e.userMessage.includes('revoke it or send the same link again'),
    );
    expect(await db.invite.count({ where: { email: 'twice@example.org' } })).toBe(1);

    // Revoked: a new one may be sent.
    await revokeInvite({ ctx, input: { inviteId: first.inviteId } });
    const second = await inviteUser({ ctx, input: { email: 'twice@example.org', role: 'viewer' } });
    // Expired: likewise.
    await db.invite.update({ where: { id: second.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const third = await inviteUser({ ctx, input: { email: 'twice@example.org', role: 'viewer' } });
    // Accepted: the email is now a user's, which is refused with its own message.
    await acceptInvite({ input: { token: tokenOf(third.path), name: 'T', password: 'twelve chars ok!' } });
    await expect(inviteUser({ ctx, input: { email: 'twice@example.org', role: 'viewer' } })).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('twice@example.org already has an account'),
    });
    expect(await db.invite.count({ where: { email: 'twice@example.org' } })).toBe(3);
  });

  it('two admins inviting one email at the same moment make one invite', async () => {
    const admin = await makeUser('admin5@example.org', 'admin');
    const ctx = { actor: actorOf(admin) };
    const results = await Promise.allSettled([0, 1, 2].map(() => inviteUser({ ctx, input: { email: 'race@example.org', role: 'viewer' } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.invite.count({ where: { email: 'race@example.org' } })).toBe(1);
  });
});
