/**
 * Issue 15: what a person was shown, as they and their leads see it. Case views are deduplicated within 30
 * minutes; an evidence item opened is an exposure with the case's severity; one's own days and weeks come zero-filled
 * (UTC); the team view lists every active member, also those who saw nothing, without any content field.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { openEvidenceItem } from '@/lib/evidence/open-evidence-item';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { getMyExposure } from '@/lib/exposure/get-my-exposure';
import { getTeamExposure } from '@/lib/exposure/get-team-exposure';
import { recordCaseView } from '@/lib/exposure/record-case-view';
import { matchedReport, person } from './exposure-fixtures';
import { makeInstance } from './queue-fixtures';

vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueCopySearch: vi.fn(async () => {}) }));

let caseId = '';
let admin: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  admin = await person('admin');
  const inst = await makeInstance('views');
  const { media } = await matchedReport(inst.id, 5, 'csam');
  const original = await db.media.findUniqueOrThrow({ where: { id: media.id } });
  await db.media.update({ where: { id: media.id }, data: { sha256: crypto.createHash('sha256').update(original.id).digest('hex') } });
  caseId = (await openCase({ ctx: { actor: admin.actor }, input: { mediaId: media.id } })).caseId;
  await db.case.update({ where: { id: caseId }, data: { severity: 5, label: 'csam' } });
});

const at = (iso: string) => new Date(iso);

describe('exposure views', () => {
  it('a case viewed twice within 30 minutes is one exposure with the case severity; later it is another', async () => {
    const mod = await person();
    expect(await recordCaseView({ ctx: { actor: mod.actor }, input: { caseId } })).toBe(true);
    expect(await recordCaseView({ ctx: { actor: mod.actor }, input: { caseId } })).toBe(false);
    const rows = await db.exposureEvent.findMany({ where: { userId: mod.user.id } });
    expect(rows).toMatchObject([{ kind: 'case_view', caseId, severity: 5, label: 'csam' }]);
    await db.exposureEvent.update({ where: { id: rows[0].id }, data: { startedAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await recordCaseView({ ctx: { actor: mod.actor }, input: { caseId } })).toBe(true);
    // Another person's view is theirs.
    const other = await person();
    expect(await recordCaseView({ ctx: { actor: other.actor }, input: { caseId } })).toBe(true);
  });

  it('opening an evidence item is an exposure with the case severity, in the same act as evidence.viewed', async () => {
    const sealed = await sealEvidence({ ctx: { actor: admin.actor }, input: { caseId, reason: 'before purge' } });
    const item = await openEvidenceItem({ ctx: { actor: admin.actor }, input: { evidenceId: sealed.evidenceId, n: 0, reason: 'to check' } });
    expect(item.bytes.length).toBeGreaterThan(0);
    const rows = await db.exposureEvent.findMany({ where: { userId: admin.user.id, kind: 'evidence_open' } });
    expect(rows).toMatchObject([{ caseId, evidenceId: sealed.evidenceId, severity: 5, label: 'csam' }]);
  });

  it('my exposure: 28 days and 12 weeks, zeros included, UTC, severe by the team threshold; recent without content', async () => {
    const mod = await person();
    const now = at('2026-11-18T10:00:00Z'); // a Wednesday
    const ev = (startedAt: string, kind: 'reveal' | 'case_view' | 'evidence_open', severity: number, durationMs: number | null = null) =>
      ({ id: crypto.randomUUID(), userId: mod.user.id, kind, severity, label: severity ? 'other' : null, startedAt: at(startedAt), durationMs, mediaId: crypto.randomUUID() });
    await db.exposureEvent.createMany({ data: [
      ev('2026-11-18T00:30:00Z', 'reveal', 5, 12_400),
      ev('2026-11-18T09:00:00Z', 'reveal', 2, 3_000),
      ev('2026-11-17T23:59:00Z', 'reveal', 4, null),
      ev('2026-11-17T12:00:00Z', 'case_view', 4),
      ev('2026-11-16T12:00:00Z', 'evidence_open', 0), // Monday: this week
      ev('2026-11-15T12:00:00Z', 'reveal', 3, 1_000), // Sunday: last week
      ev('2026-10-01T12:00:00Z', 'reveal', 5, 1_000), // in the 12 weeks, not the 28 days
      ev('2026-06-01T12:00:00Z', 'reveal', 5, 1_000), // outside both
    ] });
    const view = await getMyExposure({ ctx: { actor: mod.actor }, input: { now } });
    expect(view.days).toHaveLength(28);
    expect(view.days[0].day).toBe('2026-10-22');
    expect(view.days[27]).toEqual({ day: '2026-11-18', reveals: 2, severeReveals: 1, revealSeconds: 15, caseViews: 0, evidenceOpens: 0 });
    expect(view.days[26]).toEqual({ day: '2026-11-17', reveals: 1, severeReveals: 1, revealSeconds: 0, caseViews: 1, evidenceOpens: 0 });
    expect(view.days[20]).toEqual({ day: '2026-11-11', reveals: 0, severeReveals: 0, revealSeconds: 0, caseViews: 0, evidenceOpens: 0 });
    expect(view.weeks).toHaveLength(12);
    expect(view.weeks[11]).toEqual({ weekStart: '2026-11-16', reveals: 3, severeReveals: 2, revealSeconds: 15, caseViews: 1, evidenceOpens: 1 });
    expect(view.weeks[10]).toMatchObject({ weekStart: '2026-11-09', reveals: 1, severeReveals: 0 });
    expect(view.weeks[0].weekStart).toBe('2026-08-31');
    expect(view.weeks.reduce((s, w) => s + w.reveals, 0)).toBe(5);
    expect(view.recent).toHaveLength(8);
    expect(view.recent[0]).toEqual({ kind: 'reveal', severity: 2, label: 'other', at: '2026-11-18T09:00:00.000Z', durationSeconds: 3 });
    expect(JSON.stringify(view)).not.toMatch(/mediaId|caseId|evidenceId|instanceId/);
  });

  it('the team view: admins only, every active member, counts without content', async () => {
    const quiet = await person('viewer');
    const gone = await person();
    await db.user.update({ where: { id: gone.user.id }, data: { disabledAt: new Date() } });
    const mod = await person();
    await expect(getTeamExposure({ ctx: { actor: mod.actor } })).rejects.toMatchObject({ code: 'forbidden' });
    const team = await getTeamExposure({ ctx: { actor: admin.actor } });
    const ids = team.rows.map((r) => r.userId);
    expect(ids).toContain(quiet.user.id);
    expect(ids).not.toContain(gone.user.id);
    const quietRow = team.rows.find((r) => r.userId === quiet.user.id);
    expect(quietRow).toMatchObject({ label: quiet.user.email, role: 'viewer', last7: { reveals: 0 }, last28: { reveals: 0 }, status: { limited: false } });
    expect(quietRow?.days).toHaveLength(28);
    const adminRow = team.rows.find((r) => r.userId === admin.user.id);
    expect(adminRow?.last7).toMatchObject({ caseViews: 0, evidenceOpens: 1 });
    const text = JSON.stringify(team);
    expect(text).not.toMatch(/mediaId|caseId|evidenceId|instanceId|csam|"label":"other"/);
    expect(text).not.toContain(caseId);
  });
});
