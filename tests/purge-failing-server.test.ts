/**
 * A server that answers 500 to every removal, forever (issue 10, point 3): its steps end failed after the outbox's
 * attempts (each attempt looked at the server first, since a 500 may have landed), the other instance's steps
 * complete, and the run still finishes: its receipts tell the truth about what is still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runPurge } from '@/lib/purge/run-purge';
import { startPurge } from '@/lib/purge/start-purge';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { systemActor } from './support/fixtures';
import { destructiveCalls, purgeWorld, type World } from './purge-support';

let world: World;
const REMOVAL = /^\/api\/(notes|drive\/files)\/delete$/;
const perform = { settings: { backoffBaseMs: 20, backoffCapMs: 50, actionMaxAttempts: 3 } };

beforeAll(async () => {
  world = await purgeWorld([{
    name: 'misskey', kind: 'misskey', start: () => startFakeMisskey({ reports: 1, seed: 1301, knownBad: {} }),
    faults: [{ method: 'POST', path: REMOVAL, status: 500, forward: false }],
  }], 1300);
}, 90_000);
afterAll(async () => { await world?.close(); });

describe('a purge where one server answers 500 to every removal', () => {
  it('fails that server\'s steps after the outbox\'s attempts, completes the others, and finishes the run', { timeout: 60_000 }, async () => {
    const misskey = world.fakes.get('misskey')!;
    const mastodon = world.fakes.get('origin-reporter')!;
    const { runId } = await startPurge({ ctx: { actor: systemActor }, input: { caseId: world.caseId, choices: [] } });
    expect(await runPurge(runId, { perform })).not.toBe('busy');

    const steps = await db.purgeStep.findMany({ where: { runId }, orderBy: [{ instanceId: 'asc' }, { position: 'asc' }] });
    const failed = steps.filter((s) => s.instanceId === misskey.instanceId);
    expect(failed.map((s) => s.kind)).toEqual(['status.delete', 'media.delete']);
    for (const s of failed) {
      expect(s.state).toBe('failed');
      expect(s.detail).toMatch(/Gave up after 3 attempts/);
    }
    // The other instance went on regardless: one failure never stops the others.
    const others = steps.filter((s) => s.instanceId === mastodon.instanceId);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s) => s.state === 'done')).toBe(true);
    expect((await destructiveCalls(mastodon.url)).length).toBe(others.length);
    // Three sends per failing step at the server's door, never more; none reached the fake.
    const sends = misskey.proxy!.log.filter((r) => r.method === 'POST' && REMOVAL.test(r.path));
    expect(sends).toHaveLength(6);
    expect(await destructiveCalls(misskey.url)).toEqual([]);
    expect(await db.auditEvent.count({ where: { targetId: world.caseId, action: { in: ['status.delete.failed', 'media.delete.failed'] } } })).toBe(2);

    // Every instance got its receipt round; re-check rounds of a still-served copy come later: jump the clock.
    let clock = Date.now();
    let state = (await db.purgeRun.findUniqueOrThrow({ where: { id: runId } })).state;
    for (let i = 0; i < 5 && state !== 'done'; i++) {
      clock += 11 * 60_000;
      await runPurge(runId, { perform, now: () => new Date(clock) });
      state = (await db.purgeRun.findUniqueOrThrow({ where: { id: runId } })).state;
    }
    expect(state).toBe('done');
    const receipts = await db.purgeReceipt.findMany({ where: { runId } });
    expect(new Set(receipts.map((r) => r.instanceId))).toEqual(new Set([misskey.instanceId, mastodon.instanceId]));
    expect(receipts.filter((r) => r.instanceId === misskey.instanceId).every((r) => r.verdict !== 'removed')).toBe(true);
    expect((await db.case.findUniqueOrThrow({ where: { id: world.caseId } })).state).toBe('open');
  });
});
