import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function listAll(s: FakeSetup, resolved: boolean, limit: number) {
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

describe('mastodon listReports', () => {
  it('paginates to the end across several pages, newest first, without duplicates', async () => {
    setup = await withFake({ reports: 250, seed: 3 });
    const open = [...setup.fake.state.reports.values()].filter((r) => !r.actionTakenAt).map((r) => r.id);
    const { all, pages } = await listAll(setup, false, 40);
    expect(pages).toBe(Math.ceil(open.length / 40) + (open.length % 40 === 0 ? 1 : 0));
    expect(all.map((r) => r.remoteId).sort()).toEqual(open.sort());
    expect(new Set(all.map((r) => r.remoteId)).size).toBe(all.length);
    const ids = all.map((r) => Number(r.remoteId));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('separates open and resolved reports', async () => {
    setup = await withFake({ reports: 60, seed: 5 });
    const resolved = await listAll(setup, true, 100);
    const open = await listAll(setup, false, 100);
    expect(resolved.all.length).toBeGreaterThan(0);
    expect(resolved.all.every((r) => r.resolved && r.resolvedAt)).toBe(true);
    expect(open.all.every((r) => !r.resolved && r.resolvedAt === null)).toBe(true);
    expect(resolved.all.length + open.all.length).toBe(60);
  });

  it('skips one malformed report with its parse error while the others land', async () => {
    setup = await withFake({ reports: 10 });
    setup.fake.state.malformed.set('7', 'missing_target');
    setup.fake.state.malformed.set('4', 'id_object');
    const page = await setup.connector.listReports({ resolved: false, limit: 100 });
    const openCount = [...setup.fake.state.reports.values()].filter((r) => !r.actionTakenAt).length;
    expect(page.items).toHaveLength(openCount - 2);
    expect(page.items.map((r) => r.remoteId)).not.toContain('7');
    const missing = page.skipped.find((s) => s.remoteId === '7');
    expect(missing?.error).toMatch(/^target_account: /);
    const objectId = page.skipped.find((s) => s.remoteId === null);
    expect(objectId?.error).toMatch(/^id: /);
    expect(page.skipped).toHaveLength(2);
  });

  it('maps the seeded features: remote targets, gifv, video, statuses without media, script payloads kept raw', async () => {
    setup = await withFake({ reports: 12 });
    const { all } = await listAll(setup, false, 100);
    const byId = new Map(all.map((r) => [r.remoteId, r]));
    expect(byId.get('1')?.comment).toContain('<script>');
    expect(byId.get('3')?.statuses[0].media[0].type).toBe('gifv');
    expect(byId.get('4')?.statuses[0].media[0]).toMatchObject({ type: 'video', previewUrl: expect.stringMatching(/\/small\/\d+\.png$/) });
    expect(byId.get('5')?.statuses).toEqual([]);
    const remote = byId.get('6');
    expect(remote?.target.domain).not.toBeNull();
    expect(remote?.statuses[0].media).toHaveLength(3);
    expect(remote?.statuses[0].media[0].remoteUrl).toMatch(/^https:\/\//);
    const media = await fetch(remote!.statuses[0].media[0].url);
    expect(media.headers.get('content-type')).toMatch(/^image\//);
  });

  it('rejects a tampered cursor', async () => {
    setup = await withFake({ reports: 3 });
    const forged = Buffer.from(JSON.stringify({ max_id: '5', host: 'evil.test' })).toString('base64url');
    const err = await caught(() => setup!.connector.listReports({ resolved: false, cursor: forged }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_request');
  });

  it('getReport returns one mapped report and maps 404 to not_found', async () => {
    setup = await withFake({ reports: 5 });
    const report = await setup.connector.getReport('2');
    expect(report.remoteId).toBe('2');
    const err = await caught(() => setup!.connector.getReport('999'));
    expect((err as AppError).code).toBe('not_found');
    expect((err as AppError).details?.remoteError).toBe('Record not found');
  });
});
