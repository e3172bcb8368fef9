import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { hashToken } from '@/lib/auth/tokens';
import { checkSetupToken, consumeSetupToken, ensureSetupToken, SETUP_TOKEN_KEY, setupLink } from '@/lib/auth/setup-token';
import { createUser } from '@/lib/users/create-user';
import { verifyPassword } from '@/lib/auth/password';

const owner = { email: 'Owner@Example.org', name: 'Olu', password: 'a very good password' };

describe('first-run setup token', () => {
  it('is created while nobody exists, stored only as a hash, consumed once', async () => {
    const token = await ensureSetupToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setupLink(token!)).toMatch(/\/setup\?token=/);
    const row = await db.setting.findUniqueOrThrow({ where: { key: SETUP_TOKEN_KEY } });
    expect(JSON.stringify(row.value)).not.toContain(token!);
    expect(JSON.stringify(row.value)).toContain(hashToken(token!));

    await expect(consumeSetupToken('wrong-token', owner)).rejects.toMatchObject({ code: 'forbidden' });
    const created = await consumeSetupToken(token!, owner);
    expect(created.email).toBe('owner@example.org');
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.role).toBe('owner');
    expect(await verifyPassword(owner.password, user.passwordHash)).toBe(true);

    const events = await db.auditEvent.findMany({ where: { action: 'user.owner_created' } });
    expect(events).toHaveLength(1);
    expect(events[0].actorLabel).toBe('system:setup');
    expect(await db.setting.findUnique({ where: { key: SETUP_TOKEN_KEY } })).toBeNull();

    await expect(consumeSetupToken(token!, { ...owner, email: 'second@example.org' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ensureSetupToken()).toBeNull();
  });

  it('a fresh start replaces the previous token', async () => {
    await db.user.deleteMany();
    const first = await ensureSetupToken();
    const second = await ensureSetupToken();
    expect(second).not.toBe(first);
    expect(await checkSetupToken(first!)).toBe(false);
    expect(await checkSetupToken(second!)).toBe(true);
  });

  it('refuses an expired token', async () => {
    await db.user.deleteMany();
    const token = await ensureSetupToken();
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await db.setting.update({ where: { key: SETUP_TOKEN_KEY }, data: { value: { hash: hashToken(token!), createdAt: old } } });
    await expect(consumeSetupToken(token!, owner)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.user.count()).toBe(0);
  });

  it('refuses when an owner already exists (made by the CLI), and the CLI path clears the token', async () => {
    await db.user.deleteMany();
    const token = await ensureSetupToken();
    const out = await createUser({ ctx: { actor: { type: 'system', label: 'cli' } }, input: { email: 'cli@example.org', role: 'owner' } });
    expect(out.generated).toBe(true);
    expect(out.password.length).toBeGreaterThanOrEqual(20);
    await expect(consumeSetupToken(token!, owner)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.user.count()).toBe(1);
  });

  it('two concurrent uses create exactly one owner', async () => {
    await db.user.deleteMany();
    const token = await ensureSetupToken();
    const results = await Promise.allSettled([
      consumeSetupToken(token!, { ...owner, email: 'a@example.org' }),
      consumeSetupToken(token!, { ...owner, email: 'b@example.org' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.user.count()).toBe(1);
  });
});
