/**
 * A matcher outage never stalls sync: with the service answering 500 or hanging, sync and ingest finish at their
 * own speed (checks run in their own job); the checks stay pending with the error and a backoff; five failures in a
 * row open the circuit (audited once), nothing reaches the service while it is open, a failed probe reopens it for
 * longer, and one success closes it. Being rate limited is a wait, not a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hit } from '@/lib/auth/rate-limit';
import { db } from '@/lib/db';
import { ingestMedia } from '@/lib/media/ingest-media';
import { guarded } from '@/lib/matchers/guard';
import { adapterFor } from '@/lib/matchers/adapter-for';
import { dueOutsideChecks, runOutsideChecks } from '@/lib/matchers/run-outside-checks';
import { saveMatcher } from '@/lib/matchers/save-matcher';
import { syncInstance } from '@/lib/sync/sync-instance';
import { startFakeHma, type FakeHma } from '@/e2e/fakes/hma/server';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake, systemActor } from './support/fixtures';

const TIMEOUT_MS = 700;
let mastodon: { fake: FakeMastodon; instanceId: string };
let hma: FakeHma;
let matcherId: string;
let mediaIds: string[];

const matcherInput = (name: string, baseUrl: string, instanceId: string, perMinute = 600) => ({
  name, kind: 'hma' as const, baseUrl, allowPrivate: true, enabled: true, instanceIds: [instanceId], signalTypes: ['pdq' as const],
  severity: 5, label: 'csam', timeoutMs: TIMEOUT_MS, perMinute,
});
const check = () => db.outsideCheck.findUniqueOrThrow({ where: { mediaId_matcherId: { mediaId: mediaIds[0], matcherId } } });
const matcher = () => db.outsideMatcher.findUniqueOrThrow({ where: { id: matcherId } });
/** Time passing for the check's backoff (the circuit's own pause is left alone). */
const makeDue = () => db.outsideCheck.updateMany({ where: { matcherId }, data: { nextAttemptAt: null } });
const openedEvents = () => db.auditEvent.count({ where: { action: 'matcher.circuit_opened', targetId: matcherId } });

beforeAll(async () => {
  mastodon = await connectedFake({ reports: 6, seed: 41 });
  hma = await startFakeHma({ banks: {} });
  hma.state.mode = 'hang';
  matcherId = (await saveMatcher({ ctx: { actor: systemActor }, input: matcherInput('HMA down', hma.url, mastodon.instanceId) })).id;
});

afterAll(async () => {
  await Promise.all([mastodon.fake.close(), hma.close()]);
});

describe('a matcher outage', () => {
  it('does not slow sync or ingest while the service hangs', async () => {
    const started = Date.now();
    await syncInstance(mastodon.instanceId);
    const media = await db.media.findMany({ where: { instanceId: mastodon.instanceId, type: 'image' }, orderBy: { id: 'asc' } });
    mediaIds = media.map((m) => m.id);
    for (const id of mediaIds) expect(await ingestMedia(id)).toBe('done');
    const elapsed = Date.now() - started;
    // Ingest only queued the checks: nothing was sent, nothing waited on the hanging service.
    expect(hma.state.records).toHaveLength(0);
    expect(await db.outsideCheck.count({ where: { matcherId, state: 'pending' } })).toBe(mediaIds.length);
    // The proof is the empty record above; the bound only says ingest never sat out a hang (which has no end).
    expect(elapsed).toBeLessThan(60_000);
  });

  it('times a hanging call out and keeps the check pending with its error and backoff', async () => {
    const started = Date.now();
    await runOutsideChecks(mediaIds[0]);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
    const c = await check();
    expect(c).toMatchObject({ state: 'pending', attempts: 1 });
    expect(c.error).toMatch(/timed out/);
    expect(c.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await matcher()).failures).toBe(1);
  });

  it('opens the circuit after five failures, sends nothing while open, reopens on a failed probe, closes on success', async () => {
    hma.state.mode = '500';
    for (let i = 0; i < 4; i++) {
      await makeDue();
      await runOutsideChecks(mediaIds[0]);
    }
    const opened = await matcher();
    expect(opened.failures).toBe(5);
    expect(opened.openUntil!.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(opened.openUntil!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(opened.lastError).toMatch(/HTTP 500/);
    expect(await openedEvents()).toBe(1);
    expect((await check()).attempts).toBe(5);

    // Open: no request leaves, the check waits for the circuit (not counted), and the tick does not pick it.
    const sent = hma.state.records.length;
    await makeDue();
    await runOutsideChecks(mediaIds[0]);
    await runOutsideChecks(mediaIds[1]);
    expect(hma.state.records.length).toBe(sent);
    expect(await check()).toMatchObject({ attempts: 5, nextAttemptAt: opened.openUntil });
    expect(await dueOutsideChecks(new Date())).toEqual([]);

    // The pause is over: one probe. It fails: open again, twice as long, audited again.
    await db.outsideMatcher.update({ where: { id: matcherId }, data: { openUntil: new Date(Date.now() - 1000) } });
    await makeDue();
    await Promise.all([runOutsideChecks(mediaIds[0]), runOutsideChecks(mediaIds[1])]);
    expect(hma.state.records.length).toBe(sent + 1);
    const reopened = await matcher();
    expect(reopened.failures).toBe(6);
    expect(reopened.openUntil!.getTime() - Date.now()).toBeGreaterThan(110_000);
    expect(await openedEvents()).toBe(2);

    // The next probe succeeds: closed, counters reset, the check done.
    hma.state.mode = 'ok';
    await db.outsideMatcher.update({ where: { id: matcherId }, data: { openUntil: new Date(Date.now() - 1000) } });
    await makeDue();
    await runOutsideChecks(mediaIds[0]);
    expect(await matcher()).toMatchObject({ failures: 0, openUntil: null, lastError: null, lastOkAt: expect.any(Date) });
    expect(await check()).toMatchObject({ state: 'done', error: null });
    expect(await openedEvents()).toBe(2);
  });

  it('gives a check up after ten failed attempts', async () => {
    hma.state.mode = '500';
    await db.outsideCheck.update({ where: { mediaId_matcherId: { mediaId: mediaIds[0], matcherId } }, data: { state: 'pending', attempts: 9, nextAttemptAt: null } });
    await runOutsideChecks(mediaIds[0]);
    expect(await check()).toMatchObject({ state: 'failed', attempts: 10, nextAttemptAt: null });
    hma.state.mode = 'ok';
    await db.outsideMatcher.update({ where: { id: matcherId }, data: { failures: 0, openUntil: null } });
  });
});

describe('the rate limit', () => {
  it('makes the third lookup in a minute wait, without counting it as a failure', async () => {
    const limited = await saveMatcher({ ctx: { actor: systemActor }, input: matcherInput('HMA slow', hma.url, mastodon.instanceId, 2) });
    const row = await db.outsideMatcher.findUniqueOrThrow({ where: { id: limited.id } });
    const adapter = await adapterFor(row);
    const q = [{ signalType: 'pdq' as const, value: 'f'.repeat(64) }];
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000); // one fixed minute
    const sent = hma.state.records.length;
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await guarded(row.id, () => adapter.lookup(q), now));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'limited']);
    expect(hma.state.records.length).toBe(sent + 2);
    expect((await db.outsideMatcher.findUniqueOrThrow({ where: { id: row.id } })).failures).toBe(0);

    // Through the job: a check that meets a spent window is moved to the next one, its attempts untouched.
    await db.outsideCheck.create({ data: { mediaId: mediaIds[2], matcherId: row.id } });
    await hit(`matcher:${row.id}`, 60, 2);
    await hit(`matcher:${row.id}`, 60, 2);
    await runOutsideChecks(mediaIds[2]);
    const c = await db.outsideCheck.findUniqueOrThrow({ where: { mediaId_matcherId: { mediaId: mediaIds[2], matcherId: row.id } } });
    expect(c).toMatchObject({ state: 'pending', attempts: 0, error: null });
    expect(c.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(c.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
  });
});
