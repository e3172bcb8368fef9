import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function listAll(s: AkkomaSetup, resolved: boolean, limit?: number) {
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

const openIds = (s: AkkomaSetup) => [...s.fake.state.reports.values()].filter((r) => r.state === 'open').map((r) => r.id);

describe('akkoma listReports', () => {
  it('pages with page/page_size=50 to the end without duplicates', async () => {
    setup = await withFakeAkkoma({ reports: 140, seed: 3 });
    const open = openIds(setup);
    expect(open.length).toBeGreaterThan(100);
    const { all, pages } = await listAll(setup, false);
    expect(pages).toBe(Math.ceil(open.length / 50));
    expect(all.map((r) => r.remoteId).sort()).toEqual(open.sort());
    expect(new Set(all.map((r) => r.remoteId)).size).toBe(all.length);
    expect(all.every((r) => !r.resolved && r.target.remoteId && r.reporter)).toBe(true);
  });

  it('stops when total is reached even if the last page is full', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    for (let i = 0; i < 20; i++) setup.fake.addReport({ state: 'open' });
    const { all, pages } = await listAll(setup, false, 10);
    expect(all).toHaveLength(20);
    expect(pages).toBe(2);
  });

  it('lists resolved reports separately', async () => {
    setup = await withFakeAkkoma({ reports: 60, seed: 5 });
    const resolved = await listAll(setup, true);
    const expected = [...setup.fake.state.reports.values()].filter((r) => r.state === 'resolved').length;
    expect(resolved.all).toHaveLength(expected);
    expect(resolved.all.every((r) => r.resolved)).toBe(true);
  });

  it('maps statuses, media and the nickname as the account id', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    const raw = setup.fake.addReport({ account: 'bob@remote.example', actor: 'alice', statusCount: 3, content: 'spam' });
    const report = await setup.connector.getReport(String(raw.id));
    expect(report).toMatchObject({ comment: 'spam', category: 'other', resolved: false, rules: [], assignee: null });
    expect(report.target).toMatchObject({ remoteId: 'bob@remote.example', acct: 'bob@remote.example', domain: 'remote.example' });
    expect(report.reporter).toMatchObject({ remoteId: 'alice', domain: null });
    expect(report.statuses).toHaveLength(3);
    const media = report.statuses.flatMap((s) => s.media);
    for (const m of media) {
      const res = await fetch(m.url);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('skips one malformed report with its parse error while the others land', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    const ids = Array.from({ length: 6 }, () => String(setup!.fake.addReport({ state: 'open' }).id));
    setup.fake.state.malformed.set(ids[2], 'missing_account');
    setup.fake.state.malformed.set(ids[4], 'id_object');
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.map((r) => r.remoteId).sort()).toEqual([ids[0], ids[1], ids[3], ids[5]].sort());
    expect(page.skipped).toHaveLength(2);
    expect(page.skipped.find((s) => s.remoteId === ids[2])?.error).toMatch(/^account: /);
    expect(page.skipped.find((s) => s.remoteId === null)?.error).toMatch(/^id: /);
    expect(page.next).toBeNull();
  });

  it('keeps a report whose note is malformed, with its other notes', async () => {
    setup = await withFakeAkkoma({ reports: 0 });
    const id = String(setup.fake.addReport({ state: 'open' }).id);
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'first' });
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'second' });
    setup.fake.state.malformed.set(id, 'bad_note'); // the first note comes back with content null
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.skipped).toEqual([]);
    expect(page.items[0].notes?.map((n) => [n.author, n.text])).toEqual([['admin', 'second']]);
  });

  it('backs off on 429 and then succeeds', async () => {
    setup = await withFakeAkkoma({ reports: 5 });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 2 });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.length).toBeGreaterThan(0);
    expect(setup.sleeps).toHaveLength(2);
    // Akkoma sends no rate-limit headers, so the waits are exponential backoff: 500 ms, then 1000 ms, plus jitter.
    expect(setup.sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(setup.sleeps[1]).toBeGreaterThanOrEqual(1000);
  });

  it('gives up with rate_limited when the limit persists', async () => {
    setup = await withFakeAkkoma({ reports: 5 });
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 100 });
    const e = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('rate_limited');
    expect((e as AppError).details?.remoteError).toBe('Throttled');
    expect(setup.sleeps).toHaveLength(3);
  });

  it('surfaces the bare-string "Not found" of an unknown report as not_found', async () => {
    setup = await withFakeAkkoma({ reports: 1 });
    const e = (await caught(() => setup!.connector.getReport('RP99999999'))) as AppError;
    expect(e.code).toBe('not_found');
    expect(e.details?.remoteError).toBe('Not found');
    expect(e.userMessage).toContain('Not found');
  });
});
