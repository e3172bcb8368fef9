/**
 * kill -9 in the middle of a purge (issue 10, "Done when"): a child process drives the run against a Misskey fake
 * that answers after ~300 ms (removals 1.5 s later still), and is killed while a removal call is in flight. The test process then resumes the
 * run: every step ends done, each removal reached the fake exactly once (its own log of removal calls), and no
 * step got a second outbox action or a second `.requested`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runPurge } from '@/lib/purge/run-purge';
import { startPurge } from '@/lib/purge/start-purge';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { systemActor } from './support/fixtures';
import { destructiveCalls, purgeWorld, type World } from './purge-support';

let world: World;
let child: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  // The fake answers every call after ~300 ms; its removals answer 1.5 s later still, through a proxy that
  // forwards at once (the change lands, the answer comes late): a kill in that window leaves a send that landed.
  world = await purgeWorld([{
    name: 'misskey', kind: 'misskey', start: () => startFakeMisskey({ reports: 1, seed: 1201, knownBad: {}, latencyMs: 300 }),
    faults: [{ method: 'POST', path: /^\/api\/(notes|drive\/files)\/delete$/, delayMs: 1500 }],
  }], 1200);
}, 90_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await world?.close();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a purge driver killed with SIGKILL mid-call', () => {
  it('resumes: every step done, every removal sent exactly once, nothing duplicated', { timeout: 60_000 }, async () => {
    const misskey = world.fakes.get('misskey')!;
    const { runId } = await startPurge({ ctx: { actor: systemActor }, input: { caseId: world.caseId, choices: [{ instanceId: world.fakes.get('origin-reporter')!.instanceId, optionId: 'skip' }] } });
    const steps = await db.purgeStep.findMany({ where: { runId }, orderBy: { position: 'asc' } });
    expect(steps.map((s) => s.kind)).toEqual(['status.delete', 'media.delete']);

    // node itself, not a launcher: the signal must hit the process holding the claims.
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/purge-crash-child.ts', runId], {
      cwd: process.cwd(), env: { ...process.env, NODE_ENV: 'test', OUTBOX_LEASE_SECONDS: '2' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    // In flight: the fake has applied the removal (its log has it) and the outbox is still waiting for the answer.
    await until('a removal applied but not answered', async () =>
      (await db.action.count({ where: { instanceId: misskey.instanceId, status: 'running', unconfirmedSendAt: { not: null } } })) > 0 &&
      (await destructiveCalls(misskey.url)).length > 0, 30_000);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const orphan = await db.action.findFirstOrThrow({ where: { instanceId: misskey.instanceId, status: 'running' } });
    expect(orphan.unconfirmedSendAt).not.toBeNull();

    // Resume in this process (as the next job or the tick would), once the dead driver's leases ran out.
    const start = Date.now();
    for (;;) {
      const r = await runPurge(runId, { leaseMs: 2_000 });
      const open = await db.purgeStep.count({ where: { runId, state: { notIn: ['done', 'failed', 'skipped'] } } });
      if (r === 'done' || open === 0) break;
      if (Date.now() - start > 20_000) throw new Error(`run not resumed: ${r}, ${open} steps open`);
      await new Promise((res) => setTimeout(res, 200));
    }

    const after = await db.purgeStep.findMany({ where: { runId }, orderBy: { position: 'asc' } });
    expect(after.map((s) => s.state)).toEqual(['done', 'done']);
    const actions = await db.action.findMany({ where: { purgeStepId: { in: after.map((s) => s.id) } } });
    expect(actions).toHaveLength(2);
    expect(actions.every((a) => a.status === 'done' && a.unconfirmedSendAt === null)).toBe(true);
    // Exactly once, counted at the server.
    const calls = await destructiveCalls(misskey.url);
    const perPath = new Map<string, number>();
    for (const c of calls) perPath.set(c.path, (perPath.get(c.path) ?? 0) + 1);
    expect([...perPath.entries()].sort()).toEqual([['/api/drive/files/delete', 1], ['/api/notes/delete', 1]]);
    for (const kind of ['status.delete', 'media.delete']) {
      expect(await db.auditEvent.count({ where: { action: `${kind}.requested`, targetId: world.caseId } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: `${kind}.succeeded`, targetId: world.caseId } })).toBe(1);
    }
    // The step in flight was confirmed by asking the server, not by sending it again.
    const confirmed = await db.auditEvent.findFirstOrThrow({ where: { action: `${orphan.kind}.succeeded`, targetId: world.caseId } });
    expect(JSON.stringify(confirmed.details)).toContain('foundAppliedOnServer');
  });
});
