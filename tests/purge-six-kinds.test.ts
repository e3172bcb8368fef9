/**
 * Issue 10, "Done when": a purge across all six server kinds. The demo's known-bad scenario (eight fakes: two
 * Mastodon, GoToSocial, Akkoma, Misskey, Lemmy 0.19 hold a federated copy; PeerTube cannot check; Lemmy 1.0 holds
 * nothing), connected and synced with the real connectors, a case opened from the reported copy on alpha and its
 * copies found by the real lookups; an admin confirms the default plan and the engine runs it (runPurge, the job's
 * handler, in-process). One Mastodon (beta) has a cache in front of it that keeps serving deleted files: its copy
 * is "still served" and the case stays open with a re-check due; once the cache lets go, the re-check finds it gone
 * and every copy has a removed receipt, PeerTube an instance-level "cannot verify", and the case is purged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { runCopySearch } from '@/lib/cases/run-copy-search';
import { addInstance } from '@/lib/instances/add-instance';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { latestReceipts } from '@/lib/purge/latest-receipts';
import { runPurge } from '@/lib/purge/run-purge';
import { startPurge } from '@/lib/purge/start-purge';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { SCENARIO_SLOTS, startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from '@/e2e/fakes/federation/start-scenario';
import { persistActor, systemActor, userActor } from './support/fixtures';

const admin = userActor('admin', null, '00000000-0000-4000-8000-00000000d601');
const HOLDING: ScenarioSlot[] = ['alpha', 'beta', 'gotosocial', 'akkoma', 'misskey', 'lemmy'];
const instanceOf = {} as Record<ScenarioSlot, string>;
let scenario: KnownBadScenario;
let caseId: string;
let runId: string;

const keepServing = async (slot: ScenarioSlot, on: boolean) => {
  const res = await fetch(`${scenario.fake(slot).url}/__fake/keep-serving`, { method: 'POST', body: JSON.stringify({ on }), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(200);
};
/** Latest verdict per scenario slot holding a copy. */
const verdicts = async () => {
  const copies = await db.caseCopy.findMany({ where: { caseId }, select: { id: true, instanceId: true } });
  const latest = await latestReceipts(caseId);
  const slotOf = (instanceId: string) => SCENARIO_SLOTS.find((s) => instanceOf[s] === instanceId);
  return Object.fromEntries(copies.map((c) => [slotOf(c.instanceId), latest.get(c.id)?.verdict ?? null]));
};

beforeAll(async () => {
  await persistActor(admin);
  scenario = await startKnownBadScenario({ reports: 1 });
  for (const f of scenario.fakes) {
    instanceOf[f.name] = (await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: f.url, token: f.token, allowPrivate: true, name: `Scenario ${f.name}` } })).id;
    await syncInstance(instanceOf[f.name]);
  }
  // The reported copy's file hashed as sync's ingest does, so the case knows the item's bytes.
  for (const m of await db.media.findMany({ where: { instanceId: instanceOf.alpha, state: 'pending' }, select: { id: true } })) await ingestMedia(m.id, { finalAttempt: true });
  const report = await db.report.findFirstOrThrow({ where: { instanceId: instanceOf.alpha, comment: { contains: KNOWN_BAD.reportComment } } });
  caseId = (await openCase({ ctx: { actor: systemActor }, input: { reportId: report.id } })).caseId;
  await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
  await runCopySearch(caseId);
  const holding = await db.caseCopy.findMany({ where: { caseId }, select: { instanceId: true } });
  expect(holding.map((c) => c.instanceId).sort()).toEqual(HOLDING.map((s) => instanceOf[s]).sort());
}, 180_000);
afterAll(async () => {
  await scenario?.close();
});

describe('a purge across all six server kinds', () => {
  it('removes every copy but the one behind a cache, which is still served: the case stays open with a re-check due', { timeout: 90_000 }, async () => {
    await keepServing('beta', true);
    const started = await startPurge({ ctx: { actor: admin }, input: { caseId, choices: [] } });
    runId = started.runId;
    expect(started.needsAdmin).toBe(0); // an admin's own confirmation approves the account deletions
    // Drive it as the job would, until every instance has its first receipts (a re-check is due later).
    for (let i = 0; i < 10; i++) {
      const r = await runPurge(runId);
      const open = await db.purgeCheck.count({ where: { runId, round: 1, status: { not: 'done' } } });
      const steps = await db.purgeStep.count({ where: { runId, state: { in: ['waiting', 'queued', 'needs_admin'] } } });
      if (r === 'done' || (open === 0 && steps === 0 && (await db.purgeCheck.count({ where: { runId } })) > 0)) break;
    }
    const steps = await db.purgeStep.findMany({ where: { runId }, select: { instanceId: true, kind: true, state: true, detail: true } });
    expect(steps.filter((s) => s.state !== 'done')).toEqual([]);
    expect(await verdicts()).toEqual({ alpha: 'removed', beta: 'still_served', gotosocial: 'removed', akkoma: 'removed', misskey: 'removed', lemmy: 'removed' });
    const beta = await db.purgeReceipt.findFirstOrThrow({ where: { runId, instanceId: instanceOf.beta } });
    expect(beta).toMatchObject({ verdict: 'still_served', httpStatus: 200 });
    expect(beta.servedSha256).toMatch(/^[0-9a-f]{64}$/);
    const peertube = await db.purgeReceipt.findMany({ where: { runId, instanceId: instanceOf.peertube } });
    expect(peertube).toHaveLength(1);
    expect(peertube[0]).toMatchObject({ copyId: null, verdict: 'cannot_verify' });
    expect(peertube[0].reason).toMatch(/PeerTube/);
    expect(await db.purgeReceipt.count({ where: { runId, instanceId: instanceOf.lemmyOne } })).toBe(0);
    expect(await db.purgeCheck.findFirst({ where: { runId, instanceId: instanceOf.beta, round: 2 } })).toMatchObject({ status: 'queued' });
    expect(await db.purgeRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ state: 'running' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purging', removedCount: 5, stillServedCount: 1 });
  });

  it('once the cache lets go, the re-check finds it removed: every copy removed, PeerTube cannot verify, the case purged', { timeout: 60_000 }, async () => {
    await keepServing('beta', false);
    const later = () => new Date(Date.now() + 31_000); // past the first re-check's 30 s wait
    let outcome = '';
    for (let i = 0; i < 5 && outcome !== 'done'; i++) outcome = await runPurge(runId, { now: later });
    expect(outcome).toBe('done');
    expect(await verdicts()).toEqual({ alpha: 'removed', beta: 'removed', gotosocial: 'removed', akkoma: 'removed', misskey: 'removed', lemmy: 'removed' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purged', removedCount: 6, stillServedCount: 0 });
    const finished = await db.auditEvent.findMany({ where: { action: 'case.purge_finished', targetId: caseId } });
    expect(finished.map((e) => e.details)).toEqual([{ runId, removed: 6, stillServed: 0, cannotVerify: 1, accepted: 0 }]);
    // Every receipt is audited, once.
    expect(await db.auditEvent.count({ where: { action: 'case.receipt', targetId: caseId } })).toBe(await db.purgeReceipt.count({ where: { caseId } }));
  });
});
