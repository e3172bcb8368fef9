/**
 * Who may file to CyberTipline: the system actor, owners and admins by role, moderators only with the grant (read
 * fresh, so a revoke or a disable takes effect at once even for a session issued before), viewers never. Only
 * owners and admins grant; a viewer cannot be granted; each change is audited.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { assertCanFile, canFile } from '@/lib/filing/filing-access';
import { listUsers } from '@/lib/users/list-users';
import { setFilingAccess } from '@/lib/users/set-filing-access';
import { actorFor, makeUser } from './queue-fixtures';
import { systemActor } from './support/fixtures';

describe('canFile', () => {
  it('matrix: system, owner, admin yes; moderator only when granted; viewer never', async () => {
    const [owner, admin, mod, viewer] = [
      actorFor(await makeUser('owner')), actorFor(await makeUser('admin')), actorFor(await makeUser('moderator')), actorFor(await makeUser('viewer')),
    ];
    expect(await canFile(systemActor)).toBe(true);
    expect(await canFile({ type: 'webhook', instanceId: '00000000-0000-4000-8000-000000000099' })).toBe(false);
    expect(await canFile(owner)).toBe(true);
    expect(await canFile(admin)).toBe(true);
    expect(await canFile(mod)).toBe(false);
    expect(await canFile(viewer)).toBe(false);
    await expect(assertCanFile(mod)).rejects.toMatchObject({ code: 'forbidden', userMessage: 'Filing to CyberTipline needs the filing permission (ask an owner or admin).' });

    // Only managers grant; viewers cannot be granted (and a grant written by hand does not count for them).
    await expect(setFilingAccess({ ctx: { actor: mod }, input: { userId: mod.id, granted: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setFilingAccess({ ctx: { actor: admin }, input: { userId: viewer.id, granted: true } })).rejects.toMatchObject({ code: 'bad_request' });
    await db.user.update({ where: { id: viewer.id }, data: { filingAccess: true } });
    expect(await canFile(viewer)).toBe(false);

    expect(await setFilingAccess({ ctx: { actor: admin }, input: { userId: mod.id, granted: true } })).toEqual({ filingAccess: true });
    expect(await canFile(mod)).toBe(true);
    await expect(assertCanFile(mod)).resolves.toBeUndefined();
    const listed = (await listUsers({ ctx: { actor: admin } })).users.find((u) => u.id === mod.id);
    expect(listed?.filingAccess).toBe(true);

    // Revoked: refused at once, though the actor (the session) still says moderator.
    await setFilingAccess({ ctx: { actor: owner }, input: { userId: mod.id, granted: false } });
    expect(await canFile(mod)).toBe(false);
    // Granted but disabled: refused.
    await setFilingAccess({ ctx: { actor: owner }, input: { userId: mod.id, granted: true } });
    await db.user.update({ where: { id: mod.id }, data: { disabledAt: new Date() } });
    expect(await canFile(mod)).toBe(false);
    // Demoted to viewer with the grant still set: refused.
    await db.user.update({ where: { id: mod.id }, data: { disabledAt: null, role: 'viewer' } });
    expect(await canFile(mod)).toBe(false);

    const events = await db.auditEvent.findMany({ where: { action: 'user.filing_access_changed', targetId: mod.id }, orderBy: { seq: 'asc' }, select: { details: true } });
    expect(events.map((e) => e.details)).toMatchObject([{ from: false, to: true }, { from: true, to: false }, { from: false, to: true }]);
  });

  it('an admin cannot change an owner, and nobody changes themselves', async () => {
    const [owner, admin] = [actorFor(await makeUser('owner')), actorFor(await makeUser('admin'))];
    await expect(setFilingAccess({ ctx: { actor: admin }, input: { userId: owner.id, granted: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setFilingAccess({ ctx: { actor: admin }, input: { userId: admin.id, granted: true } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
