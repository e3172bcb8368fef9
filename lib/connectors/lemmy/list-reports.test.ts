import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function listAll(s: LemmySetup, resolved: boolean, limit?: number) {
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

const expectedIds = (s: LemmySetup, resolved: boolean) =>
  [...s.fake.state.reports.values()].filter((r) => r.resolved === resolved).map((r) => `${r.type}:${r.id}`).sort();

describe('lemmy listReports', () => {
  it('pages across post, comment and pm reports to the end without duplicates', async () => {
    setup = await withFakeLemmy({ reports: 90, seed: 4 });
    const { all, pages } = await listAll(setup, false, 7);
    const ids = all.map((r) => r.remoteId);
    expect(ids.sort()).toEqual(expectedIds(setup, false));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBeGreaterThan(2);
    for (const kind of ['post', 'comment', 'pm']) expect(ids.some((id) => id.startsWith(`${kind}:`))).toBe(true);
  });

  it('lists resolved reports separately', async () => {
    setup = await withFakeLemmy({ reports: 40, seed: 6 });
    const { all } = await listAll(setup, true, 5);
    expect(all.map((r) => r.remoteId).sort()).toEqual(expectedIds(setup, true));
    expect(all.every((r) => r.resolved)).toBe(true);
  });

  it('maps reason, reporter, target, escaped text and post images', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const raw = setup.fake.addReport({ type: 'post', reason: 'Spam <script>', creatorId: 2, targetId: 4, withImage: true, resolved: false });
    const report = await setup.connector.getReport(raw.remoteId);
    expect(report).toMatchObject({ comment: 'Spam <script>', category: 'other', resolved: false, assignee: null, rules: [] });
    expect(report.reporter).toMatchObject({ remoteId: '2', username: 'alice', domain: null });
    expect(report.target).toMatchObject({ remoteId: '4', acct: 'bob@remote.example', domain: 'remote.example' });
    const status = report.statuses[0];
    expect(status.remoteId).toMatch(/^post:\d+$/);
    expect(status.contentHtml).toContain('&lt;b&gt;not html&lt;/b&gt;');
    expect(status.media).toHaveLength(1);
    const img = await fetch(status.media[0].url);
    expect(img.headers.get('content-type')).toBe('image/png');
  });

  it('finds comment and pm reports by paging (no single-report endpoint)', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const c = setup.fake.addReport({ type: 'comment', reason: 'rude' });
    for (let i = 0; i < 60; i++) setup.fake.addReport({ type: 'pm' });
    const pm = setup.fake.addReport({ type: 'pm' });
    const first = setup.fake.state.reportsOf('pm').at(-1)!;
    expect((await setup.connector.getReport(c.remoteId)).statuses[0].remoteId).toMatch(/^comment:/);
    expect((await setup.connector.getReport(pm.remoteId)).remoteId).toBe(pm.remoteId);
    expect((await setup.connector.getReport(`pm:${first.id}`)).remoteId).toBe(`pm:${first.id}`); // on page 2
    expect(((await caught(() => setup!.connector.getReport('post:999'))) as AppError).code).toBe('not_found');
  });

  it('skips one malformed item with its error and keeps the rest', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const bad = setup.fake.addReport({ type: 'comment', resolved: false });
    setup.fake.addReport({ type: 'comment', resolved: false });
    setup.fake.addReport({ type: 'post', resolved: false });
    await fetch(`${setup.fake.url}/__fake/malformed`, { method: 'POST', body: JSON.stringify({ reportId: bad.remoteId }) });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items).toHaveLength(2);
    expect(page.skipped).toEqual([expect.objectContaining({ remoteId: bad.remoteId, error: expect.stringContaining('comment_creator') })]);
  });

  it('backs off on rate_limit_error (HTTP 400) and then succeeds', async () => {
    setup = await withFakeLemmy({ reports: 5 });
    await setup.connector.verify(); // log in first so the forced limit hits a report read
    await fetch(`${setup.fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 2 }) });
    const page = await setup.connector.listReports({ resolved: false });
    expect(setup.sleeps).toHaveLength(2);
    expect(page.items.map((r) => r.remoteId).sort()).toEqual(expectedIds(setup, false));
  });

  it('gives up with rate_limited when the limit persists', async () => {
    setup = await withFakeLemmy({ reports: 5 });
    await setup.connector.verify();
    await fetch(`${setup.fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 10 }) });
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('rate_limited');
    expect(setup.sleeps).toHaveLength(3);
  });

  it('refuses a forged cursor', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    expect(((await caught(() => setup!.connector.listReports({ resolved: false, cursor: 'nope' }))) as AppError).code).toBe('bad_request');
  });
});
