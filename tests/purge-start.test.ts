/**
 * Starting a purge (issue 10, points 2-3): the plan from real copies on real fakes, evidence sealed before any step
 * exists, a moderator's account deletion waiting for an admin and carried out after approval, a second start
 * refused, options checked against a freshly built plan (never a client's payload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { approvePurgeSteps } from '@/lib/purge/approve-purge-steps';
import { getPurgePlan } from '@/lib/purge/get-purge-plan';
import { runPurge } from '@/lib/purge/run-purge';
import { startPurge } from '@/lib/purge/start-purge';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { persistActor, userActor } from './support/fixtures';
import { destructiveCalls, purgeWorld, type World } from './purge-support';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-00000000c101');
const admin = userActor('admin', null, '00000000-0000-4000-8000-00000000c102');
let world: World;
let runId: string;
const id = (name: string) => world.fakes.get(name)!.instanceId;
const seqOf = async (action: string) => (await db.auditEvent.findMany({ where: { action, targetId: world.caseId }, select: { seq: true } })).map((e) => Number(e.seq));

beforeAll(async () => {
  await persistActor(moderator);
  await persistActor(admin);
  world = await purgeWorld([
    { name: 'misskey', start: () => startFakeMisskey({ reports: 1, seed: 1101, knownBad: {} }) },
    { name: 'akkoma', start: () => startFakeAkkoma({ reports: 1, seed: 1102, knownBad: {} }) },
  ], 1100);
}, 90_000);
afterAll(async () => { await world?.close(); });

describe('startPurge', () => {
  it('plans every instance holding a copy, with that instance\'s own ids', async () => {
    const plan = await getPurgePlan({ ctx: { actor: moderator }, input: { caseId: world.caseId } });
    expect(plan.instances.map((i) => i.instance.id).sort()).toEqual([id('origin-reporter'), id('misskey'), id('akkoma')].sort());
    expect(plan.sealsFirst).toBe(true);
    const mk = plan.instances.find((i) => i.instance.id === id('misskey'))!;
    expect(mk.defaultOptionId).toBe('delete_note_file');
    const copy = await db.caseCopy.findFirstOrThrow({ where: { caseId: world.caseId, instanceId: id('misskey') } });
    expect(mk.options[0].steps.map((s) => s.payload)).toContainEqual({ kind: 'status.delete', statusId: copy.remotePostId });
    expect(mk.options.find((o) => o.id === 'delete_account')!.steps[0]).toMatchObject({ kind: 'account.delete', needsAdmin: true });
  });

  it('refuses an unknown or unavailable option and an instance not in the plan, before sealing anything', async () => {
    await expect(startPurge({ ctx: { actor: moderator }, input: { caseId: world.caseId, choices: [{ instanceId: id('misskey'), optionId: 'nuke' }] } }))
      .rejects.toMatchObject({ code: 'bad_request' });
    await expect(startPurge({ ctx: { actor: moderator }, input: { caseId: world.caseId, choices: [{ instanceId: '00000000-0000-4000-8000-0000000000ff', optionId: 'skip' }] } }))
      .rejects.toMatchObject({ code: 'bad_request' });
    const viewer = userActor('viewer', null, '00000000-0000-4000-8000-00000000c103');
    await expect(startPurge({ ctx: { actor: viewer }, input: { caseId: world.caseId, choices: [] } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.evidence.count({ where: { caseId: world.caseId } })).toBe(0);
    expect(await db.purgeRun.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it('seals first, then writes the run; a moderator\'s account deletion waits for an admin', async () => {
    const started = await startPurge({ ctx: { actor: moderator }, input: { caseId: world.caseId, choices: [{ instanceId: id('misskey'), optionId: 'delete_account' }] } });
    runId = started.runId;
    expect(started.needsAdmin).toBeGreaterThanOrEqual(1);
    const sealed = await seqOf('evidence.sealed');
    const purgeStarted = await seqOf('case.purge_started');
    expect(sealed.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(...sealed)).toBeLessThan(Math.max(...purgeStarted));
    expect((await db.case.findUniqueOrThrow({ where: { id: world.caseId } })).state).toBe('purging');
    const steps = await db.purgeStep.findMany({ where: { runId }, orderBy: [{ instanceId: 'asc' }, { position: 'asc' }] });
    expect(steps.find((s) => s.instanceId === id('misskey'))).toMatchObject({ kind: 'account.delete', state: 'needs_admin', needsAdmin: true });
    expect(steps.filter((s) => s.needsAdmin && s.state !== 'needs_admin')).toEqual([]);
    await expect(startPurge({ ctx: { actor: moderator }, input: { caseId: world.caseId, choices: [] } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('runs the other steps, holds the deletion, and runs it once after an admin approves', { timeout: 60_000 }, async () => {
    expect(await runPurge(runId)).toBe('waiting');
    const afterFirst = await db.purgeStep.findMany({ where: { runId } });
    expect(afterFirst.filter((s) => s.instanceId !== id('misskey') && s.state !== 'needs_admin').every((s) => ['done', 'failed'].includes(s.state))).toBe(true);
    expect(afterFirst.find((s) => s.instanceId === id('misskey'))!.state).toBe('needs_admin');
    expect(await db.action.count({ where: { purgeStepId: afterFirst.find((s) => s.instanceId === id('misskey'))!.id } })).toBe(0);
    // Every step's `.requested` comes after the seal and the start.
    const requested = (await db.auditEvent.findMany({ where: { targetId: world.caseId, action: { endsWith: '.requested' } }, select: { seq: true } })).map((e) => Number(e.seq));
    expect(requested.length).toBeGreaterThan(0);
    expect(Math.min(...requested)).toBeGreaterThan(Math.max(...(await seqOf('case.purge_started'))));
    expect(Math.min(...requested)).toBeGreaterThan(Math.min(...(await seqOf('evidence.sealed'))));

    await expect(approvePurgeSteps({ ctx: { actor: moderator }, input: { runId } })).rejects.toMatchObject({ code: 'forbidden' });
    const waiting = afterFirst.filter((s) => s.state === 'needs_admin').length;
    expect(await approvePurgeSteps({ ctx: { actor: admin }, input: { runId } })).toEqual({ approved: waiting });
    expect(await db.auditEvent.count({ where: { action: 'case.purge_steps_approved', targetId: world.caseId } })).toBe(1);
    await runPurge(runId);
    const step = await db.purgeStep.findFirstOrThrow({ where: { runId, instanceId: id('misskey') } });
    expect(step).toMatchObject({ state: 'done', approvedById: admin.type === 'user' ? admin.id : null });
    const calls = (await destructiveCalls(world.fakes.get('misskey')!.url)).filter((c) => c.path.includes('delete-account'));
    expect(calls).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'account.delete.succeeded', targetType: 'case', targetId: world.caseId, instanceId: id('misskey') } })).toBe(1);
    const all = await db.purgeStep.findMany({ where: { runId } });
    expect(all.filter((s) => !['done', 'failed'].includes(s.state))).toEqual([]);
    // Every instance got its first receipt round.
    const rounds = await db.purgeCheck.findMany({ where: { runId, round: 1 } });
    expect(rounds.map((r) => r.instanceId).sort()).toEqual([...new Set((await db.purgeStep.findMany({ where: { runId } })).map((s) => s.instanceId))].sort());
  });
});
