/**
 * The driver's pieces without a CyberTipline: how a failure is read (rejected / may have applied / try later),
 * the lease, and the person-facing verbs' refusals (permission, nothing to retry, nothing to retract, busy) and
 * what a retry of an uncertain upload clears. Filing rows are written directly here; the flow tests file for real.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { claimFiling, releaseFiling } from '@/lib/filing/claim-filing';
import { classifyFailure } from '@/lib/filing/classify-failure';
import type { NcmecClient } from '@/lib/filing/ncmec/client';
import { ncmecCodeError } from '@/lib/filing/ncmec/parse-response';
import { retractFiling } from '@/lib/filing/retract-filing';
import { retryFiling } from '@/lib/filing/retry-filing';
import { runFiling } from '@/lib/filing/run-filing';
import { strandedFilings } from '@/lib/filing/stranded-filings';
import { persistActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000f1401');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000f1402');
let world: World;

beforeAll(async () => {
  await persistActor(admin);
  await persistActor(moderator);
  world = await purgeWorld([], 3700);
}, 90_000);
afterAll(async () => { await world?.close(); });

async function filingRow(data: Record<string, unknown> = {}) {
  const row = await db.filing.create({
    data: {
      caseId: world.caseId, to: 'ncmec', environment: 'custom', baseUrl: 'http://127.0.0.1:9/ispws', evidenceId: randomUUID(),
      incidentType: 'Child Pornography (possession, manufacture, and distribution)', reportXml: '<report/>', reportSha256: 'a'.repeat(64),
      requestedByLabel: 'test', ...data,
      files: { create: [0, 1].map((n) => ({ evidenceId: randomUUID(), n, fileName: `f${n}.png`, bytes: 3, sha256: String(n).repeat(64), md5: String(n).repeat(32) })) },
    },
    include: { files: true },
  });
  return row;
}

describe('classifyFailure', () => {
  it('reads a nonzero responseCode as a rejection with the service\'s words', () => {
    const e = ncmecCodeError({ responseCode: 1100, responseDescription: 'Element incidentType is invalid' }, 'POST /submit');
    expect(classifyFailure(e)).toEqual({ kind: 'rejected', description: expect.stringContaining('Element incidentType is invalid') });
  });
  it('reads a coded answer the transport flagged maybeApplied (a 5xx) as maybe applied', () => {
    const e = new AppError('remote_error', 'x', { details: { responseCode: 1000, maybeApplied: true } });
    expect(classifyFailure(e).kind).toBe('maybe_applied');
  });
  it('reads 5xx, timeouts, broken connections and unknown errors as maybe applied', () => {
    expect(classifyFailure(new AppError('remote_error', 'x', { details: { httpStatus: 500, maybeApplied: true } })).kind).toBe('maybe_applied');
    expect(classifyFailure(new AppError('remote_unreachable', 'x', { details: { maybeApplied: true } })).kind).toBe('maybe_applied');
    expect(classifyFailure(new AppError('remote_error', 'answer has no reportId')).kind).toBe('maybe_applied');
    expect(classifyFailure(new Error('boom')).kind).toBe('maybe_applied');
  });
  it('reads refused connections, 401/403 and 429 as try later', () => {
    expect(classifyFailure(new AppError('remote_unreachable', 'x', { details: { maybeApplied: false } })).kind).toBe('transient');
    expect(classifyFailure(new AppError('remote_error', 'x', { details: { httpStatus: 401 } })).kind).toBe('transient');
    const retryAt = new Date(Date.now() + 5_000).toISOString();
    expect(classifyFailure(new AppError('rate_limited', 'x', { details: { retryAt } }))).toMatchObject({ kind: 'transient', retryAt: new Date(retryAt) });
  });
});

describe('the lease and the verbs', () => {
  it('gives the lease to one driver at a time, and again once it runs out', async () => {
    const f = await filingRow();
    const now = new Date();
    const token = await claimFiling(f.id, now, 1_000);
    expect(token).not.toBeNull();
    expect(await claimFiling(f.id, now, 1_000)).toBeNull();
    expect(await runFiling(f.id, { now: () => now })).toBe('busy');
    expect(await claimFiling(f.id, new Date(now.getTime() + 2_000), 1_000)).not.toBeNull();
    await releaseFiling(f.id, token!);
    await db.filing.delete({ where: { id: f.id } });
  });

  it('refuses people without the filing permission', async () => {
    const f = await filingRow({ state: 'submitted', reportId: '123', problem: 'failed' });
    await expect(retryFiling({ ctx: { actor: moderator }, input: { filingId: f.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(retractFiling({ ctx: { actor: moderator }, input: { filingId: f.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(retryFiling({ ctx: { actor: admin }, input: { filingId: randomUUID() } })).rejects.toMatchObject({ code: 'not_found' });
    await db.filing.delete({ where: { id: f.id } });
  });

  it('has nothing to retry without a problem, nothing to retract before submit, and is busy while driven', async () => {
    const f = await filingRow();
    await expect(retryFiling({ ctx: { actor: admin }, input: { filingId: f.id } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(retractFiling({ ctx: { actor: admin }, input: { filingId: f.id } })).rejects.toMatchObject({ code: 'conflict' });
    await db.filing.update({ where: { id: f.id }, data: { state: 'submitted', reportId: '4242', leaseToken: randomUUID(), leaseUntil: new Date(Date.now() + 60_000) } });
    await expect(retractFiling({ ctx: { actor: admin }, input: { filingId: f.id } })).rejects.toMatchObject({
      code: 'conflict', userMessage: 'The filing is being sent right now: try again in a moment',
    });
    await db.filing.delete({ where: { id: f.id } });
  });

  it('retract: a repeat told "already retracted" counts as done; any other refusal is shown and changes nothing', async () => {
    const f = await filingRow({ state: 'files_uploaded', reportId: '4343', problem: 'rejected', lastError: 'x' });
    const refusing = (description: string): NcmecClient => {
      const no = async (): Promise<never> => { throw ncmecCodeError({ responseCode: 1300, responseDescription: description }, 'POST /retract'); };
      return { status: no, submit: no, upload: no, fileInfo: no, finish: no, retract: no };
    };
    await expect(retractFiling({ ctx: { actor: admin }, input: { filingId: f.id } }, { client: refusing('Service busy') })).rejects.toMatchObject({
      code: 'remote_error', userMessage: expect.stringContaining('Service busy'),
    });
    expect(await db.filing.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ state: 'files_uploaded', leaseToken: null });
    const view = await retractFiling({ ctx: { actor: admin }, input: { filingId: f.id } }, { client: refusing('Report 4343 is retracted and cannot be changed') });
    expect(view).toMatchObject({ state: 'retracted', problem: null });
  });

  it('a retry of an uncertain upload clears that file\'s mark only, is audited and queued', async () => {
    const f = await filingRow({ state: 'submitted', reportId: '777', problem: 'uncertain', lastError: 'An upload may have reached CyberTipline', attempts: 2 });
    const [done, marked] = f.files.sort((a, b) => a.n - b.n);
    await db.filingFile.update({ where: { id: done.id }, data: { fileId: 'abc', uploadedAt: new Date() } });
    await db.filingFile.update({ where: { id: marked.id }, data: { uploadStartedAt: new Date() } });
    const view = await retryFiling({ ctx: { actor: admin }, input: { filingId: f.id } });
    expect(view).toMatchObject({ problem: null, lastError: null, state: 'submitted' });
    const after = await db.filing.findUniqueOrThrow({ where: { id: f.id }, include: { files: true } });
    expect(after.attempts).toBe(0);
    expect(after.files.every((x) => x.uploadStartedAt === null)).toBe(true);
    expect(after.files.find((x) => x.id === done.id)?.fileId).toBe('abc');
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'filing.retried', targetId: world.caseId }, orderBy: { seq: 'desc' } });
    expect(ev.details).toMatchObject({ filingId: f.id, step: 'upload', problem: 'uncertain' });
    expect(await strandedFilings(new Date())).toContain(f.id);
  });
});

