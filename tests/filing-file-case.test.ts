/**
 * Filing a case once (issue 11, point 2): fileCase rebuilds the report and files it only if it is what the person
 * reviewed; a second call (or two at once) returns the same filing, never a second report; a report CyberTipline
 * rejected at submit is rebuilt under the same filing; a retracted one can be replaced. Against real fakes and a
 * real Postgres (the partial unique index Filing_one_live_per_case included).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { fileCase } from '@/lib/filing/file-case';
import { getCaseFilingPanel } from '@/lib/filing/get-filing-panel';
import { prepareFiling } from '@/lib/filing/prepare-filing';
import { updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { persistActor, systemActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-00000000f301');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-00000000f302');
let world: World;
let caseId: string;
const events = (action: string) => db.auditEvent.findMany({ where: { action, targetId: caseId }, orderBy: { seq: 'asc' } });
const file = (reportSha256: string, actor = admin) => fileCase({ ctx: { actor }, input: { caseId, to: 'ncmec', reportSha256 } });
const prepare = () => prepareFiling({ ctx: { actor: admin }, input: { caseId } });

beforeAll(async () => {
  await persistActor(admin);
  await persistActor(moderator);
  world = await purgeWorld([{ name: 'gotosocial', start: () => startFakeGoToSocial({ reports: 1, seed: 1301, knownBad: { variant: 'reencoded-rotated' } }) }], 1300);
  caseId = world.caseId;
}, 90_000);
afterAll(async () => { await world?.close(); });

describe('fileCase', () => {
  it('refuses while CyberTipline is not set up', async () => {
    await expect(file('0'.repeat(64))).rejects.toMatchObject({ code: 'conflict', userMessage: 'CyberTipline is not set up: an admin enters the credentials and reporting person in Settings' });
    const panel = await getCaseFilingPanel({ ctx: { actor: admin }, input: { caseId } });
    expect(panel).toEqual({ configured: false, environment: null, filings: [], can: { file: true } });
  });

  it('needs the filing permission', async () => {
    await configure();
    const p = await prepare();
    await expect(file(p.reportSha256, moderator)).rejects.toMatchObject({ code: 'forbidden', userMessage: 'Filing to CyberTipline needs the filing permission (ask an owner or admin).' });
    expect((await getCaseFilingPanel({ ctx: { actor: moderator }, input: { caseId } })).can.file).toBe(false);
    expect(await db.filing.count()).toBe(0);
  });

  it('refuses a report that changed since it was reviewed', async () => {
    const p = await prepare();
    await db.case.update({ where: { id: caseId }, data: { title: 'Known-bad pattern (retitled after review)' } });
    await expect(file(p.reportSha256)).rejects.toMatchObject({ code: 'conflict', userMessage: 'The report changed since you reviewed it: review it again' });
    await expect(file('not a hash')).rejects.toMatchObject({ code: 'bad_request' });
    expect(await db.filing.count()).toBe(0);
  });

  it('files once: two calls at once and a third later give one filing, one event, one queued run', async () => {
    const p = await prepare();
    const results = await Promise.all([file(p.reportSha256), file(p.reportSha256)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].filing.id).toBe(results[1].filing.id);
    const third = await file(p.reportSha256);
    expect(third).toMatchObject({ created: false, filing: { id: results[0].filing.id } });

    const rows = await db.filing.findMany({ where: { caseId }, include: { files: true } });
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      state: 'pending', problem: null, environment: 'test', baseUrl: 'https://exttest.cybertip.org/ispws', evidenceId: p.evidenceId,
      incidentType: p.summary.incidentType, reportXml: p.reportXml, reportSha256: p.reportSha256, requestedById: admin.type === 'user' ? admin.id : null, requestedByLabel: 'admin@example.test',
    });
    expect(row.files.map((f) => ({ n: f.n, md5: f.md5, sha256: f.sha256, fileName: f.fileName, locationUrl: f.locationUrl })).sort((a, b) => a.n - b.n))
      .toEqual(p.files.map((f) => ({ n: f.n, md5: f.md5, sha256: f.sha256, fileName: f.fileName, locationUrl: f.locationUrl })).sort((a, b) => a.n - b.n));
    expect(row.files).toHaveLength(2); // the original and GoToSocial's re-encoded variant

    const requested = await events('filing.requested');
    expect(requested).toHaveLength(1);
    expect(requested[0].details).toEqual({ filingId: row.id, to: 'ncmec', environment: 'test', reportSha256: p.reportSha256, files: 2 });
    expect(JSON.stringify(requested[0].details)).not.toContain('s3cret');
    const sealed = await events('evidence.sealed');
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed[0].seq).toBeLessThan(requested[0].seq);
    const jobs = await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from pgboss.job where name = 'filing.run' and data->>'filingId' = ${row.id}`;
    expect(Number(jobs[0].n)).toBe(1);

    expect(results.find((r) => r.created)!.filing).toMatchObject({ id: row.id, state: 'pending', reportId: null, can: { retry: false, retract: false } });
    const panel = await getCaseFilingPanel({ ctx: { actor: admin }, input: { caseId } });
    expect(panel).toMatchObject({ configured: true, environment: 'test', can: { file: true } });
    expect(panel.filings.map((f) => f.id)).toEqual([row.id]);
  });

  it('leaves a filing with any other problem as it is (a person retries it)', async () => {
    const row = await db.filing.findFirstOrThrow({ where: { caseId } });
    await db.filing.update({ where: { id: row.id }, data: { state: 'submitted', reportId: '4242', problem: 'failed', lastError: 'Gave up' } });
    const p = await prepare();
    const again = await file(p.reportSha256);
    expect(again).toMatchObject({ created: false, filing: { id: row.id, state: 'submitted', problem: 'failed', reportId: '4242', can: { retry: true, retract: true } } });
    expect(await events('filing.resubmit_requested')).toHaveLength(0);
  });

  it('rebuilds a report rejected at submit under the same filing, once it is reviewed again', async () => {
    const row = await db.filing.findFirstOrThrow({ where: { caseId } });
    await db.filing.update({ where: { id: row.id }, data: { state: 'pending', reportId: null, problem: 'rejected', lastError: 'Validation failed: reporter/email', attempts: 2 } });
    const before = await prepare();
    expect((await getCaseFilingPanel({ ctx: { actor: admin }, input: { caseId } })).filings[0].can.retry).toBe(false);
    await db.case.update({ where: { id: caseId }, data: { title: 'Known-bad pattern (corrected)' } });
    await expect(file(before.reportSha256)).rejects.toMatchObject({ code: 'conflict' });
    const p = await prepare();
    expect(p.reportSha256).not.toBe(before.reportSha256);
    const out = await file(p.reportSha256);
    expect(out).toMatchObject({ created: false, filing: { id: row.id, state: 'pending', problem: null, lastError: null, reportSha256: p.reportSha256 } });
    const after = await db.filing.findUniqueOrThrow({ where: { id: row.id }, include: { files: true } });
    expect(after).toMatchObject({ attempts: 0, reportXml: p.reportXml, nextAttemptAt: null });
    expect(after.reportXml).toContain('Known-bad pattern (corrected)');
    expect(after.files).toHaveLength(p.files.length);
    const resubmitted = await events('filing.resubmit_requested');
    expect(resubmitted).toHaveLength(1);
    expect(resubmitted[0].details).toMatchObject({ filingId: row.id, reportSha256: p.reportSha256, files: p.files.length });
    expect(await db.filing.count({ where: { caseId } })).toBe(1);
    // Queued again: the earlier job is still waiting (no worker here), and one queued job per filing is enough.
    const jobs = await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from pgboss.job where name = 'filing.run' and data->>'filingId' = ${row.id}`;
    expect(Number(jobs[0].n)).toBeGreaterThanOrEqual(1);
    // A second call with the same hash: nothing changes any more.
    expect(await file(p.reportSha256)).toMatchObject({ created: false, filing: { id: row.id } });
    expect(await events('filing.resubmit_requested')).toHaveLength(1);
  });

  it('files anew once the earlier report was retracted', async () => {
    const row = await db.filing.findFirstOrThrow({ where: { caseId } });
    await db.filing.update({ where: { id: row.id }, data: { state: 'retracted', reportId: '4243', problem: null, retractedAt: new Date() } });
    const p = await prepare();
    const out = await file(p.reportSha256);
    expect(out.created).toBe(true);
    expect(out.filing.id).not.toBe(row.id);
    const panel = await getCaseFilingPanel({ ctx: { actor: admin }, input: { caseId } });
    expect(panel.filings.map((f) => [f.id, f.state])).toEqual([[out.filing.id, 'pending'], [row.id, 'retracted']]);
  });
});

async function configure(): Promise<void> {
  await updateNcmecSettings({
    ctx: { actor: systemActor },
    input: {
      environment: 'test', username: 'collective-test', password: 's3cret-test-password',
      reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example' },
      organization: { name: 'Synthetic Collective' },
    },
  });
}
