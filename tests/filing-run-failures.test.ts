/**
 * The driver against a failing CyberTipline: a 500 on /submit may mean a report exists (uncertain after the
 * first try, never a second submit on its own); a refused connection or a refused password did not reach it in
 * effect, so the driver retries with the outbox's backoff (inline, or a delayed job the tick also finds) and
 * gives up after the cap. Backoff settings and the clock are injected so this runs in milliseconds. Credentials
 * never reach the row, the audit log or the logs, however it fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { retryFiling } from '@/lib/filing/retry-filing';
import { runFiling } from '@/lib/filing/run-filing';
import { ncmecClientFor } from '@/lib/filing/settings/ncmec-connection';
import { strandedFilings } from '@/lib/filing/stranded-filings';
import { runSchedulerTick } from '@/lib/jobs/scheduler-tick';
import { startFaultProxy, type FaultProxy } from '@/e2e/fakes/fault-proxy';
import type { FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { persistActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';
import { configureNcmec, countPath, fileIt, ncmecCalls, ncmecReports, NCMEC_PASSWORD, NCMEC_USERNAME, startNcmec, storedText } from './filing-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000f1301');
const WRONG_PASSWORD = 'Wrong-Synthetic-Pa55word-5521';
const FAST = { settings: { backoffBaseMs: 1, backoffCapMs: 4 }, maxInlineWaitMs: 1_000 };
let world: World;
let other: World;
let ncmec: FakeNcmec;
let proxy: FaultProxy;
let filingId: string;
const logged: string[] = [];

beforeAll(async () => {
  for (const level of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
  }
  await persistActor(admin);
  ncmec = await startNcmec();
  proxy = await startFaultProxy(ncmec.url);
  await configureNcmec(proxy.url);
  world = await purgeWorld([], 3500);
  other = await purgeWorld([], 3600);
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await proxy?.close();
  await ncmec?.close();
  await world?.close();
  await other?.close();
});

/** A port nothing listens on: the connection is refused before a byte is sent. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/ispws`;
}

describe('runFiling against a failing CyberTipline', () => {
  it('a 500 on /submit: uncertain after the first try, and no second submit however often it is driven', async () => {
    proxy.setRules([{ method: 'POST', path: /\/ispws\/submit$/, status: 500, forward: false }]);
    filingId = await fileIt(world.caseId, admin);
    expect(await runFiling(filingId, FAST)).toBe('problem');
    const f = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(f).toMatchObject({ state: 'pending', problem: 'uncertain', reportId: null });
    expect(f.submitStartedAt).toBeInstanceOf(Date);
    expect(await runFiling(filingId, FAST)).toBe('problem');
    expect(proxy.log.filter((c) => c.path === '/ispws/submit')).toHaveLength(1);
    // A filing waiting for a person is not stranded: the tick leaves it alone.
    expect(await strandedFilings(new Date(Date.now() + 3_600_000))).not.toContain(filingId);
    proxy.setRules([]);
  });

  it('a refused connection: backs off (a delayed job the tick finds when due), then gives up after the cap', async () => {
    await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    const client = ncmecClientFor({ baseUrl: await closedPort(), allowPrivate: true, username: NCMEC_USERNAME, password: NCMEC_PASSWORD });
    const t0 = new Date();
    expect(await runFiling(filingId, { client, now: () => t0, settings: { backoffBaseMs: 60_000, backoffCapMs: 60_000 }, maxInlineWaitMs: 0 })).toBe('waiting');
    const waiting = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(waiting).toMatchObject({ state: 'pending', problem: null, attempts: 1, submitStartedAt: null, leaseToken: null });
    expect(waiting.nextAttemptAt?.getTime()).toBe(t0.getTime() + 60_000);
    expect(waiting.lastError).toContain('could not be reached');
    // Not due yet: neither the driver nor the tick touches it.
    expect(await runFiling(filingId, { client, now: () => t0 })).toBe('waiting');
    expect((await db.filing.findUniqueOrThrow({ where: { id: filingId } })).attempts).toBe(1);
    expect(await strandedFilings(t0)).not.toContain(filingId);
    const later = new Date(t0.getTime() + 61_000);
    expect(await strandedFilings(later)).toEqual([filingId]);
    expect((await runSchedulerTick(later)).filings).toBe(1);

    expect(await runFiling(filingId, { client, now: () => later, ...FAST })).toBe('problem');
    const failed = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(failed).toMatchObject({ state: 'pending', problem: 'failed', attempts: 6, submitStartedAt: null, reportId: null });
    expect(failed.lastError).toMatch(/^Gave up after 6 attempts/);
    expect(proxy.log.filter((c) => c.path === '/ispws/submit')).toHaveLength(1);
  });

  it('a refused password: retried, then failed with words that point at the settings', async () => {
    await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    const client = ncmecClientFor({ baseUrl: `${ncmec.url}/ispws`, allowPrivate: true, username: NCMEC_USERNAME, password: WRONG_PASSWORD });
    expect(await runFiling(filingId, { client, ...FAST })).toBe('problem');
    const failed = await db.filing.findUniqueOrThrow({ where: { id: filingId } });
    expect(failed).toMatchObject({ problem: 'failed', attempts: 6, reportId: null });
    expect(failed.lastError).toContain('Check the NCMEC settings');
    expect(countPath(await ncmecCalls(ncmec.url), 'submit')).toBe(6);
    expect(await ncmecReports(ncmec.url)).toHaveLength(0);
  });

  it('once the service answers again, a retry files exactly one report', async () => {
    await retryFiling({ ctx: { actor: admin }, input: { filingId } });
    expect(await runFiling(filingId, FAST)).toBe('finished');
    const reports = await ncmecReports(ncmec.url);
    expect(reports).toHaveLength(1);
    expect(reports[0].state).toBe('finished');
  });

  it('a finish that landed but whose answer was a 500: the repeat is told "already finished" and counts as done', async () => {
    // The proxy forwards /finish (the fake finishes the report) and answers 500 once; the repeat goes through.
    proxy.setRules([{ method: 'POST', path: /\/ispws\/finish$/, status: 500 }]);
    const finishes = () => proxy.log.filter((c) => c.path === '/ispws/finish').length;
    const before = finishes();
    const callsBefore = countPath(await ncmecCalls(ncmec.url), 'finish');
    const id = await fileIt(other.caseId, admin);
    const setRulesAfterFirstFinish = setInterval(() => {
      if (finishes() > before) proxy.setRules([]);
    }, 1);
    try {
      expect(await runFiling(id, { ...FAST, settings: { backoffBaseMs: 20, backoffCapMs: 20 } })).toBe('finished');
    } finally {
      clearInterval(setRulesAfterFirstFinish);
    }
    const f = await db.filing.findUniqueOrThrow({ where: { id } });
    expect(f).toMatchObject({ state: 'finished', problem: null });
    const report = (await ncmecReports(ncmec.url)).find((r) => String(r.reportId) === f.reportId);
    expect(report?.state).toBe('finished');
    expect(countPath(await ncmecCalls(ncmec.url), 'finish') - callsBefore).toBe(2);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'filing.finished', targetId: other.caseId } });
    expect(ev.details).toMatchObject({ filingId: id, alreadyFinished: true });
  });

  it('never puts the credentials (right or wrong) in rows, audit details or logs', async () => {
    const text = logged.join('\n');
    expect(text).toContain('filing step failed');
    const haystack = `${await storedText()}\n${text}`;
    for (const secret of [NCMEC_PASSWORD, WRONG_PASSWORD, NCMEC_USERNAME]) expect(haystack).not.toContain(secret);
    expect(haystack).not.toContain(Buffer.from(`${NCMEC_USERNAME}:${NCMEC_PASSWORD}`).toString('base64'));
  });
});
