import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { verifyAuditChain } from '@/lib/audit/verify-chain';

describe('audit log in Postgres', () => {
  it('chains events, refuses updates, and verify names the first broken row', async () => {
    const actor = { type: 'system' as const, label: 'test' };
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) => recordEvent(tx, { actor, action: 'test.event', details: { i, token: 'abc' } }));
    }
    const rows = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(5);
    expect(rows[0].details).toEqual({ i: 0, token: '[redacted]' });
    expect((await verifyAuditChain()).ok).toBe(true);

    await expect(db.auditEvent.update({ where: { seq: rows[2].seq }, data: { action: 'evil' } })).rejects.toThrow(/append-only/);

    // Simulate tampering by someone with superuser access who disables the trigger.
    await db.$executeRawUnsafe('alter table "AuditEvent" disable trigger audit_event_no_update');
    await db.$executeRawUnsafe(`update "AuditEvent" set "action" = 'evil' where seq = ${rows[2].seq}`);
    await db.$executeRawUnsafe('alter table "AuditEvent" enable trigger audit_event_no_update');
    const out = await verifyAuditChain();
    expect(out.ok).toBe(false);
    expect(out.firstBroken?.seq).toBe(String(rows[2].seq));
  });
});
