import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function listAll(s: FakeSetup, resolved: boolean, limit?: number) {
  const all: RemoteReport[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await s.connector.listReports({ resolved, cursor, limit });
    expect(page.skipped).toEqual([]);
    all.push(...page.items);
    cursor = page.next;
    pages++;
  } while (cursor && pages < 50);
  return { all, pages };
}

const openIds = (s: FakeSetup) => [...s.fake.state.reports.values()].filter((r) => !r.actionTakenAt).map((r) => r.id);

describe('gotosocial listReports', () => {
  it('paginates to the end with the default limit of 20, newest first, without duplicates', async () => {
    setup = await withFake({ reports: 90, seed: 3 });
    const open = openIds(setup);
    const { all, pages } = await listAll(setup, false);
    // GoToSocial sends rel="next" on every non-empty page, so the end is one empty page later.
    expect(pages).toBe(Math.ceil(open.length / 20) + 1);
    expect(all.map((r) => r.remoteId).sort()).toEqual(open.sort());
    expect(new Set(all.map((r) => r.remoteId)).size).toBe(all.length);
    const ids = all.map((r) => r.remoteId);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(setup.fake.state.records).toEqual([]); // reads change nothing and are not recorded
  });

  it('filters open and resolved reports and maps GoToSocial fields', async () => {
    setup = await withFake({ reports: 40, seed: 5 });
    const resolved = await listAll(setup, true, 100);
    const open = await listAll(setup, false, 100);
    expect(resolved.all.length).toBeGreaterThan(0);
    expect(resolved.all.every((r) => r.resolved && r.resolvedAt)).toBe(true);
    expect(open.all.every((r) => !r.resolved && r.resolvedAt === null)).toBe(true);
    expect(resolved.all.length + open.all.length).toBe(40);
    const remoteTarget = open.all.find((r) => r.target.domain !== null)!;
    expect(remoteTarget.target.email).toBeNull(); // GoToSocial sends "" for remote accounts
    expect(remoteTarget.target.acct).toContain('@');
  });

  it('skips a malformed report with its parse error while the others land', async () => {
    setup = await withFake({ reports: 10 });
    const [a, b] = openIds(setup);
    setup.fake.state.malformed.set(a, 'missing_target');
    setup.fake.state.malformed.set(b, 'id_object');
    const page = await setup.connector.listReports({ resolved: false, limit: 100 });
    expect(page.items).toHaveLength(openIds(setup).length - 2);
    expect(page.skipped).toHaveLength(2);
    expect(page.skipped.find((s) => s.remoteId === a)?.error).toMatch(/^target_account: /);
    expect(page.skipped.find((s) => s.remoteId === null)?.error).toMatch(/^id: /);
  });

  it('waits out a 429 using the ISO X-Ratelimit-Reset and then succeeds', async () => {
    setup = await withFake({ reports: 5, rateLimit: { limit: 300, windowMs: 30_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 1 });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.length).toBeGreaterThan(0);
    expect(setup.sleeps).toHaveLength(1);
    // The window is 30 s; the wait is taken from the reset timestamp, not a blind backoff (500 ms first).
    expect(setup.sleeps[0]).toBeGreaterThan(20_000);
    // Measured against the Date header (whole seconds), so up to 1 s more, plus up to 250 ms of jitter.
    expect(setup.sleeps[0]).toBeLessThanOrEqual(31_250);
  });

  it('gives up with rate_limited and a retryAt when the wait is too long', async () => {
    setup = await withFake({ reports: 5, rateLimit: { limit: 300, windowMs: 60 * 60_000 } });
    setup.fake.state.rateLimiter.force({ remaining: 0 });
    const e = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('rate_limited');
    expect(typeof (e as AppError).details?.retryAt).toBe('string');
  });

  it('fails with forbidden on a wrong token, and the token is not in the error', async () => {
    setup = await withFake({ reports: 3 }, 'wrong-token-secret-123');
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(e.details?.status).toBe(401);
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain('wrong-token-secret-123');
  });

  it('fails with forbidden (403) when the token lacks admin scopes', async () => {
    setup = await withFake({ reports: 3, scopes: ['read', 'write'] });
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(e.details?.status).toBe(403);
    expect(e.details?.remoteError).toMatch(/insufficient scope/);
  });

  it('reads one report, and rejects a bad cursor', async () => {
    setup = await withFake({ reports: 4 });
    const id = openIds(setup)[0];
    expect((await setup.connector.getReport(id)).remoteId).toBe(id);
    const e = (await caught(() => setup!.connector.listReports({ resolved: false, cursor: 'not-a-cursor' }))) as AppError;
    expect(e.code).toBe('bad_request');
  });
});
