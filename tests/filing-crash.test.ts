/**
 * kill -9 in the middle of a filing (issue 11, "Done when"): a child process drives the filing against the fake
 * CyberTipline through a fault proxy that forwards a request at once and holds its answer, and is killed while
 * the answer is held (the service has acted, the driver never heard). The test process then resumes: the step
 * in flight is "uncertain" and never sent again on its own; only a person's retry sends anything more.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { retryFiling } from '@/lib/filing/retry-filing';
import { runFiling, type RunFilingResult } from '@/lib/filing/run-filing';
import { startFaultProxy, type FaultProxy } from '@/e2e/fakes/fault-proxy';
import type { FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { persistActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';
import { configureNcmec, countPath, fileIt, filingEvents, ncmecCalls, ncmecReports, resetNcmec, startNcmec } from './filing-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000f1201');
let first: World;
let second: World;
let ncmec: FakeNcmec;
let proxy: FaultProxy;
let child: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  await persistActor(admin);
  ncmec = await startNcmec();
  proxy = await startFaultProxy(ncmec.url);
  // The settings point at the proxy: the child reads them from the database like a worker would.
  await configureNcmec(proxy.url);
  first = await purgeWorld([], 3300);
  second = await purgeWorld([], 3400);
}, 120_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await proxy?.close();
  await ncmec?.close();
  await first?.close();
  await second?.close();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function driveInChildAndKill(filingId: string, inFlight: () => Promise<boolean>): Promise<void> {
  output = '';
  // node itself, not a launcher: the signal must hit the process holding the lease.
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/filing-crash-child.ts', filingId], {
    cwd: process.cwd(), env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  await until('the held call to reach the service', inFlight);
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));
  proxy.setRules([]);
}

/** As the next job or the tick would: once the dead driver's lease ran out. */
async function resume(filingId: string): Promise<RunFilingResult> {
  const start = Date.now();
  for (;;) {
    const r = await runFiling(filingId, { leaseMs: 2_000 });
    if (r !== 'busy') return r;
    if (Date.now() - start > 20_000) throw new Error('filing still busy');
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe('a filing driver killed with SIGKILL', () => {
  it('during an upload: resumes as uncertain, never submits again, and finishes after a retry', { timeout: 60_000 }, async () => {
    await resetNcmec(ncmec.url);
    proxy.setRules([{ method: 'POST', path: /\/ispws\/upload$/, delayMs: 60_000 }]);
    const filingId = await fileIt(first.caseId, admin);
    await driveInChildAndKill(filingId, async () => {
      const f = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
      const reports = await ncmecReports(ncmec.url);
      return f.reportId !== null && reports.length === 1 && reports[0].files.length === 1;
    });

    const killed = await db.filing.findUniqueOrThrow({ where: { id: filingId }, include: { files: true } });
    expect(killed).toMatchObject({ state: 'submitted', problem: null });
    expect(killed.reportId).toBe(String((await ncmecReports(ncmec.url))[0].reportId));
    expect(killed.files.some((f) => f.uploadStartedAt !== null && f.fileId === null)).toBe(true);

    expect(await resume(filingId)).toBe('problem');
    const uncertain = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(uncertain).toMatchObject({ state: 'submitted', problem: 'uncertain' });
    const ev = (await filingEvents(filingId)).find((e) => e.action === 'filing.uncertain');
    expect(ev?.details).toMatchObject({ step: 'upload' });
    expect(countPath(await ncmecCalls(ncmec.url), 'submit')).toBe(1);
    expect(countPath(await ncmecCalls(ncmec.url), 'upload')).toBe(1);

    await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    expect(await resume(filingId)).toBe('finished');
    const calls = await ncmecCalls(ncmec.url);
    expect(countPath(calls, 'submit')).toBe(1);
    const reports = await ncmecReports(ncmec.url);
    expect(reports).toHaveLength(1);
    expect(reports[0].state).toBe('finished');
    expect((await db.filing.findUniqueOrThrow({ where: { id: filingId } })).state).toBe('finished');
  });

  it('during a submit: resumes as uncertain and does not submit again; a second submit is sent only after a person confirms they checked the account (their decision)', { timeout: 60_000 }, async () => {
    await resetNcmec(ncmec.url);
    proxy.setRules([{ method: 'POST', path: /\/ispws\/submit$/, delayMs: 60_000 }]);
    const filingId = await fileIt(second.caseId, admin);
    await driveInChildAndKill(filingId, async () => {
      const f = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
      return f.submitStartedAt !== null && (await ncmecReports(ncmec.url)).length === 1;
    });
    expect(await db.filing.findUniqueOrThrow({ where: { id: filingId } })).toMatchObject({ state: 'pending', reportId: null });

    expect(await resume(filingId)).toBe('problem');
    const uncertain = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(uncertain).toMatchObject({ state: 'pending', problem: 'uncertain' });
    expect(uncertain.lastError).toContain('check the CyberTipline account');
    expect((await filingEvents(filingId)).find((e) => e.action === 'filing.uncertain')?.details).toMatchObject({ step: 'submit' });
    // Driving it again changes nothing: a filing with a problem waits for a person.
    expect(await resume(filingId)).toBe('problem');
    expect(countPath(await ncmecCalls(ncmec.url), 'submit')).toBe(1);

    // The person checked the CyberTipline account and decided to submit again: that second report is theirs.
    await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    expect((await filingEvents(filingId)).find((e) => e.action === 'filing.retried')?.details).toMatchObject({ step: 'submit', confirmedChecked: true });
    expect(await resume(filingId)).toBe('finished');
    expect(countPath(await ncmecCalls(ncmec.url), 'submit')).toBe(2);
    const done = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    const reports = await ncmecReports(ncmec.url);
    expect(reports.find((r) => String(r.reportId) === done.reportId)?.state).toBe('finished');
  });
});
