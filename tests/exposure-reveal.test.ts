/**
 * Issue 15: each reveal of an original is an exposure with its severity, label and how long it stayed revealed.
 * Real Postgres, the real verbs; only the session layer of the end route is a stub applying the real role rule.
 */
import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { endReveal, MAX_REVEAL_MS } from '@/lib/exposure/end-reveal';
import { revealMedia } from '@/lib/queue/reveal-media';
import { matchedReport, person } from './exposure-fixtures';
import { makeInstance } from './queue-fixtures';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const { GET: originalGet } = await import('@/app/api/media/[id]/original/route');
const { POST: endPost } = await import('@/app/api/exposure/reveals/[id]/end/route');
const p = <T extends Record<string, string>>(v: T) => ({ params: Promise.resolve(v) });

const exposures = (userId: string) => db.exposureEvent.findMany({ where: { userId }, orderBy: { startedAt: 'asc' } });
const backdate = (id: string, ms: number) => db.exposureEvent.update({ where: { id }, data: { startedAt: new Date(Date.now() - ms) } });

describe('reveal exposure', () => {
  it('records the best match severity and label under the browser id, in the same act as media.reveal', async () => {
    const inst = await makeInstance('exp');
    const { report, media } = await matchedReport(inst.id, 5, 'csam');
    const { actor, user } = await person();
    const revealId = crypto.randomUUID();
    const out = await revealMedia({ ctx: { actor }, input: { mediaId: media.id, reportId: report.id, revealId } });
    expect(out.revealId).toBe(revealId);
    const rows = await exposures(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: revealId, kind: 'reveal', severity: 5, label: 'csam', mediaId: media.id, instanceId: inst.id, durationMs: null, endedAt: null });
    expect(await db.auditEvent.count({ where: { action: 'media.reveal', actorId: user.id } })).toBe(1);
  });

  it('an unmatched media item is severity 0 without label', async () => {
    const inst = await makeInstance('exp');
    const { media } = await matchedReport(inst.id, 0);
    const { actor, user } = await person();
    await revealMedia({ ctx: { actor }, input: { mediaId: media.id } });
    expect(await exposures(user.id)).toMatchObject([{ kind: 'reveal', severity: 0, label: null }]);
  });

  it('a replayed reveal id is one exposure; an id of someone else or another media is not reused', async () => {
    const inst = await makeInstance('exp');
    const { media } = await matchedReport(inst.id, 4);
    const other = await matchedReport(inst.id, 4);
    const a = await person();
    const b = await person();
    const revealId = crypto.randomUUID();
    await revealMedia({ ctx: { actor: a.actor }, input: { mediaId: media.id, revealId } });
    await revealMedia({ ctx: { actor: a.actor }, input: { mediaId: media.id, revealId } }); // reload of the same reveal
    expect(await exposures(a.user.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'media.reveal', actorId: a.user.id } })).toBe(2); // every fetch stays audited
    const onOther = await revealMedia({ ctx: { actor: a.actor }, input: { mediaId: other.media.id, revealId } });
    expect(onOther.revealId).not.toBe(revealId);
    const byB = await revealMedia({ ctx: { actor: b.actor }, input: { mediaId: media.id, revealId } });
    expect(byB.revealId).not.toBe(revealId);
    expect(await exposures(a.user.id)).toHaveLength(2);
    expect(await exposures(b.user.id)).toHaveLength(1);
    expect((await db.exposureEvent.findUnique({ where: { id: revealId } }))?.userId).toBe(a.user.id);
  });

  it('the end beacon sets the duration once, capped at 4 hours, own reveals only', async () => {
    const inst = await makeInstance('exp');
    const { media } = await matchedReport(inst.id, 3, 'spam');
    const owner = await person();
    const stranger = await person();
    const id = crypto.randomUUID();
    session.actor = owner.actor;
    const res = await originalGet(new Request(`http://app.test/api/media/${media.id}/original?reveal=${id}`), p({ id: media.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Reveal-Id')).toBe(id);
    await backdate(id, 90_000);

    session.actor = stranger.actor;
    expect((await endPost(new Request(`http://app.test/api/exposure/reveals/${id}/end`, { method: 'POST' }), p({ id }))).status).toBe(404);

    session.actor = owner.actor;
    // A beacon sends text/plain (or nothing): no JSON content type is needed.
    const first = await endPost(new Request(`http://app.test/api/exposure/reveals/${id}/end`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), p({ id }));
    expect(first.status).toBe(200);
    const row = await db.exposureEvent.findUniqueOrThrow({ where: { id } });
    expect(row.durationMs).toBeGreaterThanOrEqual(90_000);
    expect(row.durationMs).toBeLessThan(100_000);
    expect(row.endedAt).not.toBeNull();
    await backdate(id, 600_000);
    const second = await endPost(new Request(`http://app.test/api/exposure/reveals/${id}/end`, { method: 'POST' }), p({ id }));
    expect(((await second.json()) as { durationMs: number }).durationMs).toBe(row.durationMs);
    expect((await db.exposureEvent.findUniqueOrThrow({ where: { id } })).durationMs).toBe(row.durationMs);

    const { revealId: long } = await revealMedia({ ctx: { actor: owner.actor }, input: { mediaId: media.id } });
    await backdate(long ?? '', 30 * 60 * 60 * 1000);
    expect((await endReveal({ ctx: { actor: owner.actor }, input: { id: long ?? '' } })).durationMs).toBe(MAX_REVEAL_MS);

    const viewer = await person('viewer');
    session.actor = viewer.actor;
    expect((await endPost(new Request(`http://app.test/api/exposure/reveals/${id}/end`, { method: 'POST' }), p({ id }))).status).toBe(403);
  });
});
