/**
 * Issue 15: a moderator over the team's exposure limit no longer gets severe reports from the queue (a colleague
 * still does), cannot reveal a severe original (the refusal says why), and a pause after a severe item works the
 * same way; a lead's lift restores routing, audited, and is refused for oneself and for moderators.
 * Real Postgres and the real verbs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getExposureStatus } from '@/lib/exposure/get-exposure-status';
import { liftLimit } from '@/lib/exposure/lift-limit';
import { updateExposureLimits } from '@/lib/exposure/limits-settings';
import { listQueue } from '@/lib/queue/list-queue';
import { revealMedia } from '@/lib/queue/reveal-media';
import { matchedReport, pastReveals, person } from './exposure-fixtures';
import { makeInstance } from './queue-fixtures';

let instanceId = '';
let severe: Awaited<ReturnType<typeof matchedReport>>;
let mild: Awaited<ReturnType<typeof matchedReport>>;
let admin: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  instanceId = (await makeInstance('limits')).id;
  severe = await matchedReport(instanceId, 5, 'csam');
  mild = await matchedReport(instanceId, 2, 'spam');
  admin = await person('admin');
  await updateExposureLimits({ ctx: { actor: admin.actor }, input: { severeAt: 4, maxSevereRevealsPerDay: 3, pauseAfterSevereMinutes: null } });
});

const ids = async (actor: Awaited<ReturnType<typeof person>>['actor']) => {
  const page = await listQueue({ ctx: { actor }, input: { instanceId } });
  return { ids: page.items.map((r) => r.id), exposure: page.exposure };
};

describe('exposure limits', () => {
  it('over the daily limit: no severe reports, a refused severe reveal with the reason; a colleague unaffected', async () => {
    const tired = await person();
    const fresh = await person();
    await pastReveals(tired.user.id, 3, 4, 120);
    await pastReveals(tired.user.id, 5, 3, 30); // below severeAt: not counted
    await pastReveals(tired.user.id, 4, 5, 25 * 60); // older than 24 hours: not counted

    const mine = await ids(tired.actor);
    expect(mine.exposure).toMatchObject({ limited: true, severeRevealsLast24h: 3 });
    expect(mine.exposure?.reason).toMatch(/^You revealed 3 severe items in the last 24 hours, the team's limit\.$/);
    expect(mine.ids).toContain(mild.report.id);
    expect(mine.ids).not.toContain(severe.report.id);
    // It ends when the oldest counted reveal leaves the 24-hour window.
    expect(Math.abs(new Date(mine.exposure?.until ?? 0).getTime() - (Date.now() + 22 * 3600_000))).toBeLessThan(60_000);

    const theirs = await ids(fresh.actor);
    expect(theirs.exposure).toMatchObject({ limited: false, severeRevealsLast24h: 0, reason: null });
    expect(theirs.ids).toEqual(expect.arrayContaining([severe.report.id, mild.report.id]));

    await expect(revealMedia({ ctx: { actor: tired.actor }, input: { mediaId: severe.media.id } }))
      .rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringContaining(`${mine.exposure?.reason} Severe originals stay hidden for you until `) });
    expect(await db.auditEvent.count({ where: { action: 'media.reveal', actorId: tired.user.id } })).toBe(0);
    // The rest of the work goes on: a mild original still opens.
    await expect(revealMedia({ ctx: { actor: tired.actor }, input: { mediaId: mild.media.id } })).resolves.toMatchObject({ inline: true });
    await expect(revealMedia({ ctx: { actor: fresh.actor }, input: { mediaId: severe.media.id } })).resolves.toMatchObject({ inline: true });
  });

  it('reaching the limit through real reveals stops routing at exactly the limit', async () => {
    const mod = await person();
    for (let i = 0; i < 3; i++) {
      expect((await ids(mod.actor)).ids).toContain(severe.report.id);
      await revealMedia({ ctx: { actor: mod.actor }, input: { mediaId: severe.media.id } });
    }
    expect((await ids(mod.actor)).ids).not.toContain(severe.report.id);
  });

  it('the 24 hours are rolling, to the minute', async () => {
    const mod = await person();
    await pastReveals(mod.user.id, 2, 4, 24 * 60 - 2);
    await pastReveals(mod.user.id, 5, 4, 24 * 60 + 2);
    expect(await getExposureStatus(mod.user.id)).toMatchObject({ limited: false, severeRevealsLast24h: 2 });
    await pastReveals(mod.user.id, 1, 4, 1);
    const status = await getExposureStatus(mod.user.id);
    expect(status).toMatchObject({ limited: true, severeRevealsLast24h: 3 });
    // The oldest two leave in about two minutes, and then only one counts.
    expect(Math.abs(new Date(status.until ?? 0).getTime() - (Date.now() + 2 * 60_000))).toBeLessThan(30_000);
  });

  it('a pause after each severe item', async () => {
    await updateExposureLimits({ ctx: { actor: admin.actor }, input: { pauseAfterSevereMinutes: 15 } });
    try {
      const mod = await person();
      await pastReveals(mod.user.id, 1, 5, 5);
      const status = await getExposureStatus(mod.user.id);
      expect(status).toMatchObject({ limited: true, severeRevealsLast24h: 1 });
      expect(status.reason).toMatch(/5 minutes ago; the team asks for a 15-minute pause/);
      expect(Math.abs(new Date(status.until ?? 0).getTime() - (Date.now() + 10 * 60_000))).toBeLessThan(60_000);
      expect((await ids(mod.actor)).ids).not.toContain(severe.report.id);

      const rested = await person();
      await pastReveals(rested.user.id, 1, 5, 20);
      expect(await getExposureStatus(rested.user.id)).toMatchObject({ limited: false });
    } finally {
      await updateExposureLimits({ ctx: { actor: admin.actor }, input: { pauseAfterSevereMinutes: null } });
    }
  });

  it('a lead lifts the limit (audited); not for oneself, not by a moderator', async () => {
    const tired = await person();
    await pastReveals(tired.user.id, 3, 5);
    expect((await ids(tired.actor)).ids).not.toContain(severe.report.id);

    const colleague = await person();
    await expect(liftLimit({ ctx: { actor: colleague.actor }, input: { userId: tired.user.id, reason: 'urgent' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(liftLimit({ ctx: { actor: admin.actor }, input: { userId: admin.user.id, reason: 'me' } }))
      .rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringMatching(/cannot lift your own limit/) });
    await expect(liftLimit({ ctx: { actor: admin.actor }, input: { userId: tired.user.id, reason: '' } })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(liftLimit({ ctx: { actor: admin.actor }, input: { userId: tired.user.id, reason: 'x', hours: 25 } })).rejects.toMatchObject({ name: 'ZodError' });
    expect(await db.exposureLift.count({ where: { userId: tired.user.id } })).toBe(0);

    const lifted = await liftLimit({ ctx: { actor: admin.actor }, input: { userId: tired.user.id, reason: 'Only one severe report left tonight' } });
    expect(Math.abs(new Date(lifted.expiresAt).getTime() - (Date.now() + 8 * 3600_000))).toBeLessThan(60_000);
    const after = await ids(tired.actor);
    expect(after.ids).toContain(severe.report.id);
    expect(after.exposure).toMatchObject({ limited: false, severeRevealsLast24h: 3, lift: { expiresAt: lifted.expiresAt, reason: 'Only one severe report left tonight', by: admin.user.email } });
    await expect(revealMedia({ ctx: { actor: tired.actor }, input: { mediaId: severe.media.id } })).resolves.toBeTruthy();

    const audit = await db.auditEvent.findMany({ where: { action: 'exposure.limit_lifted' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.user.id, targetType: 'user', targetId: tired.user.id });
    expect(audit[0].details).toEqual({ userId: tired.user.id, reason: 'Only one severe report left tonight', expiresAt: lifted.expiresAt });

    // An expired lift is no lift.
    await db.exposureLift.updateMany({ where: { userId: tired.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getExposureStatus(tired.user.id)).toMatchObject({ limited: true, lift: null });
  });
});
