import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/create-user';
import { inviteUser } from '@/lib/users/invite-user';
import { listUsers } from '@/lib/users/list-users';
import { updateUser } from '@/lib/users/update-user';
import { actorOf, makeInstance, makeUser } from './auth-fixtures';

describe('role rules in the verbs', () => {
  it('viewers and moderators cannot manage users', async () => {
    const target = await makeUser('t@example.org', 'viewer');
    for (const role of ['viewer', 'moderator'] as const) {
      const ctx = { actor: actorOf(await makeUser(`${role}@example.org`, role)) };
      await expect(listUsers({ ctx })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(inviteUser({ ctx, input: { email: 'n@example.org', role: 'viewer' } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createUser({ ctx, input: { email: 'n@example.org', role: 'viewer' } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateUser({ ctx, input: { userId: target.id, disabled: true } })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('an admin cannot make or change an owner', async () => {
    const admin = await makeUser('admin@example.org', 'admin');
    const owner = await makeUser('owner@example.org', 'owner');
    const mod = await makeUser('mod@example.org', 'moderator');
    const ctx = { actor: actorOf(admin) };
    await expect(updateUser({ ctx, input: { userId: mod.id, role: 'owner' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateUser({ ctx, input: { userId: owner.id, role: 'viewer' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateUser({ ctx, input: { userId: owner.id, disabled: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inviteUser({ ctx, input: { email: 'o2@example.org', role: 'owner' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createUser({ ctx, input: { email: 'o2@example.org', role: 'owner' } })).rejects.toMatchObject({ code: 'forbidden' });
    // …but manages everyone below owner.
    expect(await updateUser({ ctx, input: { userId: mod.id, role: 'admin' } })).toMatchObject({ role: 'admin' });
  });

  it('nobody changes their own role', async () => {
    const owner = await makeUser('self@example.org', 'owner');
    await makeUser('self2@example.org', 'owner');
    await expect(updateUser({ ctx: { actor: actorOf(owner) }, input: { userId: owner.id, role: 'admin' } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the last active owner can be neither demoted nor disabled', async () => {
    await db.user.deleteMany();
    const a = await makeUser('a@example.org', 'owner');
    const b = await makeUser('b@example.org', 'owner');
    const system = { actor: { type: 'system' as const, label: 'cli' } };
    await updateUser({ ctx: { actor: actorOf(a) }, input: { userId: b.id, disabled: true } });
    await expect(updateUser({ ctx: system, input: { userId: a.id, role: 'admin' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateUser({ ctx: system, input: { userId: a.id, disabled: true } })).rejects.toMatchObject({ code: 'conflict' });
    // Re-enabled, b counts again, so a may step down.
    await updateUser({ ctx: system, input: { userId: b.id, disabled: false } });
    expect(await updateUser({ ctx: { actor: actorOf(b) }, input: { userId: a.id, role: 'admin' } })).toMatchObject({ role: 'admin' });
    const actions = (await db.auditEvent.findMany({ orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled', 'user.role_changed']));
  });

  it('limits a moderator to instances, lifts limits on promotion, and audits both', async () => {
    const owner = await makeUser('own@example.org', 'owner');
    const mod = await makeUser('lim@example.org', 'moderator');
    const i1 = await makeInstance('one');
    const i2 = await makeInstance('two');
    const ctx = { actor: actorOf(owner) };
    const limited = await updateUser({ ctx, input: { userId: mod.id, instanceIds: [i2.id, i1.id] } });
    expect(limited.instanceIds?.sort()).toEqual([i1.id, i2.id].sort());
    await expect(updateUser({ ctx, input: { userId: mod.id, instanceIds: [] } })).rejects.toThrow();
    const promoted = await updateUser({ ctx, input: { userId: mod.id, role: 'admin' } });
    expect(promoted.instanceIds).toBeNull();
    expect(await db.userInstance.count({ where: { userId: mod.id } })).toBe(0);
    const limits = await db.auditEvent.findMany({ where: { action: 'user.instances_limited', targetId: mod.id } });
    expect(limits).toHaveLength(2);
    const overview = await listUsers({ ctx });
    expect(overview.instances.map((i) => i.name)).toEqual(['one', 'two']);
    expect(JSON.stringify(overview)).not.toContain('scrypt$');
  });
});
