/**
 * What keeps a purge going without anybody watching: the scheduler tick resumes runs whose driver died or whose
 * job was lost (and leaves alone runs that wait for an admin or a later re-check), and a removal the server
 * answers with 404 counts as done ("already gone on the server"): the copy is gone either way, receipts verify it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBoss } from '@/lib/jobs/boss';
import { Q } from '@/lib/jobs/queues';
import { runSchedulerTick } from '@/lib/jobs/scheduler-tick';
import { runPurge } from '@/lib/purge/run-purge';
import { startPurge } from '@/lib/purge/start-purge';
import { strandedPurgeRuns } from '@/lib/purge/stranded-runs';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { systemActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

let world: World;

beforeAll(async () => {
  world = await purgeWorld([{
    name: 'misskey', kind: 'misskey', start: () => startFakeMisskey({ reports: 1, seed: 1401, knownBad: {} }),
    faults: [{ method: 'POST', path: /^\/api\/notes\/delete$/, status: 404, forward: false }],
  }], 1400);
}, 90_000);
afterAll(async () => { await world?.close(); });

async function makeRun(steps: { state: 'waiting' | 'needs_admin' | 'done' }[], opts: { leaseUntil?: Date | null; checkDueAt?: Date } = {}): Promise<string> {
  const instanceId = world.fakes.get('misskey')!.instanceId;
  const run = await db.purgeRun.create({ data: { caseId: world.caseId, plan: {}, requestedByLabel: 'test', leaseUntil: opts.leaseUntil ?? null, leaseToken: opts.leaseUntil ? 'x' : null } });
  await db.purgeStep.createMany({ data: steps.map((s, position) => ({ runId: run.id, caseId: world.caseId, instanceId, position, kind: 'status.delete', payload: {}, state: s.state, needsAdmin: s.state === 'needs_admin' })) });
  if (opts.checkDueAt) await db.purgeCheck.create({ data: { runId: run.id, caseId: world.caseId, instanceId, round: 1, dueAt: opts.checkDueAt } });
  return run.id;
}

describe('the scheduler tick', () => {
  it('resumes exactly the runs nobody drives that have something to do now', async () => {
    const now = new Date();
    const later = new Date(now.getTime() + 60_000);
    const orphan = await makeRun([{ state: 'done' }, { state: 'waiting' }]);
    const expired = await makeRun([{ state: 'waiting' }], { leaseUntil: new Date(now.getTime() - 1000) });
    const dueCheck = await makeRun([{ state: 'done' }], { checkDueAt: new Date(now.getTime() - 1000) });
    const driven = await makeRun([{ state: 'waiting' }], { leaseUntil: later });
    const admin = await makeRun([{ state: 'needs_admin' }]);
    const recheckLater = await makeRun([{ state: 'done' }], { checkDueAt: later });
    const stranded = await strandedPurgeRuns(now);
    expect(stranded.sort()).toEqual([orphan, expired, dueCheck].sort());
    for (const id of [driven, admin, recheckLater]) expect(stranded).not.toContain(id);

    expect((await runSchedulerTick(now)).purges).toBe(3);
    const boss = await getBoss();
    const jobs = await boss.fetch<{ runId: string }>(Q.purgeRun, { batchSize: 20 });
    expect(jobs.map((j) => j.data.runId).sort()).toEqual([orphan, expired, dueCheck].sort());
    for (const j of jobs) await boss.complete(Q.purgeRun, j.id);
    await db.purgeRun.deleteMany({ where: { id: { in: [orphan, expired, dueCheck, driven, admin, recheckLater] } } });
  });
});

describe('a removal answered with 404', () => {
  it('is recorded done, "already gone on the server", and the later steps run', { timeout: 60_000 }, async () => {
    const misskey = world.fakes.get('misskey')!;
    const { runId } = await startPurge({ ctx: { actor: systemActor }, input: { caseId: world.caseId, choices: [{ instanceId: world.fakes.get('origin-reporter')!.instanceId, optionId: 'skip' }] } });
    await runPurge(runId);
    const steps = await db.purgeStep.findMany({ where: { runId }, orderBy: { position: 'asc' } });
    expect(steps.map((s) => [s.kind, s.state])).toEqual([['status.delete', 'done'], ['media.delete', 'done']]);
    expect(steps[0].detail).toBe('already gone on the server');
    expect(misskey.proxy!.log.filter((r) => r.path === '/api/notes/delete')).toHaveLength(1);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'status.delete.succeeded', targetId: world.caseId } });
    expect(ev.targetType).toBe('case');
  });
});
