import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function listAll(s: PeerTubeSetup, resolved: boolean, limit?: number) {
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

const pendingIds = (s: PeerTubeSetup) => [...s.fake.state.abuses.values()].filter((a) => a.state === 1).map((a) => String(a.id));

describe('peertube listReports', () => {
  it('pages with start/count to total without duplicates, newest first', async () => {
    setup = await withFakePeerTube({ reports: 140, seed: 3 });
    const pending = pendingIds(setup);
    expect(pending.length).toBeGreaterThan(100);
    const { all, pages } = await listAll(setup, false);
    expect(pages).toBe(Math.ceil(pending.length / 50));
    expect(all.map((r) => r.remoteId).sort()).toEqual(pending.sort());
    expect(new Set(all.map((r) => r.remoteId)).size).toBe(all.length);
    expect(all.every((r) => !r.resolved && r.target.remoteId && r.reporter)).toBe(true);
    const dates = all.map((r) => r.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('stops exactly at total when the last page is full', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    for (let i = 0; i < 20; i++) setup.fake.addReport({ state: 1 });
    const { all, pages } = await listAll(setup, false, 10);
    expect(all).toHaveLength(20);
    expect(pages).toBe(2);
  });

  it('lists accepted abuses as resolved', async () => {
    setup = await withFakePeerTube({ reports: 60, seed: 5 });
    const { all } = await listAll(setup, true);
    expect(all).toHaveLength([...setup.fake.state.abuses.values()].filter((a) => a.state === 3).length);
    expect(all.every((r) => r.resolved)).toBe(true);
  });

  it('skips a malformed abuse with its error and keeps the rest of the page', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const ids = [1, 2, 3].map(() => Number(setup!.fake.addReport({ state: 1 }).id));
    setup.fake.state.malformed.set(ids[1], 'missing_account');
    setup.fake.state.malformed.set(ids[2], 'bad_state');
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.map((r) => r.remoteId)).toEqual([String(ids[0])]);
    expect(page.skipped.map((s) => s.remoteId).sort()).toEqual([String(ids[1]), String(ids[2])].sort());
    expect(page.skipped.find((s) => s.remoteId === String(ids[1]))?.error).toContain('flaggedAccount');
  });

  it('maps a video abuse: thumbnail and preview as image media on the instance, category, accounts', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const raw = setup.fake.addReport({ kind: 'video', state: 1, flagged: 'bob', reason: 'reupload', predefinedReasons: ['rights', 'spamOrMisleading'] });
    const report = await setup.connector.getReport(String(raw.id));
    const video = raw.video as { id: number; uuid: string };
    expect(report).toMatchObject({ remoteId: String(raw.id), comment: 'reupload', category: 'legal', resolved: false, rules: [], assignee: null });
    expect(report.target).toMatchObject({ username: 'bob', acct: 'bob@remote.example', domain: 'remote.example' });
    expect(report.reporter?.domain).toBeNull();
    expect(report.statuses).toHaveLength(1);
    expect(report.statuses[0].remoteId).toBe(`video-${video.id}`);
    expect(report.statuses[0].media.map((m) => [m.type, m.url])).toEqual([
      ['image', `${setup.fake.url}/lazy-static/thumbnails/${video.uuid}.jpg`],
      ['image', `${setup.fake.url}/lazy-static/previews/${video.uuid}.jpg`],
    ]);
    for (const m of report.statuses[0].media) {
      const res = await fetch(m.url);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('maps a comment abuse with its text escaped, and categories', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const raw = setup.fake.addReport({ kind: 'comment', predefinedReasons: ['privacy'] });
    const report = await setup.connector.getReport(String(raw.id));
    const comment = raw.comment as { id: number; video: { id: number } };
    expect(report.category).toBe('privacy');
    expect(report.statuses.map((s) => s.remoteId)).toEqual([`comment-${comment.video.id}-${comment.id}`]);
    expect(report.statuses[0].contentHtml).toBe(`<p>Synthetic comment &lt;b&gt;${comment.id}&lt;/b&gt; &amp; more</p>`);
    const other = setup.fake.addReport({ kind: 'account', predefinedReasons: ['somethingNew'] });
    expect(await setup.connector.getReport(String(other.id))).toMatchObject({ category: 'other', statuses: [] });
  });

  it('getReport of an unknown id is not_found', async () => {
    setup = await withFakePeerTube({ reports: 2 });
    expect(((await caught(() => setup!.connector.getReport('999999'))) as AppError).code).toBe('not_found');
  });

  it('waits out a 429 with Retry-After, and gives up with rate_limited after the attempts', async () => {
    setup = await withFakePeerTube({ reports: 5 });
    await setup.connector.listReports({ resolved: false }); // sign in first, so the 429s hit the abuse list
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 2, windowMs: 10_000 });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.length).toBeGreaterThan(0);
    expect(setup.sleeps).toHaveLength(2);
    expect(setup.sleeps.every((ms) => ms > 0 && ms <= 10_250)).toBe(true); // Retry-After plus up to 250 ms jitter
    setup.fake.state.rateLimiter.force({ remaining: 0, times: 10, windowMs: 10_000 });
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('rate_limited');
    expect(e.details?.retryAt).toEqual(expect.any(String));
    expect(e.details?.remoteError).toBe('Too many requests, please try again later.');
  });
});
