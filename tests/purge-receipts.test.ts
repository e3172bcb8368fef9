/**
 * Receipts against a real fake (issue 10, point 4): a Mastodon fake holding the reported known-bad copy, connected
 * and synced, a case opened on it, and purge runs written directly (the engine has its own tests), so each round of
 * checkInstance looks at what the fake really serves: before any removal the same bytes (still served, a re-check
 * is scheduled); a retried round writes nothing twice; after the fake removed the file (a domain block with
 * reject_media, which deletes the cached files) 404 → removed and the case becomes purged; with the fake's
 * keep-serving switch on, still served through every round and the case stays open.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { addInstance } from '@/lib/instances/add-instance';
import { connectorFor } from '@/lib/instances/connector-for';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { checkInstance } from '@/lib/purge/check-instance';
import { claimCheck } from '@/lib/purge/claim-check';
import { finishRunIfComplete } from '@/lib/purge/finish-run';
import { getPurgeRun } from '@/lib/purge/get-purge-run';
import { writeReceipts } from '@/lib/purge/write-receipts';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { knownBadHashes, startKnownBadScenario, type KnownBadScenario } from '@/e2e/fakes/federation/start-scenario';
import { systemActor } from './support/fixtures';

let scenario: KnownBadScenario;
let instanceId: string;
let caseId: string;
let copyId: string;
let sha256: string;
const T0 = new Date(Date.now() + 1000);
const at = (s: number) => new Date(T0.getTime() + s * 1000);
/** A time `s` seconds after T0 plus however long the checks took (a receipt records when its checks ran). */
const near = (d: Date | null | undefined, s: number) => {
  expect(d).toBeInstanceOf(Date);
  const ms = (d?.getTime() ?? 0) - at(s).getTime();
  expect(ms).toBeGreaterThanOrEqual(0);
  expect(ms).toBeLessThan(5_000);
};

/** A run on the alpha copy with round 1 due at T0, the case purging (what startPurge leaves behind). */
async function newRun(): Promise<{ runId: string; checkId: string }> {
  const plan = { caseId, instances: [{ instance: { id: instanceId }, copyIds: [copyId], options: [], defaultOptionId: null, blocked: null }], unchecked: [], sealsFirst: false };
  const run = await db.purgeRun.create({ data: { caseId, plan, requestedByLabel: 'system:test' } });
  const check = await db.purgeCheck.create({ data: { runId: run.id, caseId, instanceId, round: 1, dueAt: T0 } });
  await db.case.update({ where: { id: caseId }, data: { state: 'purging' } });
  return { runId: run.id, checkId: check.id };
}
const roundOf = (runId: string, round: number) => db.purgeCheck.findUniqueOrThrow({ where: { runId_instanceId_round: { runId, instanceId, round } } });
const receiptsOf = (checkId: string) => db.purgeReceipt.findMany({ where: { checkId } });
const keepServing = (on: boolean) => fetch(`${scenario.fake('alpha').url}/__fake/keep-serving`, { method: 'POST', body: JSON.stringify({ on }), headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  scenario = await startKnownBadScenario({ only: ['alpha'], reports: 1 });
  const f = scenario.fake('alpha');
  instanceId = (await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: f.url, token: f.token, allowPrivate: true, name: 'Alpha' } })).id;
  await syncInstance(instanceId);
  for (const m of await db.media.findMany({ where: { instanceId, state: 'pending' }, select: { id: true } })) await ingestMedia(m.id, { finalAttempt: true });
  const report = await db.report.findFirstOrThrow({ where: { instanceId, comment: { contains: KNOWN_BAD.reportComment } } });
  caseId = (await openCase({ ctx: { actor: systemActor }, input: { reportId: report.id } })).caseId;
  const copy = await db.caseCopy.findFirstOrThrow({ where: { caseId } });
  copyId = copy.id;
  sha256 = (await knownBadHashes()).sha256;
  expect(copy.mediaUrl?.startsWith(f.url)).toBe(true);
}, 120_000);
afterAll(async () => {
  await scenario?.close();
});

describe('receipts against a real Mastodon fake', () => {
  let run: { runId: string; checkId: string };

  it('before any removal, the check finds the same bytes still served and schedules a re-check', async () => {
    run = await newRun();
    expect(await checkInstance(run.checkId, { now: at(-5) })).toBeNull(); // not due yet
    const out = await checkInstance(run.checkId, { now: T0 });
    expect(out?.receipts).toBe(1);
    near(out?.recheckAt, 30);
    const [r] = await receiptsOf(run.checkId);
    expect(r).toMatchObject({ copyId, instanceId, runId: run.runId, verdict: 'still_served', httpStatus: 200, servedSha256: sha256, byLabel: 'system:purge.check' });
    const checks = r.checks as { what: string; result: string }[];
    expect(checks.map((c) => `${c.what}:${c.result}`)).toEqual(['media_url:served_same', 'post_url:not_checked', 'lookup:found']);
    expect(await db.caseCopy.findUniqueOrThrow({ where: { id: copyId } })).toMatchObject({ receiptVerdict: 'still_served', state: 'present' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ stillServedCount: 1, removedCount: 0, state: 'purging' });
    const round2 = await roundOf(run.runId, 2);
    expect(round2.status).toBe('queued');
    expect(round2.dueAt).toEqual(out?.recheckAt);
    near(r.checkedAt, 0);
    const events = await db.auditEvent.findMany({ where: { action: 'case.receipt', targetId: caseId } });
    expect(events.map((e) => e.details)).toEqual([{ receiptId: r.id, copyId, instanceId, verdict: 'still_served', httpStatus: 200, servedSha256: sha256 }]);
    // A re-check is due: the run is not finished and the case stays purging.
    expect(await finishRunIfComplete(run.runId)).toBe(false);
  });

  it('a round retried after its worker died (lease ran out) writes no second receipt', async () => {
    const round2 = await roundOf(run.runId, 2);
    const dead = await claimCheck(round2.id, at(35), 1000); // this worker "dies" before writing
    expect(dead).not.toBeNull();
    expect(await checkInstance(round2.id, { now: at(35.5) })).toBeNull(); // lease still held
    const retried = await checkInstance(round2.id, { now: at(37) });
    expect(retried?.receipts).toBe(1);
    // The dead worker wakes up and tries to write its round: it lost the claim, so nothing is written.
    const late = await writeReceipts({ checkId: round2.id, runId: run.runId, caseId, instanceId, round: 2 }, dead ?? { startedAt: new Date(0) }, [
      { copyId, checks: [], verdict: 'removed', reason: 'stale', httpStatus: 404, servedSha256: null },
    ], at(38));
    expect(late).toBeNull();
    expect(await checkInstance(round2.id, { now: at(40) })).toBeNull(); // done rounds are never run again
    expect(await receiptsOf(round2.id)).toHaveLength(1);
    expect(await roundOf(run.runId, 3)).toMatchObject({ status: 'queued', dueAt: retried?.recheckAt });
    near(retried?.recheckAt, 37 + 120);
  });

  it('refuses to change or delete a receipt (a trigger), even as the database owner', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await client.connect();
    try {
      await expect(client.query(`update "PurgeReceipt" set "verdict" = 'removed' where "copyId" = $1`, [copyId])).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from "PurgeReceipt" where "copyId" = $1`, [copyId])).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    await expect(db.purgeReceipt.updateMany({ where: { copyId }, data: { reason: 'changed' } })).rejects.toThrow();
  });

  it('refuses to remove an instance whose copies have receipts, with words instead of a 500, and keeps everything', async () => {
    const { removeInstance } = await import('@/lib/instances/remove-instance');
    await expect(removeInstance({ ctx: { actor: systemActor }, input: { id: instanceId } })).rejects.toMatchObject({ code: 'conflict', userMessage: expect.stringMatching(/purge receipt.*Turn its sync off/) });
    expect(await db.instance.count({ where: { id: instanceId } })).toBe(1);
    expect(await db.purgeReceipt.count({ where: { copyId } })).toBeGreaterThan(0);
  });

  it('after the fake removed the file, the media URL answers 404 → removed, and the run ends with the case purged', async () => {
    const connector = await connectorFor(await db.instance.findUniqueOrThrow({ where: { id: instanceId } }));
    await connector.perform({ kind: 'domain.block', domain: KNOWN_BAD.originDomain, severity: 'silence', rejectMedia: true, rejectReports: false, obfuscate: false });
    const round3 = await roundOf(run.runId, 3);
    expect(await checkInstance(round3.id, { now: at(200) })).toEqual({ receipts: 1, recheckAt: null });
    const [r] = await receiptsOf(round3.id);
    expect(r).toMatchObject({ verdict: 'removed', httpStatus: 404, servedSha256: null });
    expect(await db.caseCopy.findUniqueOrThrow({ where: { id: copyId } })).toMatchObject({ receiptVerdict: 'removed', state: 'removed' });
    expect(await db.purgeCheck.count({ where: { runId: run.runId } })).toBe(3);
    expect(await finishRunIfComplete(run.runId)).toBe(true);
    expect(await finishRunIfComplete(run.runId)).toBe(false); // once
    expect(await db.purgeRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({ state: 'done' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purged', removedCount: 1, stillServedCount: 0 });
    const finished = await db.auditEvent.findMany({ where: { action: 'case.purge_finished', targetId: caseId } });
    expect(finished.map((e) => e.details)).toEqual([{ runId: run.runId, removed: 1, stillServed: 0, cannotVerify: 0, accepted: 0 }]);
    const states = await db.auditEvent.findMany({ where: { action: 'case.state_changed', targetId: caseId }, orderBy: { seq: 'asc' } });
    expect(states.at(-1)?.details).toMatchObject({ from: 'purging', to: 'purged' });
  });

  it('with keep-serving on (a cache in front of the server), the copy stays still served through every round and the case stays open', async () => {
    expect((await keepServing(true)).status).toBe(200);
    try {
      const again = await newRun();
      let due: Date | null = T0;
      let round = 0;
      while (due) {
        round++;
        const check = await roundOf(again.runId, round);
        const out = await checkInstance(check.id, { now: due });
        expect(out?.receipts).toBe(1);
        expect((await receiptsOf(check.id))[0]).toMatchObject({ verdict: 'still_served', httpStatus: 200, servedSha256: sha256 });
        if (out?.recheckAt) expect(await finishRunIfComplete(again.runId)).toBe(false);
        due = out?.recheckAt ?? null;
      }
      expect(round).toBe(4); // rounds after 30 s, 2 min and 10 min, then it stops and tells the moderator
      // The run view keeps every round: the latest receipt first, the earlier re-checks after it.
      const view = await getPurgeRun({ ctx: { actor: systemActor }, input: { caseId, runId: again.runId } });
      const shown = view?.instances.find((i) => i.instance.id === instanceId)?.receipts ?? [];
      // (The earlier tests' receipts of this copy carry later injected times, so they show here too.)
      expect(shown[0].verdict).toBe('still_served');
      expect(shown.filter((r) => r.verdict === 'still_served').length).toBeGreaterThanOrEqual(4);
      expect(shown.map((r) => r.checkedAt)).toEqual([...shown.map((r) => r.checkedAt)].sort().reverse());
      expect(await finishRunIfComplete(again.runId)).toBe(true);
      expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'open', stillServedCount: 1, removedCount: 0 });
      expect(await db.caseCopy.findUniqueOrThrow({ where: { id: copyId } })).toMatchObject({ receiptVerdict: 'still_served', state: 'present' });
    } finally {
      await keepServing(false);
    }
  });
});
