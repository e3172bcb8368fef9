import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { createLemmyConnector } from './connector';
import { encodeCursor } from './list-reports';
import { COMMUNITY_REPORTS_UNSUPPORTED } from './report-types-v4';
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
  } while (cursor && pages < 60);
  return { all, pages };
}

/** Community reports are skipped by design, so they are not expected among the listed ones. */
const expectedIds = (s: LemmySetup, resolved: boolean) =>
  [...s.fake.state.reports.values()].filter((r) => r.resolved === resolved && r.type !== 'community').map((r) => `${r.type}:${r.id}`).sort();

describe('lemmy v4 listReports', () => {
  it('follows next_page to the end across many pages, all three kinds, without duplicates', async () => {
    setup = await withFakeLemmy({ reports: 90, seed: 4, apiVersion: 'v4' });
    const { all, pages } = await listAll(setup, false, 7);
    const ids = all.map((r) => r.remoteId);
    expect(ids.slice().sort()).toEqual(expectedIds(setup, false));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBeGreaterThan(5);
    for (const kind of ['post', 'comment', 'pm']) expect(ids.some((id) => id.startsWith(`${kind}:`))).toBe(true);
  });

  it('gives the same report ids as the v3 listing of the same instance, so switching to 1.0 duplicates nothing', async () => {
    setup = await withFakeLemmy({ reports: 40, seed: 8, apiVersion: 'v4' });
    const v3 = { ...setup, connector: createLemmyConnector({ baseUrl: setup.fake.url, token: setup.fake.token, fetch: globalThis.fetch, apiVersion: 'v3' }) };
    for (const resolved of [false, true]) {
      const viaV4 = (await listAll(setup, resolved, 9)).all;
      const viaV3 = (await listAll(v3, resolved, 9)).all;
      const byId = (list: RemoteReport[]) => new Map(list.map((r) => [r.remoteId, r]));
      expect([...byId(viaV4).keys()].sort()).toEqual([...byId(viaV3).keys()].sort());
      // Same mapping too: a report read through either API is the same normalized report, except that v4 views do
      // not say whether the reporter is banned (creator_banned is about the target): unknown there (contract I1).
      const reporterBanUnknown = (r: RemoteReport) => ({ ...r, reporter: r.reporter && { ...r.reporter, suspended: undefined } });
      for (const [id, r] of byId(viaV3)) expect(byId(viaV4).get(id)).toEqual(reporterBanUnknown(r));
      expect(viaV4.every((r) => r.reporter?.suspended === undefined && typeof r.target.suspended === 'boolean')).toBe(true);
    }
  });

  it('lists resolved reports separately', async () => {
    setup = await withFakeLemmy({ reports: 40, seed: 6, apiVersion: 'v4' });
    const { all } = await listAll(setup, true, 5);
    expect(all.map((r) => r.remoteId).sort()).toEqual(expectedIds(setup, true));
    expect(all.every((r) => r.resolved)).toBe(true);
  });

  it('maps reason, reporter, target (with its ban state), escaped text and post images', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    setup.fake.state.persons.get(4)!.banned = true;
    const raw = setup.fake.addReport({ type: 'post', reason: 'Spam <script>', creatorId: 2, targetId: 4, withImage: true, resolved: false });
    const report = await setup.connector.getReport(raw.remoteId);
    expect(report).toMatchObject({ comment: 'Spam <script>', category: 'other', resolved: false, assignee: null, rules: [] });
    expect(report.createdAt).toMatch(/^2026-/);
    expect(report.reporter).toMatchObject({ remoteId: '2', username: 'alice', domain: null });
    expect(report.target).toMatchObject({ remoteId: '4', acct: 'bob@remote.example', domain: 'remote.example', suspended: true });
    const status = report.statuses[0];
    expect(status.remoteId).toMatch(/^post:\d+$/);
    expect(status.contentHtml).toContain('&lt;b&gt;not html&lt;/b&gt;');
    expect(status.media).toHaveLength(1);
    expect((await fetch(status.media[0].url)).headers.get('content-type')).toBe('image/png');
  });

  it('finds comment and pm reports by paging the typed list (no single-report endpoint)', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const c = setup.fake.addReport({ type: 'comment', reason: 'rude' });
    const first = setup.fake.addReport({ type: 'pm' });
    for (let i = 0; i < 60; i++) setup.fake.addReport({ type: 'pm' });
    const last = setup.fake.addReport({ type: 'pm' });
    expect((await setup.connector.getReport(c.remoteId)).statuses[0].remoteId).toMatch(/^comment:/);
    expect((await setup.connector.getReport(last.remoteId)).remoteId).toBe(last.remoteId);
    expect((await setup.connector.getReport(first.remoteId)).remoteId).toBe(first.remoteId); // on page 2 (newest first)
    expect(((await caught(() => setup!.connector.getReport('post:999'))) as AppError).code).toBe('not_found');
    expect(((await caught(() => setup!.connector.getReport('community:1'))) as AppError).code).toBe('bad_request');
  });

  it('skips one malformed item with its error and keeps the rest', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const bad = setup.fake.addReport({ type: 'comment', resolved: false });
    setup.fake.addReport({ type: 'comment', resolved: false });
    setup.fake.addReport({ type: 'post', resolved: false });
    await fetch(`${setup.fake.url}/__fake/malformed`, { method: 'POST', body: JSON.stringify({ reportId: bad.remoteId }) });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items).toHaveLength(2);
    expect(page.skipped).toEqual([expect.objectContaining({ remoteId: bad.remoteId, error: expect.stringContaining('comment_creator') })]);
  });

  it('records community reports as skipped with a clear error', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const community = setup.fake.addReport({ type: 'community', resolved: false, reason: 'Hate community' });
    setup.fake.addReport({ type: 'post', resolved: false });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.map((r) => r.remoteId)).toEqual([expect.stringMatching(/^post:/)]);
    expect(page.skipped).toEqual([{ remoteId: community.remoteId, error: COMMUNITY_REPORTS_UNSUPPORTED, raw: expect.objectContaining({ type_: 'community' }) }]);
    expect(COMMUNITY_REPORTS_UNSUPPORTED).toMatch(/^community reports are not supported/);
  });

  it('backs off on rate_limit_error (HTTP 400) and then succeeds', async () => {
    setup = await withFakeLemmy({ reports: 5, apiVersion: 'v4' });
    await setup.connector.verify(); // log in first so the forced limit hits a report read
    await fetch(`${setup.fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 2 }) });
    const page = await setup.connector.listReports({ resolved: false });
    expect(setup.sleeps).toHaveLength(2);
    expect(page.items.map((r) => r.remoteId).sort()).toEqual(expectedIds(setup, false));
  });

  it('gives up with rate_limited when the limit persists', async () => {
    setup = await withFakeLemmy({ reports: 5, apiVersion: 'v4' });
    await setup.connector.verify();
    await fetch(`${setup.fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 10 }) });
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('rate_limited');
    expect(setup.sleeps).toHaveLength(3);
  });

  it('refuses a forged cursor and a v3 cursor', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const v3Cursor = encodeCursor({ post: 2, comment: 2, pm: 2 })!;
    for (const cursor of ['nope', v3Cursor]) {
      expect(((await caught(() => setup!.connector.listReports({ resolved: false, cursor }))) as AppError).code).toBe('bad_request');
    }
  });
});
