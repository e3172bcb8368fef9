import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
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
    expect(rows.every((r) => r.chainVersion === 2)).toBe(true);
    expect(rows[0].details).toEqual({ i: 0, token: '[redacted]' });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5 });

    // The app's role may not update at all (the owner's trigger is the second line).
    await expect(db.auditEvent.update({ where: { seq: rows[2].seq }, data: { action: 'evil' } })).rejects.toThrow(/permission denied/);

    // Simulate tampering by someone with superuser access who disables the trigger.
    const owner = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
    await owner.connect();
    await expect(owner.query(`update "AuditEvent" set "action" = 'evil' where seq = ${rows[2].seq}`)).rejects.toThrow(/append-only/);
    await owner.query('alter table "AuditEvent" disable trigger audit_event_no_update');
    await owner.query(`update "AuditEvent" set "action" = 'evil' where seq = ${rows[2].seq}`);
    await owner.query('alter table "AuditEvent" enable trigger audit_event_no_update');
    await owner.end();
    const out = await verifyAuditChain();
    expect(out.ok).toBe(false);
    expect(out.firstBroken?.seq).toBe(String(rows[2].seq));
  });
});
