/**
 * Issue 11, "Done when": one CyberTipline report for a case with copies on four instances (two Mastodon, a
 * GoToSocial holding a re-encoded copy, an Akkoma), filed through the real verbs and driven by runFiling against
 * the fake CyberTipline over real HTTP: one report listing every copy URL, one upload per distinct file whose
 * MD5 the service computed is ours, file details with both hashes, one finish. Then what a person can do with a
 * filing: a rejection shows the service's words and is fixed and sent again, retract works only before finish.
 * Credentials never reach the rows, the audit log or the logs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { retractFiling } from '@/lib/filing/retract-filing';
import { retryFiling } from '@/lib/filing/retry-filing';
import { runFiling } from '@/lib/filing/run-filing';
import type { FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { persistActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';
import {
  configureNcmec, countPath, failNext, fileIt, filingEvents, ncmecCalls, ncmecReports, NCMEC_PASSWORD, NCMEC_USERNAME, resetNcmec, startNcmec, storedText,
} from './filing-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000f1101');
let four: World;
let single: World;
let ncmec: FakeNcmec;
const logged: string[] = [];
const views: unknown[] = [];

beforeAll(async () => {
  for (const level of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
  }
  await persistActor(admin);
  ncmec = await startNcmec();
  await configureNcmec(ncmec.url);
  four = await purgeWorld([
    { name: 'beta', start: () => startFakeMastodon({ reports: 1, seed: 3102, domain: 'beta3102.test', knownBad: { reported: false } }) },
    { name: 'gotosocial', start: () => startFakeGoToSocial({ reports: 1, seed: 3103, knownBad: { reported: false, variant: 'reencoded-rotated' } }) },
    { name: 'akkoma', start: () => startFakeAkkoma({ reports: 1, seed: 3104, knownBad: { reported: false } }) },
  ], 3100);
  single = await purgeWorld([], 3200);
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await four?.close();
  await single?.close();
  await ncmec?.close();
});

describe('filing a case with copies on four instances', () => {
  it('makes one report listing all four copy URLs, uploads each distinct file once, sends both hashes, finishes', { timeout: 60_000 }, async () => {
    const copies = await db.caseCopy.findMany({ where: { caseId: four.caseId } });
    expect(new Set(copies.map((c) => c.instanceId)).size).toBe(4);
    const filingId = await fileIt(four.caseId, admin);
    expect(await runFiling(filingId)).toBe('finished');

    const reports = await ncmecReports(ncmec.url);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.state).toBe('finished');
    for (const c of copies) expect(report.xml).toContain(c.postUrl ?? c.mediaUrl ?? 'no url');

    const filing = await db.filing.findUniqueOrThrow({ where: { id: filingId }, include: { files: { orderBy: { n: 'asc' } } } });
    expect(filing).toMatchObject({ state: 'finished', problem: null, reportId: String(report.reportId), submitStartedAt: null });
    for (const at of [filing.submittedAt, filing.filesUploadedAt, filing.fileInfoAt, filing.finishedAt]) expect(at).toBeInstanceOf(Date);
    // The re-encoded GoToSocial copy is a second distinct file; byte-identical copies share one.
    expect(filing.files.length).toBe(2);
    expect(new Set(filing.files.map((f) => f.md5)).size).toBe(2);

    const calls = await ncmecCalls(ncmec.url);
    expect([countPath(calls, 'submit'), countPath(calls, 'upload'), countPath(calls, 'fileinfo'), countPath(calls, 'finish')]).toEqual([1, 2, 2, 1]);
    // The service's MD5 of the bytes it received is the one we stored, file by file.
    expect(report.files.map((f) => f.md5).sort()).toEqual(filing.files.map((f) => f.md5).sort());
    for (const f of filing.files) {
      const got = report.files.find((x) => x.fileId === f.fileId);
      expect(got).toMatchObject({ md5: f.md5, sha256: f.sha256 });
      const info = report.fileinfos.filter((i) => i.fileId === f.fileId);
      expect(info).toHaveLength(1);
      expect(info[0].xml).toContain(`<originalFileHash hashType="MD5">${f.md5}</originalFileHash>`);
      expect(info[0].xml).toContain(`<originalFileHash hashType="SHA256">${f.sha256}</originalFileHash>`);
      expect(f.fileInfoAt).toBeInstanceOf(Date);
    }

    const events = (await filingEvents(filingId)).map((e) => e.action);
    expect(events).toEqual(['filing.requested', 'filing.submitted', 'filing.files_uploaded', 'filing.file_info_sent', 'filing.finished']);
    const audited = await db.auditEvent.findMany({ where: { action: { startsWith: 'filing.' }, targetId: four.caseId } });
    expect(audited.every((e) => e.targetType === 'case')).toBe(true);

    // Driving it again sends nothing.
    expect(await runFiling(filingId)).toBe('finished');
    expect((await ncmecCalls(ncmec.url)).length).toBe(calls.length);
  });

  it('refuses to retract a finished report, and sends no /retract', async () => {
    const filing = await db.filing.findFirstOrThrow({ where: { caseId: four.caseId } });
    await expect(retractFiling({ ctx: { actor: admin }, input: { filingId: filing.id } })).rejects.toMatchObject({
      code: 'conflict', userMessage: 'A finished report cannot be retracted: contact NCMEC',
    });
    expect(countPath(await ncmecCalls(ncmec.url), 'retract')).toBe(0);
    expect((await db.filing.findUniqueOrThrow({ where: { id: filing.id } })).state).toBe('finished');
  });
});

describe('what a person can do with a filing', () => {
  it('retracts a report after submit (here stopped by a rejected upload)', { timeout: 30_000 }, async () => {
    await resetNcmec(ncmec.url);
    const filingId = await fileIt(single.caseId, admin);
    await failNext(ncmec.url, 'upload', 1500, 'Simulated upload refusal');
    expect(await runFiling(filingId)).toBe('problem');
    const stopped = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(stopped).toMatchObject({ state: 'submitted', problem: 'rejected' });
    expect(stopped.lastError).toContain('Simulated upload refusal');

    const view = await retractFiling({ ctx: { actor: admin }, input: { filingId } });
    views.push(view);
    expect(view.state).toBe('retracted');
    const [report] = await ncmecReports(ncmec.url);
    expect(report.state).toBe('retracted');
    expect(String(report.reportId)).toBe(stopped.reportId);
    const after = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(after.retractedAt).toBeInstanceOf(Date);
    expect(after.leaseToken).toBeNull();
    expect((await filingEvents(filingId)).map((e) => e.action)).toContain('filing.retracted');
    // A retracted filing is over: the driver leaves it.
    expect(await runFiling(filingId)).toBe('retracted');
  });

  it('shows a rejected submit\'s description; the corrected report is filed once; a rejected finish is retried', { timeout: 60_000 }, async () => {
    await resetNcmec(ncmec.url);
    const description = 'incidentSummary/incidentDateTime is not a valid xs:dateTime';
    const filingId = await fileIt(single.caseId, admin);
    await failNext(ncmec.url, 'submit', 1100, description);
    expect(await runFiling(filingId)).toBe('problem');
    const rejected = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(rejected).toMatchObject({ state: 'pending', problem: 'rejected', reportId: null, submitStartedAt: null });
    expect(rejected.lastError).toContain(description);
    const ev = (await filingEvents(filingId)).find((e) => e.action === 'filing.rejected');
    expect(JSON.stringify(ev?.details)).toContain(description);
    // A rejected submit goes back through review, not through retry.
    await expect(retryFiling({ ctx: { actor: admin }, input: { filingId } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Review the report and file it again' });

    // The person reviews again and files: the same filing is rebuilt and queued (fileCase's resubmit path).
    expect(await fileIt(single.caseId, admin)).toBe(filingId);
    expect((await db.filing.findUniqueOrThrow({ where: { id: filingId } })).problem).toBeNull();
    await failNext(ncmec.url, 'finish', 1000, 'Temporary finish refusal');
    expect(await runFiling(filingId)).toBe('problem');
    const atFinish = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(atFinish).toMatchObject({ state: 'file_info_sent', problem: 'rejected' });
    expect(atFinish.lastError).toContain('Temporary finish refusal');

    const view = await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    views.push(view);
    expect(view.problem).toBeNull();
    expect(await runFiling(filingId)).toBe('finished');

    const reports = await ncmecReports(ncmec.url);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ state: 'finished' });
    expect(String(reports[0].reportId)).toBe((await db.filing.findUniqueOrThrow({ where: { id: filingId } })).reportId);
    const calls = await ncmecCalls(ncmec.url);
    expect([countPath(calls, 'submit'), countPath(calls, 'finish')]).toEqual([2, 2]);
    const actions = (await filingEvents(filingId)).map((e) => e.action);
    expect(actions).toEqual([
      'filing.requested', 'filing.rejected', 'filing.resubmit_requested', 'filing.submitted', 'filing.files_uploaded',
      'filing.file_info_sent', 'filing.rejected', 'filing.retried', 'filing.finished',
    ]);
  });

  it('never puts the CyberTipline credentials in rows, audit details, views or logs', async () => {
    expect(logged.join('\n')).toContain('filing stopped');
    const haystack = [await storedText(), JSON.stringify(views), logged.join('\n')].join('\n');
    expect(haystack).not.toContain(NCMEC_PASSWORD);
    expect(haystack).not.toContain(NCMEC_USERNAME);
    expect(haystack).not.toContain(Buffer.from(`${NCMEC_USERNAME}:${NCMEC_PASSWORD}`).toString('base64'));
  });
});
