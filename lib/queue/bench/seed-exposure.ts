/**
 * The exposure layer of the queue bench (issue 15): 1 report in 50 carries a severe match, 50 staff members hold
 * 200,000 exposure records over 90 days, and one moderator is over the default limit (25 severe reveals in the last
 * 24 hours), so the queue's per-request exposure check and the severe filter have real work to do.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { insertColumns } from './bulk-insert';

const STAFF = 50;
const EVENTS = 200_000;
const DAYS = 90;
const KINDS = ['reveal', 'reveal', 'reveal', 'case_view', 'evidence_open'] as const;

export async function seedExposure(client: pg.Client, rand: () => number): Promise<{ exposedId: string }> {
  await client.query(`update "Report" set "matchSeverity" = 5 where abs(hashtext(id::text)) % 50 = 2`);
  const staff = Array.from({ length: STAFF }, () => crypto.randomUUID());
  await insertColumns(client, 'User', [['id', 'uuid'], ['email', 'text'], ['passwordHash', 'text'], ['role', '"Role"'], ['updatedAt', 'timestamp(3)']],
    [staff, staff.map((_, i) => `bench-staff-${i}@example.test`), staff.map(() => 'x'), staff.map(() => 'moderator'), staff.map(() => new Date().toISOString())]);
  const now = Date.now();
  const ev = { id: [] as string[], user: [] as string[], kind: [] as string[], sev: [] as number[], at: [] as string[], dur: [] as (number | null)[] };
  for (let i = 0; i < EVENTS; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    ev.id.push(crypto.randomUUID());
    ev.user.push(staff[Math.floor(rand() * STAFF)]);
    ev.kind.push(kind);
    ev.sev.push(rand() < 0.1 ? 5 : rand() < 0.3 ? 2 : 0);
    ev.at.push(new Date(now - rand() * DAYS * 86_400_000).toISOString());
    ev.dur.push(kind === 'reveal' ? Math.floor(rand() * 60_000) : null);
  }
  const exposedId = crypto.randomUUID();
  await client.query(`insert into "User" (id, email, "passwordHash", role, "updatedAt") values ($1, 'bench-exposed@example.test', 'x', 'moderator', now())`, [exposedId]);
  for (let i = 0; i < 25; i++) {
    ev.id.push(crypto.randomUUID()); ev.user.push(exposedId); ev.kind.push('reveal'); ev.sev.push(5);
    ev.at.push(new Date(now - rand() * 20 * 3_600_000).toISOString()); ev.dur.push(5_000);
  }
  await insertColumns(client, 'ExposureEvent', [['id', 'uuid'], ['userId', 'uuid'], ['kind', '"ExposureKind"'], ['severity', 'int'], ['startedAt', 'timestamp(3)'], ['durationMs', 'int']],
    [ev.id, ev.user, ev.kind, ev.sev, ev.at, ev.dur]);
  return { exposedId };
}
